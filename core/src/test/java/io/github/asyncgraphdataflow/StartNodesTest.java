package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Start nodes: by default the nodes with no incoming edge, called once with no argument; or the
 * nodes the caller names, each called once with its arguments.
 */
class StartNodesTest {

  @Test
  void byDefaultTheNodesWithNoIncomingEdgeStartWithNoArguments() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("b", (Integer x, Emitter<Void> out) -> { });
    graph.addNode("a1", (Emitter<Integer> out) -> out.emit(1));
    graph.addNode("a2", (Emitter<Integer> out) -> out.emit(2));
    graph.addEdge("a1", "b");
    graph.addEdge("a2", "b");
    AsyncExecutor executor = new AsyncExecutor(graph);

    assertThat(executor.graph()).isSameAs(graph);
    assertThat(executor.startNodes()).containsExactly(
        Map.entry("a1", List.of()), Map.entry("a2", List.of()));
    executor.execute();
    assertThat(executor.startNodes()).containsExactly(
        Map.entry("a1", List.of()), Map.entry("a2", List.of()));
  }

  /** The original's "different start node" example. */
  @Test
  void aNamedStartNodeRunsAndTheNodesBeforeItDoNot() throws Exception {
    AtomicInteger node1Calls = new AtomicInteger();
    ConcurrentLinkedQueue<String> node2Inputs = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("node1", (Emitter<String> out) -> {
      node1Calls.incrementAndGet();
      out.emit("hello");
      out.emit("world");
    });
    graph.addNode("node2", (String data, Emitter<String> out) -> {
      node2Inputs.add(data);
      out.emit("data1");
      out.emit("data2");
    });
    graph.addNode("node3", (String data, Emitter<Void> out) -> { });
    graph.addEdge("node1", "node2");
    graph.addEdge("node2", "node3");
    AsyncExecutor executor = new AsyncExecutor(graph);

    ExecutionResult result = executor.execute(Map.of("node2", List.of("the argument")));

    assertThat(node1Calls).hasValue(0);
    assertThat(node2Inputs).containsExactly("the argument");
    assertThat(result.stats()).containsExactly(
        Map.entry("node1", TestStats.done(0, 0, 0, 0)),
        Map.entry("node2", TestStats.done(0, 2, 0, 0)),
        Map.entry("node3", TestStats.done(2, 0, 0, 0)));
    assertThat(executor.startNodes()).containsExactly(Map.entry("node2", List.of("the argument")));
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void aStartNodeIsCalledOncePerExecutionWithItsArguments(int maxTasks, int queueSize)
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Integer from, Integer count, Emitter<Integer> out) -> {
      calls.incrementAndGet();
      for (int i = from; i < from + count; i++) {
        out.emit(i);
      }
    }, Matrix.opts("range", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Void> out) -> sink.add(x),
        Matrix.opts("sink", maxTasks, queueSize));
    graph.addEdge("range", "sink");
    AsyncExecutor executor = new AsyncExecutor(graph);

    executor.execute(Map.of("range", List.of(10, 5)));
    executor.execute(Map.of("range", List.of(100, 2)));

    assertThat(calls).hasValue(2);
    assertThat(sink).containsExactlyInAnyOrder(10, 11, 12, 13, 14, 100, 101);
  }

  /** The original's "graph with no edges" example, with arguments for a one-input node. */
  @Test
  void aGraphWithNoEdgesStartsTheNodesItIsGiven() throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("node1", (String data, Emitter<Void> out) -> got.add("node1:" + data));
    graph.addNode("node2", (String data, Emitter<Void> out) -> got.add("node2:" + data));
    AsyncExecutor executor = new AsyncExecutor(graph);

    // both have no incoming edge, but need an argument: the default start fails fast
    assertThatThrownBy(executor::startNodes).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'node1'").hasMessageContaining("takes 1 input");
    executor.execute(Map.of("node1", List.of("foo")));

    assertThat(executor.startNodes()).containsExactly(Map.entry("node1", List.of("foo")));
    assertThat(got).containsExactly("node1:foo");
  }

  @Test
  void aNoInputStartNodeIgnoresItsArguments() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Void> out) -> calls.incrementAndGet());

    new AsyncExecutor(graph).execute(Map.of("src", List.of("ignored", 42)));

    assertThat(calls).hasValue(1);
  }

  @Test
  void aStartNodeWithManyWorkersIsStillCalledOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Emitter<Void> out) -> calls.incrementAndGet(),
        NodeOptions.builder().name("src").maxTasks(8).build());

    new AsyncExecutor(graph).execute();

    assertThat(calls).hasValue(1);
  }

  @Test
  void aStartNodeWithIncomingEdgesIsCalledAndAlsoProcessesWhatArrives() throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("up", (String s, Emitter<String> out) -> out.emit(s + "!"));
    graph.addNode("down", (String s, Emitter<Void> out) -> got.add(s));
    graph.addEdge("up", "down");

    new AsyncExecutor(graph).execute(Map.of("up", List.of("u"), "down", List.of("d")));

    assertThat(got).containsExactlyInAnyOrder("d", "u!");
  }

  @Test
  void nullArgumentsArePassedAsNull() throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("pair", (String a, String b, Emitter<Void> out) -> got.add(a + "," + b));

    new AsyncExecutor(graph).execute(Map.of("pair", Arrays.asList(null, "b")));

    assertThat(got).containsExactly("null,b");
  }

  @Test
  void startNodesKeepTheCallersOrder() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    for (String n : List.of("a", "b", "c")) {
      graph.addNode(n, (Emitter<Void> out) -> { });
    }
    Map<String, List<?>> order = new LinkedHashMap<>();
    order.put("c", List.of());
    order.put("a", List.of());
    AsyncExecutor executor = new AsyncExecutor(graph);

    executor.execute(order);

    assertThat(executor.startNodes().keySet()).containsExactly("c", "a");
  }

  @Test
  void argumentsThatDoNotFitAreRefusedBeforeAnythingRuns() {
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("other", (Emitter<Void> out) -> calls.incrementAndGet());
    graph.addNode("sum", (Integer a, Integer b, Emitter<Integer> out) -> out.emit(a + b));
    AsyncExecutor executor = new AsyncExecutor(graph);

    assertThatThrownBy(() -> executor.execute(Map.of("other", List.of(), "sum", List.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sum'").hasMessageContaining("takes 2 input(s)")
        .hasMessageContaining("1 argument(s)");
    assertThatThrownBy(() -> executor.execute(Map.of("sum", List.of(1, "two"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sum'").hasMessageContaining("java.lang.String")
        .hasMessageContaining("java.lang.Integer");
    assertThat(calls).hasValue(0);
    assertThat(executor.dataFlowStats()).allSatisfy((node, s) -> assertThat(s).isEqualTo(NodeStats.ZERO));
  }
}
