package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Failures traceable to their item: {@code failures()} keeps, per node, the item of each kept
 * failure, and every ERROR line names the item (its {@code toString}, at most 200 characters).
 */
class FailuresTest {
  private final RecordingLogger logger = new RecordingLogger("failures");

  @Test
  void everyKeptFailureAndEveryErrorLineNamesItsItem() throws Exception {
    String longItem = "x".repeat(500);
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode("source", (Emitter<String> out) -> {
      for (String s : List.of("ok", "http://down.example/1", longItem)) {
        out.emit(s);
      }
    });
    var fetch = graph.addNode("fetch", (String url, Emitter<String> out) -> {
      if (!url.equals("ok")) {
        throw new java.net.ConnectException("Connection refused");
      }
      out.emit(url);
    });
    graph.addEdge(source, fetch);
    Instant before = Instant.now();
    AsyncExecutor executor = AsyncExecutor.builder(graph).logger(logger).build();
    assertThat(executor.failures()).containsOnlyKeys("source", "fetch")
        .allSatisfy((node, list) -> assertThat(list).isEmpty());

    ExecutionResult result = executor.execute();

    List<Failure> failures = result.failures().get("fetch");
    assertThat(failures).extracting(Failure::item)
        .containsExactly("http://down.example/1", longItem);
    assertThat(failures).allSatisfy(f -> {
      assertThat(f.node()).isEqualTo("fetch");
      assertThat(f.attempts()).isEqualTo(1);
      assertThat(f.at()).isAfterOrEqualTo(before);
    });
    assertThat(failures).extracting(Failure::error)
        .containsExactlyElementsOf(result.exceptions().get("fetch"));
    assertThat(executor.failures()).isEqualTo(result.failures());
    assertThat(logger.messages(Level.ERROR)).containsExactly(
        "Exception in node 'fetch' on item http://down.example/1",
        "Exception in node 'fetch' on item " + "x".repeat(200) + "... (500 chars)");
  }

  @Test
  void anErrorLineOfAStartCallSaysSoAndNamesItsArgumentsIfAny() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("discover", (Emitter<String> out) -> {
      throw new java.io.IOException("no answer");
    });
    graph.addNode("seed", (Integer from, Emitter<Integer> out) -> {
      throw new IllegalStateException("bad seed");
    });
    // an empty list as an ordinary item is still "on item []"
    var lists = graph.addNode("lists", (Emitter<List<String>> out) -> out.emit(List.of()));
    var check = graph.addNode("check", (List<String> l, Emitter<Void> out) -> {
      throw new IllegalArgumentException("empty");
    });
    graph.addEdge(lists, check);

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build()
        .execute(java.util.Map.of("discover", List.of(), "seed", List.of(7), "lists", List.of()));

    assertThat(result.failures().get("discover")).extracting(Failure::item)
        .containsExactly(List.of());
    assertThat(logger.messages(Level.ERROR)).containsExactlyInAnyOrder(
        "Exception in node 'discover' in its start call",
        "Exception in node 'seed' in its start call with arguments [7]",
        "Exception in node 'check' on item []");
  }
}
