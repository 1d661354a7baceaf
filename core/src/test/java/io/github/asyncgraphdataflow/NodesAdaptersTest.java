package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The ready-made shapes in {@link Nodes}: simple steps without emitter code. */
class NodesAdaptersTest {

  private static ConcurrentLinkedQueue<Object> runThrough(NodeFunction<String, ?> step,
      List<String> items) throws InterruptedException {
    ConcurrentLinkedQueue<Object> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", Nodes.source(() -> items));
    graph.addNode("step", step);
    graph.addNode("sink", Nodes.sink(sink::add));
    graph.addEdge("src", "step");
    graph.addEdge("step", "sink");
    new AsyncExecutor(graph).execute();
    return sink;
  }

  @Test
  void mapEmitsOneResultPerInput() throws Exception {
    assertThat(runThrough(Nodes.map(String::length), List.of("a", "bbb")))
        .containsExactlyInAnyOrder(1, 3);
  }

  @Test
  void filterPassesOnWhatThePredicateAccepts() throws Exception {
    assertThat(runThrough(Nodes.filter((String s) -> s.startsWith("k")),
        List.of("keep", "drop", "kept"))).containsExactlyInAnyOrder("keep", "kept");
  }

  @Test
  void flatMapEmitsEveryElementAndNothingForNull() throws Exception {
    assertThat(runThrough(Nodes.flatMap((String s) -> s.isEmpty() ? null : List.of(s.split(","))),
        List.of("a,b", "", "c"))).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void flatMapStreamEmitsEveryElementAndClosesTheStream() throws Exception {
    AtomicBoolean closed = new AtomicBoolean();

    assertThat(runThrough(Nodes.flatMapStream((String s) ->
        Stream.of(s, s + s).onClose(() -> closed.set(true))), List.of("x")))
        .containsExactlyInAnyOrder("x", "xx");
    assertThat(closed).isTrue();
  }

  @Test
  void sinkConsumesAndEmitsNothing() throws Exception {
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

    assertThat(runThrough(Nodes.sink(seen::add), List.of("a", "b"))).isEmpty();
    assertThat(seen).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aFailingMapperIsAnErrorOfItsNode() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", Nodes.source(() -> List.of("1", "x", "3")));
    graph.addNode("parse", Nodes.<String, Integer>map(Integer::parseInt));
    graph.addEdge("src", "parse");

    ExecutionResult result = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(result.stats().get("parse")).isEqualTo(TestStats.done(3, 2, 1, 0));
    assertThat(result.exceptions().get("parse")).singleElement()
        .isInstanceOf(NumberFormatException.class);
  }
}
