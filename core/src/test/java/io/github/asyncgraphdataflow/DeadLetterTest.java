package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Error edges: a call that fails for good sends a {@link DeadLetter} to the edge's
 * destination (counted as {@code err} at the source and {@code in} there); error edges take
 * part in cycle checks and termination like edges, and are listed apart.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeadLetterTest {
  private final RecordingLogger logger = new RecordingLogger("dead-letters");
  private final ConcurrentLinkedQueue<DeadLetter<String>> letters = new ConcurrentLinkedQueue<>();

  static void parse(String s, Emitter<Integer> out) throws InterruptedException {
    out.emit(Integer.parseInt(s));
  }

  void failed(DeadLetter<String> letter, Emitter<Void> out) {
    letters.add(letter);
  }

  private AsyncGraph graph(Retry retry) {
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode("source", (Emitter<String> out) -> {
      for (String s : List.of("1", "two", "3", "four")) {
        out.emit(s);
      }
    });
    var parse = graph.addNode(DeadLetterTest::parse, NodeOptions.builder().retry(retry).build());
    var sink = graph.addNode("sink", (Integer i, Emitter<Void> out) -> { });
    var failed = graph.addNode(this::failed, NodeOptions.builder().name("failed").build());
    graph.addEdge(source, parse);
    graph.addEdge(parse, sink);
    graph.addErrorEdge(parse, failed);
    return graph;
  }

  @Test
  void aCallThatFailsForGoodSendsItsItemErrorAndAttemptsAlongTheErrorEdge() throws Exception {
    ExecutionResult result = AsyncExecutor.builder(graph(Retry.of(2).backoff(Duration.ZERO)))
        .logger(logger).build().execute();

    assertThat(letters).extracting(DeadLetter::item).containsExactlyInAnyOrder("two", "four");
    assertThat(letters).allSatisfy(d -> {
      assertThat(d.node()).isEqualTo("parse");
      assertThat(d.error()).isInstanceOf(NumberFormatException.class);
      assertThat(d.attempts()).isEqualTo(2);
    });
    assertThat(result.stats().get("parse").err()).isEqualTo(2);
    assertThat(result.stats().get("parse").out()).isEqualTo(2);
    assertThat(result.stats().get("failed")).isEqualTo(TestStats.done(2, 0, 0, 0));
    assertThat(result.stats().get("sink").in()).isEqualTo(2);
    assertThat(logger.messages(org.slf4j.event.Level.ERROR)).containsExactlyInAnyOrder(
        "Exception in node 'parse' on item two", "Exception in node 'parse' on item four");
  }

  @Test
  void anEmittedThrowableIsADeadLetterToo() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode("source", (Emitter<String> out) -> out.emit("x"));
    var check = graph.addNode("check", (String s, Emitter<Object> out) ->
        out.emit(new IllegalArgumentException("bad " + s)));
    var failed = graph.addNode(this::failed, NodeOptions.builder().name("failed").build());
    graph.addEdge(source, check);
    graph.addErrorEdge(check, failed);

    AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(letters).singleElement().satisfies(d -> {
      assertThat(d.item()).isEqualTo("x");
      assertThat(d.attempts()).isEqualTo(1);
    });
  }

  @Test
  void aStartNodesDeadLetterCarriesItsArguments() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("start", (String s, Emitter<String> out) -> {
      throw new IllegalStateException("no " + s);
    });
    ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
    graph.addNode("failed", (DeadLetter<?> d, Emitter<Void> out) -> items.add(d.item()));
    graph.addErrorEdge("start", "failed");

    AsyncExecutor.builder(graph).logger(logger).build().execute(Map.of("start", List.of("go")));

    assertThat(items).containsExactly(List.of("go"));
  }

  @Test
  void theDeadLetterNodeEndsAfterItsErrorEdgeSourcesAndIsNoStartNode() throws Exception {
    AsyncGraph graph = graph(Retry.none());
    assertThat(graph.sourceNodes()).containsExactly("source");
    assertThat(graph.errorEdges()).containsExactly(new Edge("parse", "failed"));
    assertThat(graph.edges()).doesNotContain(new Edge("parse", "failed"));
    assertThat(graph.nodesToEdges().get("parse")).containsExactly("sink");
    // a slow failing node: the dead-letter node must still receive everything (no early end)
    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();
    assertThat(result.stats().get("failed").in()).isEqualTo(result.stats().get("parse").err());
  }

  @Test
  void anErrorEdgeClosingACycleIsRefusedAndChangesNothing() {
    AsyncGraph graph = graph(Retry.none());
    assertThatThrownBy(() -> graph.addErrorEdge("sink", "parse"))
        .isInstanceOf(InvalidAsyncGraphException.class)
        .hasMessage("Graph has a cycle: the error edge sink -> parse closes a path parse -> ... "
            + "-> sink; the graph is unchanged");
    assertThatThrownBy(() -> graph.addEdge("failed", "parse"))
        .isInstanceOf(InvalidAsyncGraphException.class);
    assertThat(graph.errorEdges()).containsExactly(new Edge("parse", "failed"));
    assertThat(graph.edges()).hasSize(2);
    graph.addErrorEdge("parse", "failed"); // again: nothing changes
    assertThat(graph.errorEdges()).hasSize(1);
    assertThat(Set.copyOf(graph.sourceNodes())).containsExactly("source");
  }
}
