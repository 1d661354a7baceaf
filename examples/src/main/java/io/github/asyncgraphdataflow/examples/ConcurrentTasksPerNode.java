package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Concurrent tasks per node: node2 takes 2 ticks per item; with one worker five items take 10
 * ticks, with five workers ({@code maxTasks(5)}) about 2.
 *
 * <pre>
 * max_tasks: 1
 * Graph: {node1=[node2], node2=[]}
 * node2 received 0
 * ... (1 to 4, in order)
 * execution time: 1.006 s
 *
 * max_tasks: 5
 * Graph: {node1=[node2], node2=[]}
 * node2 received 0
 * ... (1 to 4, in any order)
 * execution time: 0.202 s
 * </pre>
 */
public final class ConcurrentTasksPerNode {
  private ConcurrentTasksPerNode() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    run(System.out, Pace.DEFAULT_TICK);
  }

  static void run(PrintStream out, Duration tick) throws InterruptedException {
    for (int maxTasks : new int[] {1, 5}) {
      out.println("max_tasks: " + maxTasks);
      AsyncGraph graph = new AsyncGraph();
      var node1 = graph.addNode("node1", (Emitter<Integer> emit) -> {
        for (int i = 0; i < 5; i++) {
          emit.emit(i);
        }
      });
      var node2 = graph.addNode((Integer i, Emitter<Object> emit) -> {
        Pace.sleep(tick, 2);
        out.println("node2 received " + i);
        emit.emit(null);
      }, NodeOptions.builder().name("node2").maxTasks(maxTasks).build());
      graph.addEdge(node1, node2);

      out.println("Graph: " + graph.nodesToEdges());
      ExecutionResult result = new AsyncExecutor(graph).execute();
      out.printf("execution time: %.3f s%n", result.elapsed().toNanos() / 1e9);
      out.println();
    }
  }
}
