package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A graph with nodes only and no edges: every node is a start node, and they run concurrently,
 * so the execution takes about as long as one node (2 ticks), not three.
 *
 * <pre>
 * Graph: {node1=[], node2=[], node3=[]}
 * from node1
 * from node2
 * from node3
 * execution time: 0.203 s
 * start nodes: {node1=[], node2=[], node3=[]}
 * </pre>
 */
public final class NoEdges {
  private NoEdges() {}

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
    AsyncGraph graph = new AsyncGraph();
    for (String name : new String[] {"node1", "node2", "node3"}) {
      graph.addNode(name, (Emitter<Object> emit) -> {
        out.println("from " + name);
        Pace.sleep(tick, 2);
        emit.emit(null);
      });
    }
    // Nodes are added, but there are no edges.

    out.println("Graph: " + graph.nodesToEdges());
    AsyncExecutor executor = new AsyncExecutor(graph);
    ExecutionResult result = executor.execute();
    out.printf("execution time: %.3f s%n", result.elapsed().toNanos() / 1e9);
    out.println("start nodes: " + executor.startNodes());
  }
}
