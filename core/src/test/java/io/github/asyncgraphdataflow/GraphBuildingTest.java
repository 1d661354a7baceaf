package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Building a graph: nodes with their options, edges, and the read-only views. */
class GraphBuildingTest {

  static void extractNode(String message, Emitter<String> out) throws InterruptedException {
    out.emit("hello");
  }

  static void transformNode(String message, Emitter<String> out) throws InterruptedException {
    out.emit("hello");
  }

  static void loadNode(String message, Emitter<String> out) throws InterruptedException {
    out.emit("hello");
  }

  private static AsyncGraph etl() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(GraphBuildingTest::extractNode);
    graph.addNode(GraphBuildingTest::transformNode);
    graph.addNode(GraphBuildingTest::loadNode);
    return graph;
  }

  @Test
  void nodesListEachNodeWithItsFunctionAndDefaultOptionsInInsertionOrder() {
    AsyncGraph graph = etl();

    assertThat(graph.nodes()).extracting(Node::name)
        .containsExactly("extractNode", "transformNode", "loadNode");
    assertThat(graph.nodes()).allSatisfy(n -> {
      assertThat(n.function()).isInstanceOf(NodeFunction.class);
      assertThat(n.inputCount()).isEqualTo(1);
      assertThat(n.options().name()).isEqualTo(n.name());
      assertThat(n.options().haltOnException()).isFalse();
      assertThat(n.options().unpackInput()).isTrue();
      assertThat(n.options().maxTasks()).isEqualTo(1);
      assertThat(n.options().queueSize()).isEqualTo(10_000);
      assertThat(n.options().queue()).isNull();
      assertThat(n.options().checkFunction()).isTrue();
    });
  }

  @Test
  void nodesExposeTheOptionsTheyWereAddedWith() {
    AsyncGraph graph = new AsyncGraph();
    NodeFunction<Integer, Integer> function = (x, out) -> out.emit(x);
    Node<Integer, Integer> node = graph.addNode(function, NodeOptions.builder().name("custom")
        .haltOnException(true).unpackInput(false).maxTasks(3).queueSize(7).build());

    assertThat(graph.node("custom")).isEqualTo(node);
    assertThat(node.function()).isSameAs(function);
    assertThat(node.options()).satisfies(o -> {
      assertThat(o.haltOnException()).isTrue();
      assertThat(o.unpackInput()).isFalse();
      assertThat(o.maxTasks()).isEqualTo(3);
      assertThat(o.queueSize()).isEqualTo(7);
    });
  }

  @Test
  void edgesAndNodesToEdgesFollowTheEdgesAdded() {
    AsyncGraph graph = etl();
    assertThat(graph.edges()).isEmpty();

    graph.addEdge("extractNode", "transformNode");
    graph.addEdge("transformNode", "loadNode");
    graph.addEdge("extractNode", "loadNode");

    assertThat(graph.edges()).containsExactly(
        new Edge("extractNode", "transformNode"),
        new Edge("transformNode", "loadNode"),
        new Edge("extractNode", "loadNode"));
    assertThat(graph.nodesToEdges()).containsExactly(
        Map.entry("extractNode", Set.of("transformNode", "loadNode")),
        Map.entry("transformNode", Set.of("loadNode")),
        Map.entry("loadNode", Set.of()));
    assertThat(graph.sourceNodes()).containsExactly("extractNode");
  }

  @Test
  void addingAnEdgeTwiceChangesNothing() {
    AsyncGraph graph = etl();
    graph.addEdge("extractNode", "transformNode");
    graph.addEdge("extractNode", "transformNode");

    assertThat(graph.edges()).hasSize(1);
    assertThat(graph.nodesToEdges().get("extractNode")).containsExactly("transformNode");
  }

  @Test
  void viewsAreUnmodifiableSnapshots() {
    AsyncGraph graph = etl();
    graph.addEdge("extractNode", "transformNode");
    List<Node<?, ?>> nodes = graph.nodes();
    Set<Edge> edges = graph.edges();
    Map<String, Set<String>> nodesToEdges = graph.nodesToEdges();

    assertThatThrownBy(() -> nodes.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> edges.clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> nodesToEdges.get("extractNode").add("loadNode"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> nodesToEdges.remove("loadNode"))
        .isInstanceOf(UnsupportedOperationException.class);

    graph.addEdge("transformNode", "loadNode");
    assertThat(edges).as("a snapshot does not follow later changes").hasSize(1);
    assertThat(graph.edges()).hasSize(2);
  }

  @Test
  void edgesMayBeAddedByNameOrByHandle() {
    AsyncGraph graph = new AsyncGraph();
    Node<Object, String> a = graph.addNode("a", (Emitter<String> out) -> out.emit("x"));
    Node<String, String> b = graph.addNode("b", (String s, Emitter<String> out) -> out.emit(s));
    graph.addNode("c", (String s, Emitter<Void> out) -> { });

    graph.addEdge(a, b);
    graph.addEdge("b", "c");

    assertThat(graph.edges()).containsExactly(new Edge("a", "b"), new Edge("b", "c"));
  }

  @Test
  void aHandleOfAnotherGraphIsRefused() {
    AsyncGraph one = new AsyncGraph();
    AsyncGraph other = new AsyncGraph();
    Node<Object, String> a = one.addNode("a", (Emitter<String> out) -> out.emit("x"));
    other.addNode("a", (Emitter<String> out) -> out.emit("x"));
    Node<String, Void> b = other.addNode("b", (String s, Emitter<Void> out) -> { });

    assertThatThrownBy(() -> other.addEdge(a, b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'").hasMessageContaining("another graph");
    assertThat(other.edges()).isEmpty();
  }

  @Test
  void haltOnExceptionIsOffByDefault() {
    assertThat(new AsyncGraph().haltOnException()).isFalse();
    assertThat(new AsyncGraph(true).haltOnException()).isTrue();
  }

  @Test
  void anExecutionWorksOnTheGraphAsItWasWhenItStarted() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      graph.addNode("late", (Emitter<Integer> o) -> o.emit(0)); // changes the graph mid-run
      out.emit(1);
    });

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(result.stats()).containsOnlyKeys("src");
    assertThat(graph.nodes()).extracting(Node::name).containsExactly("src", "late");
  }

  /** Every method is thread-safe: threads building one graph at once lose nothing. */
  @Test
  void severalThreadsMayBuildOneGraphAtOnce() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("root", (Emitter<Integer> out) -> out.emit(1));
    List<Thread> builders = new java.util.ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int id = t;
      builders.add(Thread.ofPlatform().start(() -> {
        String previous = "root";
        for (int i = 0; i < 100; i++) {
          String name = "t" + id + "-" + i;
          graph.addNode(name, (Integer x, Emitter<Integer> out) -> out.emit(x));
          graph.addEdge(previous, name);
          previous = name;
        }
      }));
    }
    for (Thread b : builders) {
      b.join();
    }

    assertThat(graph.nodes()).hasSize(801);
    assertThat(graph.edges()).hasSize(800);
    assertThat(graph.sourceNodes()).containsExactly("root");
    assertThatThrownBy(() -> graph.addEdge("t3-99", "root"))
        .isInstanceOf(InvalidAsyncGraphException.class);
    ExecutionResult result = new AsyncExecutor(graph).execute();
    assertThat(result.stats().get("t7-99")).isEqualTo(TestStats.done(1, 1, 0, 0));
  }
}
