package io.github.asyncgraphdataflow;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test: prints how long building the two graphs of {@link CycleCheckTest} takes in every
 * insertion order (wall time and the building thread's CPU time, best of three), for the
 * README. Run after {@code mvn -pl core test-compile}:
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes:$HOME/.m2/repository/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar \
 *     io.github.asyncgraphdataflow.CycleCheckTiming
 * </pre>
 */
public final class CycleCheckTiming {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CycleCheckTiming() {}

  /**
   * Prints the table.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    int n = 40_000;
    int[][] chain = new int[n - 1][];
    for (int i = 0; i + 1 < n; i++) {
      chain[i] = new int[] {i, i + 1};
    }
    List<int[]> edges = new ArrayList<>();
    for (int layer = 0; layer + 1 < 1_000; layer++) {
      for (int a = 0; a < 10; a++) {
        for (int b = 0; b < 10; b++) {
          edges.add(new int[] {layer * 10 + a, (layer + 1) * 10 + b});
        }
      }
    }
    for (int layer = 0; edges.size() < 100_000; layer++) {
      edges.add(new int[] {layer * 10, (layer + 2) * 10});
    }
    int[][] layered = edges.toArray(new int[0][]);
    System.out.println("| nodes added | edges added | chain of 40,000: wall / CPU ms"
        + " | layered 10,000 nodes, 100,000 edges: wall / CPU ms |");
    System.out.println("|---|---|---|---|");
    for (CycleCheckTest.Order nodes : CycleCheckTest.Order.values()) {
      for (CycleCheckTest.Order order : CycleCheckTest.Order.values()) {
        System.out.printf("| %s | %s | %s | %s |%n", nodes, order, best(n, chain, nodes, order),
            best(10_000, layered, nodes, order));
      }
    }
  }

  private static String best(int nodes, int[][] edges, CycleCheckTest.Order nodeOrder,
      CycleCheckTest.Order edgeOrder) {
    long wall = Long.MAX_VALUE;
    long cpu = Long.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long w0 = System.nanoTime();
      long c0 = THREADS.getCurrentThreadCpuTime();
      CycleCheckTest.build(nodes, edges, nodeOrder, edgeOrder);
      cpu = Math.min(cpu, THREADS.getCurrentThreadCpuTime() - c0);
      wall = Math.min(wall, System.nanoTime() - w0);
    }
    return wall / 1_000_000 + " / " + cpu / 1_000_000;
  }
}
