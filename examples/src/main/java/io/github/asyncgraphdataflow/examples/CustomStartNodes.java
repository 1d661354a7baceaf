package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.DataFlowLogging;
import io.github.asyncgraphdataflow.Emitter;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Custom start nodes: the graph is node1, node2, node3 in a chain, but the execution starts at
 * node2 with the argument {@code "new_data"}, so node1 never runs. Data-flow logging is on; it
 * logs once more at the end, which shows it.
 *
 * <pre>
 * Graph: {node1=[node2], node2=[node3], node3=[]}
 * Transformer received: new_data
 * Data in Load: data1
 * Data in Load: data2
 * INFO: node1 - in=0, out=0, err=0
 * INFO: node2 - in=0, out=2, err=0
 * INFO: node3 - in=2, out=2, err=0
 * </pre>
 */
public final class CustomStartNodes {
  private CustomStartNodes() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    run(System.out);
  }

  static void run(PrintStream out) throws InterruptedException {
    AsyncGraph graph = new AsyncGraph();
    var node1 = graph.addNode("node1", (Emitter<String> emit) -> {
      emit.emit("hello");
      emit.emit("world");
    });
    var node2 = graph.addNode("node2", (String data, Emitter<String> emit) -> {
      out.println("Transformer received: " + data);
      emit.emit("data1");
      emit.emit("data2");
    });
    var node3 = graph.addNode("node3", (String data, Emitter<Object> emit) -> {
      out.println("Data in Load: " + data);
      emit.emit(null);
    });
    graph.addEdge(node1, node2);
    graph.addEdge(node2, node3);

    out.println("Graph: " + graph.nodesToEdges());
    AsyncExecutor executor = new AsyncExecutor(graph);
    executor.turnOnDataFlowLogging(
        DataFlowLogging.builder().logger(new PrintStreamLogger(out)).build());
    executor.execute(Map.of("node2", List.of("new_data")));
  }
}
