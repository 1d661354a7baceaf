package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Custom arguments for the start nodes: node1 is called with {@code "foo"} and node2 with
 * {@code "bar"}; both feed node3, which receives each start node's items in the order that
 * node emitted them.
 *
 * <pre>
 * Graph: {node1=[node3], node2=[node3], node3=[]}
 * node1 received: foo
 * node2 received: bar
 * node3 received: foo
 * node3 received: hello
 * node3 received: world
 * node3 received: bar
 * node3 received: data1
 * node3 received: data2
 * </pre>
 */
public final class CustomStartNodeArgs {
  private CustomStartNodeArgs() {}

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
    var node1 = graph.addNode("node1", (String data, Emitter<String> emit) -> {
      out.println("node1 received: " + data);
      emit.emit(data);
      emit.emit("hello");
      emit.emit("world");
    });
    var node2 = graph.addNode("node2", (String data, Emitter<String> emit) -> {
      out.println("node2 received: " + data);
      emit.emit(data);
      emit.emit("data1");
      emit.emit("data2");
    });
    var node3 = graph.addNode("node3", (String data, Emitter<Object> emit) -> {
      out.println("node3 received: " + data);
      emit.emit(null);
    });
    graph.addEdge(node1, node3);
    graph.addEdge(node2, node3);

    out.println("Graph: " + graph.nodesToEdges());
    new AsyncExecutor(graph).execute(Map.of("node1", List.of("foo"), "node2", List.of("bar")));
  }
}
