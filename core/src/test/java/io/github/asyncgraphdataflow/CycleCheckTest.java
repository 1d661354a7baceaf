package io.github.asyncgraphdataflow;

import static io.github.asyncgraphdataflow.Reachability.reaches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The graph stays acyclic: an edge closing a cycle (a self-edge included) is refused with
 * {@link InvalidAsyncGraphException} and leaves the graph exactly as it was. The check is
 * incremental and fast in every insertion order.
 */
class CycleCheckTest {

  private static AsyncGraph graphOf(String... names) {
    AsyncGraph graph = new AsyncGraph();
    for (String n : names) {
      graph.addNode(n, (Integer x, Emitter<Integer> out) -> out.emit(x));
    }
    return graph;
  }

  @Test
  void anEdgeClosingACycleIsRefused() {
    AsyncGraph graph = graphOf("extract", "transform", "load");
    graph.addEdge("extract", "transform");
    graph.addEdge("transform", "load");

    assertThatThrownBy(() -> graph.addEdge("load", "extract"))
        .isInstanceOf(InvalidAsyncGraphException.class)
        .hasMessageContaining("Graph has a cycle")
        .hasMessageContaining("load -> extract");
  }

  @Test
  void aSelfEdgeIsRefused() {
    AsyncGraph graph = graphOf("a");

    assertThatThrownBy(() -> graph.addEdge("a", "a"))
        .isInstanceOf(InvalidAsyncGraphException.class)
        .hasMessageContaining("Graph has a cycle")
        .hasMessageContaining("self-edge");
    assertThat(graph.edges()).isEmpty();
  }

  /** The original kept the refused edge; here the graph is exactly as before the call. */
  @Test
  void aRefusedEdgeLeavesTheGraphUnchanged() throws Exception {
    AsyncGraph graph = graphOf("a", "b", "c");
    graph.addEdge("a", "b");
    graph.addEdge("b", "c");
    Set<Edge> edgesBefore = graph.edges();
    Map<String, Set<String>> mapBefore = graph.nodesToEdges();
    List<String> sourcesBefore = graph.sourceNodes();

    assertThatThrownBy(() -> graph.addEdge("c", "a")).isInstanceOf(InvalidAsyncGraphException.class);
    assertThatThrownBy(() -> graph.addEdge("c", "c")).isInstanceOf(InvalidAsyncGraphException.class);

    assertThat(graph.edges()).isEqualTo(edgesBefore);
    assertThat(graph.nodesToEdges()).isEqualTo(mapBefore);
    assertThat(graph.sourceNodes()).isEqualTo(sourcesBefore);
    // and the graph still runs: a is still the one start node, c still the end
    graph.addNode("start", (Emitter<Integer> out) -> out.emit(1));
    graph.addEdge("start", "a");
    ExecutionResult result = new AsyncExecutor(graph).execute();
    assertThat(result.stats().get("c")).isEqualTo(TestStats.done(1, 1, 0, 0));
    assertThat(result.stats().get("a").in()).isEqualTo(1);
  }

  /** Edges added against the current order force reordering; later checks must stay right. */
  @Test
  void cyclesAreFoundAfterTheOrderWasRearranged() {
    AsyncGraph graph = graphOf("e", "d", "c", "b", "a");
    graph.addEdge("d", "e");
    graph.addEdge("a", "b");
    graph.addEdge("c", "d");
    graph.addEdge("b", "c");

    for (String[] back : new String[][] {{"e", "a"}, {"d", "b"}, {"e", "c"}, {"c", "a"}}) {
      assertThatThrownBy(() -> graph.addEdge(back[0], back[1]))
          .as("%s -> %s", back[0], back[1])
          .isInstanceOf(InvalidAsyncGraphException.class);
    }
    graph.addEdge("a", "e"); // a shortcut forward is fine
    assertThat(graph.edges()).hasSize(5);
  }

  /**
   * Random edges over 60 nodes, each accepted exactly when the destination cannot already
   * reach the source, checked against a plain search.
   */
  @Test
  void acceptsExactlyTheEdgesThatKeepTheGraphAcyclic() {
    Random random = new Random(2026);
    for (int round = 0; round < 20; round++) {
      int n = 60;
      AsyncGraph graph = new AsyncGraph();
      List<Set<Integer>> adjacency = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        graph.addNode("n" + i, (Integer x, Emitter<Integer> out) -> out.emit(x));
        adjacency.add(new HashSet<>());
      }
      for (int k = 0; k < 400; k++) {
        int s = random.nextInt(n);
        int d = random.nextInt(n);
        boolean closesCycle = s == d || reaches(adjacency, d, s);
        if (closesCycle) {
          assertThatThrownBy(() -> graph.addEdge("n" + s, "n" + d))
              .isInstanceOf(InvalidAsyncGraphException.class);
        } else {
          graph.addEdge("n" + s, "n" + d);
          adjacency.get(s).add(d);
        }
      }
      int expectedEdges = adjacency.stream().mapToInt(Set::size).sum();
      assertThat(graph.edges()).hasSize(expectedEdges);
    }
  }


  /** An order in which to add a list of nodes or edges. */
  enum Order { FORWARD, REVERSE, RANDOM }

  static Stream<Arguments> everyOrder() {
    return Stream.of(Order.values())
        .flatMap(nodes -> Stream.of(Order.values()).map(edges -> Arguments.of(nodes, edges)));
  }

  /**
   * A chain of 40,000 nodes, with its nodes and its edges each added forward, in reverse or at
   * random. (Nodes added last first with edges added first to last was quadratic with a
   * one-sided reordering search: 16.6 s.) Only a hang guard here: the times are in the README.
   */
  @ParameterizedTest(name = "nodes {0}, edges {1}")
  @MethodSource("everyOrder")
  void aLongChainBuildsInEveryInsertionOrder(Order nodeOrder, Order edgeOrder) {
    int n = 40_000;
    int[][] edges = new int[n - 1][];
    for (int i = 0; i + 1 < n; i++) {
      edges[i] = new int[] {i, i + 1};
    }
    AsyncGraph graph = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> build(n, edges, nodeOrder, edgeOrder));

    assertThat(graph.edges()).hasSize(n - 1);
    assertThat(graph.sourceNodes()).containsExactly("n0");
    assertClosingEdgeIsRefused(graph, "n" + (n - 1), "n0");
    assertClosingEdgeIsRefused(graph, "n" + (n / 2), "n" + (n / 2 - 1));
  }

  /**
   * 10,000 nodes in 1,000 layers of 10, every node linked to every node of the next layer,
   * plus skip edges: 100,000 edges, with nodes and edges each added forward, in reverse or at
   * random. (Nodes added last layer first took about 5 s before.) The original's check is
   * exponential in the number of layers. Only a hang guard here: the times are in the README.
   */
  @ParameterizedTest(name = "nodes {0}, edges {1}")
  @MethodSource("everyOrder")
  void aLayeredGraphOfTenThousandNodesAndOneHundredThousandEdgesBuildsInEveryOrder(
      Order nodeOrder, Order edgeOrder) {
    int width = 10;
    int layers = 1_000;
    List<int[]> edges = new ArrayList<>();
    for (int layer = 0; layer + 1 < layers; layer++) {
      for (int a = 0; a < width; a++) {
        for (int b = 0; b < width; b++) {
          edges.add(new int[] {layer * width + a, (layer + 1) * width + b});
        }
      }
    }
    for (int layer = 0; edges.size() < 100_000; layer++) {
      edges.add(new int[] {layer * width, (layer + 2) * width}); // skip a layer
    }
    AsyncGraph graph = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> build(layers * width, edges.toArray(new int[0][]), nodeOrder, edgeOrder));

    assertThat(graph.nodes()).hasSize(10_000);
    assertThat(graph.edges()).hasSize(100_000);
    assertThat(graph.sourceNodes()).hasSize(width);
    assertClosingEdgeIsRefused(graph, "n" + (layers * width - 1), "n0");
    assertClosingEdgeIsRefused(graph, "n" + (500 * width + 3), "n" + (499 * width + 7));
  }

  private static void assertClosingEdgeIsRefused(AsyncGraph graph, String from, String to) {
    int edgesBefore = graph.edges().size();
    assertThatThrownBy(() -> graph.addEdge(from, to))
        .isInstanceOf(InvalidAsyncGraphException.class)
        .hasMessageContaining(from + " -> " + to);
    assertThat(graph.edges()).hasSize(edgesBefore);
  }

  static AsyncGraph build(int nodes, int[][] edges, Order nodeOrder, Order edgeOrder) {
    Random random = new Random(11);
    AsyncGraph graph = new AsyncGraph();
    NodeFunction<Integer, Integer> pass = (x, out) -> out.emit(x);
    for (int i : indexes(nodes, nodeOrder, random)) {
      graph.addNode("n" + i, pass);
    }
    for (int k : indexes(edges.length, edgeOrder, random)) {
      graph.addEdge("n" + edges[k][0], "n" + edges[k][1]);
    }
    return graph;
  }

  private static int[] indexes(int n, Order order, Random random) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = order == Order.REVERSE ? n - 1 - i : i;
    }
    if (order == Order.RANDOM) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
    }
    return a;
  }
}
