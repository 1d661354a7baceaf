package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each bad input gets a specific exception whose message names what is wrong. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ValidationTest {

  private static AsyncGraph chain() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", (Emitter<Integer> out) -> out.emit(1));
    graph.addNode("b", (Integer x, Emitter<Void> out) -> { });
    graph.addEdge("a", "b");
    return graph;
  }

  @Test
  void aGraphWithNoStartNodesIsInvalid() {
    assertThatThrownBy(() -> new AsyncExecutor(new AsyncGraph()).execute())
        .isExactlyInstanceOf(InvalidAsyncGraphException.class)
        .hasMessage("The graph has no start nodes");
    assertThatThrownBy(() -> new AsyncExecutor(chain()).execute(Map.of()))
        .isExactlyInstanceOf(InvalidAsyncGraphException.class)
        .hasMessage("The graph has no start nodes");
    assertThatThrownBy(() -> new AsyncExecutor(new AsyncGraph()).startNodes())
        .isInstanceOf(InvalidAsyncGraphException.class);
  }

  @Test
  void anUnknownStartNodeIsRefused() {
    AsyncExecutor executor = new AsyncExecutor(chain());

    assertThatThrownBy(() -> executor.execute(Map.of("node3", List.of())))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("The graph doesn't have the node 'node3'");
    assertThat(executor.dataFlowStats()).allSatisfy((node, s) -> assertThat(s).isEqualTo(NodeStats.ZERO));
  }

  @Test
  void nullArgumentsAreRefusedNamingTheParameter() {
    AsyncGraph graph = chain();
    AsyncExecutor executor = new AsyncExecutor(graph);
    Map<String, List<?>> nullArgs = new HashMap<>();
    nullArgs.put("a", null);
    Map<String, List<?>> nullName = new HashMap<>();
    nullName.put(null, List.of());

    assertThatThrownBy(() -> new AsyncExecutor(null))
        .isInstanceOf(NullPointerException.class).hasMessage("graph");
    assertThatThrownBy(() -> AsyncExecutor.builder(null))
        .isInstanceOf(NullPointerException.class).hasMessage("graph");
    assertThatThrownBy(() -> executor.execute(null))
        .isInstanceOf(NullPointerException.class).hasMessage("startNodes");
    assertThatThrownBy(() -> executor.execute(nullArgs))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("'a'");
    assertThatThrownBy(() -> executor.execute(nullName))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("null node name");
    assertThatThrownBy(() -> graph.addNode((SourceFunction<Object>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("function");
    assertThatThrownBy(() -> graph.addNode("x", (NodeFunction<Object, Object>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("function of node 'x'");
    assertThatThrownBy(() -> graph.addNode((Emitter<Object> out) -> { }, null))
        .isInstanceOf(NullPointerException.class).hasMessage("options");
    assertThatThrownBy(() -> graph.addEdge(null, "b"))
        .isInstanceOf(NullPointerException.class).hasMessage("source");
    assertThatThrownBy(() -> graph.addEdge("a", (String) null))
        .isInstanceOf(NullPointerException.class).hasMessage("destination");
    assertThatThrownBy(() -> graph.node(null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> AsyncExecutor.builder(graph).logger(null))
        .isInstanceOf(NullPointerException.class).hasMessage("logger");
    assertThatThrownBy(() -> AsyncExecutor.builder(graph).threadFactory(null))
        .isInstanceOf(NullPointerException.class).hasMessage("threadFactory");
    assertThatThrownBy(() -> NodeOptions.builder().name(null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> NodeOptions.builder().queue(null))
        .isInstanceOf(NullPointerException.class).hasMessage("queue");
    assertThat(graph.nodes()).hasSize(2);
  }

  @Test
  void maxTasksBelowOneIsRefused() {
    assertThatThrownBy(() -> NodeOptions.builder().maxTasks(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTasks must be at least 1, was 0");
    assertThatThrownBy(() -> new NodeOptions("n", false, true, -1, 10, null, true, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTasks must be at least 1, was -1");
  }

  @Test
  void queueSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> NodeOptions.builder().queueSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queueSize must be at least 1, was 0");
    assertThatThrownBy(() -> new NodeOptions("n", false, true, 1, -5, null, true, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queueSize must be at least 1, was -5");
  }

  @Test
  void maxExceptionsBelowOneIsRefused() {
    assertThatThrownBy(() -> AsyncExecutor.builder(chain()).maxExceptions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxExceptions must be at least 1, was 0");
  }

  @Test
  void aNegativeHaltTimeoutIsRefused() {
    assertThatThrownBy(() -> AsyncExecutor.builder(chain()).haltTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("haltTimeout");
  }

  @Test
  void aDuplicateNodeNameIsRefusedAndTheGraphIsUnchanged() {
    AsyncGraph graph = chain();

    assertThatThrownBy(() -> graph.addNode("a", (Emitter<Integer> out) -> out.emit(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The graph already has a node named 'a'");
    assertThat(graph.nodes()).hasSize(2);
  }

  @Test
  void aBlankNameIsRefused() {
    assertThatThrownBy(() -> NodeOptions.builder().name("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> new AsyncGraph().addNode("", (Emitter<Integer> out) -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
  }

  @Test
  void anEdgeToOrFromAnUnknownNodeIsRefusedNamingIt() {
    AsyncGraph graph = chain();

    assertThatThrownBy(() -> graph.addEdge("a", "nowhere"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The graph doesn't have the node 'nowhere'");
    assertThatThrownBy(() -> graph.addEdge("nowhere", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The graph doesn't have the node 'nowhere'");
    assertThatThrownBy(() -> graph.node("nowhere"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nowhere'");
    assertThat(graph.edges()).containsExactly(new Edge("a", "b"));
  }

  @Test
  void aLambdaWithoutANameIsRefused() {
    AsyncGraph graph = new AsyncGraph();

    assertThatThrownBy(() -> graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambda has no name");
  }

  @Test
  void aCyclicEdgeIncludingASelfEdgeIsRefusedAndLeavesTheGraphUnchanged() {
    AsyncGraph graph = chain();
    graph.addNode("c", (Integer x, Emitter<Integer> out) -> out.emit(x));
    graph.addEdge("b", "c");
    var before = graph.nodesToEdges();

    assertThatThrownBy(() -> graph.addEdge("c", "a"))
        .isExactlyInstanceOf(InvalidAsyncGraphException.class)
        .hasMessageContaining("Graph has a cycle").hasMessageContaining("c -> a");
    assertThatThrownBy(() -> graph.addEdge("b", "b"))
        .isExactlyInstanceOf(InvalidAsyncGraphException.class)
        .hasMessageContaining("Graph has a cycle").hasMessageContaining("b -> b");
    assertThat(graph.nodesToEdges()).isEqualTo(before);
  }

  @Test
  void aOneInputNodeWithNoIncomingEdgeNeedsArgumentsToStart() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("needsInput", (String s, Emitter<Void> out) -> { });

    assertThatThrownBy(() -> new AsyncExecutor(graph).execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'needsInput'").hasMessageContaining("execute(Map.of(");
  }

  @Test
  void parameterNamesMustMatchTheNumberOfInputs() {
    AsyncGraph graph = new AsyncGraph();

    assertThatThrownBy(() -> graph.addNode((Integer a, Integer b, Emitter<Void> out) -> { },
        NodeOptions.builder().name("pair").parameterNames("only").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'pair'").hasMessageContaining("parameterNames");
  }

  @Test
  void oneExecutorRunsOneExecutionAtATime() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("slow", (Emitter<Void> out) -> {
      entered.countDown();
      release.await();
    });
    AsyncExecutor executor = new AsyncExecutor(graph);
    Thread first = Thread.ofPlatform().start(() -> {
      try {
        executor.execute();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    entered.await();

    assertThatThrownBy(executor::execute).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already running");
    release.countDown();
    first.join();
    executor.execute(Map.of("slow", List.of())); // free again (slow returns at once now)
  }
}
