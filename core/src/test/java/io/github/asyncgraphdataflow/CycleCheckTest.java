package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The graph stays acyclic: an edge closing a cycle (a self-edge included) is refused with
 * {@link InvalidAsyncGraphException} and leaves the graph exactly as it was. The check is
 * incremental, so building a large layered graph is linear.
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

  private static boolean reaches(List<Set<Integer>> adjacency, int from, int to) {
    boolean[] seen = new boolean[adjacency.size()];
    ArrayDeque<Integer> stack = new ArrayDeque<>(List.of(from));
    while (!stack.isEmpty()) {
      int v = stack.pop();
      if (v == to) {
        return true;
      }
      if (!seen[v]) {
        seen[v] = true;
        adjacency.get(v).forEach(stack::push);
      }
    }
    return false;
  }

  /**
   * 10,000 nodes in 1,000 layers of 10, every node linked to every node of the next layer,
   * plus skip edges: 100,000 edges. The original's check is exponential in the number of
   * layers. Only a hang guard here; the time is printed, not asserted.
   */
  @Test
  void buildingALayeredGraphOfTenThousandNodesAndOneHundredThousandEdgesCompletes() {
    AsyncGraph graph = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> buildLayered(1_000, 100_000, false));
    assertThat(graph.nodes()).hasSize(10_000);
    assertThat(graph.edges()).hasSize(100_000);
  }

  /**
   * Nodes added last layer first, so every edge goes against the order the check keeps and
   * forces a reordering. Each check stays bounded by the part of the graph it reorders, but
   * that part grows with the graph here (the dynamic topological order's worst case), so this
   * runs on 2,000 nodes and 20,000 edges to keep the suite quick.
   */
  @Test
  void buildingALayeredGraphInReverseNodeOrderCompletes() {
    AsyncGraph graph = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> buildLayered(200, 20_000, true));
    assertThat(graph.nodes()).hasSize(2_000);
    assertThat(graph.edges()).hasSize(20_000);
  }

  private static AsyncGraph buildLayered(int layers, int totalEdges, boolean reverseNodes) {
    int width = 10;
    AsyncGraph graph = new AsyncGraph();
    NodeFunction<Integer, Integer> pass = (x, out) -> out.emit(x);
    long start = System.nanoTime();
    for (int i = 0; i < layers * width; i++) {
      int index = reverseNodes ? layers * width - 1 - i : i;
      graph.addNode("n" + index, pass);
    }
    int edges = 0;
    for (int layer = 0; layer + 1 < layers; layer++) {
      for (int a = 0; a < width; a++) {
        for (int b = 0; b < width; b++) {
          graph.addEdge("n" + (layer * width + a), "n" + ((layer + 1) * width + b));
          edges++;
        }
      }
    }
    for (int layer = 0; edges < totalEdges; layer++) {
      graph.addEdge("n" + (layer * width), "n" + ((layer + 2) * width)); // skip a layer
      edges++;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("Built a layered graph of %d nodes and %d edges (%s node order) in %d ms%n",
        layers * width, edges, reverseNodes ? "reverse" : "forward", millis);
    return graph;
  }
}
