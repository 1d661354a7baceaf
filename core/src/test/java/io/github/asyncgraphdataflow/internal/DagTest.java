package io.github.asyncgraphdataflow.internal;

import static io.github.asyncgraphdataflow.Reachability.reaches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kept order is topological after every accepted edge, an edge is refused exactly when it
 * closes a cycle, and the order-maintenance labels survive many moves (relabeling).
 */
class DagTest {

  @Test
  void acceptsExactlyTheAcyclicEdgesAndKeepsATopologicalOrder() {
    Random random = new Random(42);
    for (int round = 0; round < 30; round++) {
      int n = 2 + random.nextInt(300);
      Dag dag = new Dag();
      List<List<Integer>> adjacency = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        assertThat(dag.addNode()).isEqualTo(i);
        adjacency.add(new ArrayList<>());
      }
      List<int[]> accepted = new ArrayList<>();
      int attempts = n * (1 + random.nextInt(8));
      for (int k = 0; k < attempts; k++) {
        // mostly short hops in a hidden order, so that long paths form and many edges are
        // accepted against the kept order
        int s = random.nextInt(n);
        int d = random.nextInt(4) == 0 ? random.nextInt(n) : Math.floorMod(s + random.nextInt(7) - 3, n);
        boolean cycle = s == d || reaches(adjacency, d, s);
        assertThat(dag.addEdge(s, d)).as("round %d edge %d -> %d", round, s, d).isEqualTo(!cycle);
        if (!cycle) {
          adjacency.get(s).add(d);
          accepted.add(new int[] {s, d});
        }
        if (k % 50 == 0) {
          assertTopological(dag, accepted);
        }
      }
      assertTopological(dag, accepted);
    }
  }

  @Test
  void aChainAddedBackwardsAndJoinedFromTheMiddleKeepsItsOrder() {
    int n = 5_000;
    Dag dag = new Dag();
    for (int i = 0; i < n; i++) {
      dag.addNode();
    }
    List<int[]> accepted = new ArrayList<>();
    // edges (i+1 -> i) joined from both ends towards the middle: every one is against the order
    for (int lo = 0, hi = n - 2; lo <= hi; lo++, hi--) {
      for (int i : lo == hi ? new int[] {lo} : new int[] {lo, hi}) {
        if (dag.addEdge(i + 1, i)) {
          accepted.add(new int[] {i + 1, i});
        }
      }
    }
    assertThat(accepted).hasSize(n - 1);
    assertTopological(dag, accepted);
    assertThat(dag.addEdge(0, n - 1)).isFalse();
    assertThat(dag.addEdge(n - 1, 0)).isTrue();
  }

  private static void assertTopological(Dag dag, List<int[]> edges) {
    for (int[] e : edges) {
      assertThat(dag.precedes(e[0], e[1])).as("%d before %d", e[0], e[1]).isTrue();
    }
  }
}
