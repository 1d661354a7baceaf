package io.github.asyncgraphdataflow.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/** The raw endpoints, over plain HTTP. */
class LiveViewEndpointsTest {
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  static AsyncGraph graph() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("read", (Emitter<Integer> out) -> {
      for (int i = 0; i < 10; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      if (x == 4) {
        throw new IllegalArgumentException("bad \"row\" 4");
      }
      out.emit(x);
    }, NodeOptions.builder().name("parse").maxTasks(2).queueSize(5).build());
    graph.addEdge("read", "parse");
    return graph;
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageTheDataAndTheGraphPictures() throws Exception {
    AsyncExecutor.Builder builder = AsyncExecutor.builder(graph()).logger(NOPLogger.NOP_LOGGER);
    // @start region="usage"
    try (LiveView view = LiveView.start(builder, 0)) { // 0: any free port; builds the executor
      System.out.println("Live view: " + view.url());
      ExecutionResult result = view.executor().execute();
      // @end
      assertThat(view.url().getHost()).isEqualTo("127.0.0.1");
      assertThat(view.url().getPort()).isPositive();
      assertThat(get(view.url()).body()).contains("<svg id=\"graph\"").contains("live.js");
      assertThat(get(view.url().resolve("live.js")).headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
      assertThat(get(view.url().resolve("graph.json")).body())
          .contains("{\"name\":\"read\",\"maxTasks\":1,\"queueSize\":10000,\"layer\":0,\"row\":0,"
              + "\"source\":true}")
          .contains("\"edges\":[[0,1]]");
      assertThat(get(view.url().resolve("graph.mmd")).body())
          .isEqualTo(view.executor().graph().toMermaid()).contains("n0 --> n1");
      assertThat(get(view.url().resolve("graph.dot")).body())
          .isEqualTo(view.executor().graph().toDot());
      assertThat(result.stats().get("parse").err()).isEqualTo(1);
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(get(view.url().resolve("stats.json")).body())
              .contains("\"state\":\"finished\"")
              .contains("{\"name\":\"parse\",\"in\":10,\"out\":9,\"err\":1,\"discarded\":0,"
                  + "\"calls\":10,")
              .contains("\"lastError\":\"IllegalArgumentException: bad \\\"row\\\" 4\""));
      assertThat(get(view.url().resolve("nope")).statusCode()).isEqualTo(404);
      assertThat(http.send(HttpRequest.newBuilder(view.url()).POST(
          HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(405);
    }
  }

  @Test
  void eventsStreamOneStatsDocumentPerTickAndCloseEndsTheStream() throws Exception {
    AsyncExecutor executor = AsyncExecutor.builder(graph()).logger(NOPLogger.NOP_LOGGER).build();
    LiveView view = LiveView.start(executor, 0);
    HttpResponse<InputStream> events = http.send(
        HttpRequest.newBuilder(view.url().resolve("events")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(events.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
      int documents = 0;
      String line;
      while (documents < 3 && (line = lines.readLine()) != null) {
        if (line.startsWith("data: ")) {
          assertThat(line).contains("\"state\":\"waiting\"").contains("\"name\":\"parse\"");
          documents++;
        }
      }
      assertThat(documents).isEqualTo(3);
      view.close();
      while (lines.readLine() != null) {
        // drain: the stream must end once the view is closed
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(view.url()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void withoutTheListenerTheLastErrorIsReadFromTheKeptExceptions() throws Exception {
    AsyncExecutor executor = AsyncExecutor.builder(graph()).logger(NOPLogger.NOP_LOGGER).build();
    try (LiveView view = LiveView.start(executor, 0)) {
      executor.execute();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(get(view.url().resolve("stats.json")).body())
              .contains("\"state\":\"finished\"")
              .contains("\"lastError\":\"IllegalArgumentException: bad \\\"row\\\" 4\""));
    }
  }

  @Test
  void aPortOutOfRangeIsRefused() {
    AsyncExecutor executor = new AsyncExecutor(graph());
    assertThatIllegalArgumentException().isThrownBy(() -> LiveView.start(executor, 70_000))
        .withMessage("port must be between 0 and 65535, was 70000");
  }
}
