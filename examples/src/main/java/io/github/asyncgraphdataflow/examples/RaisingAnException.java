package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import java.io.PrintStream;
import java.util.List;

/**
 * Accessing and raising an exception after the execution. A failing call does not stop the
 * graph (halting is off by default): it is logged and kept. After {@code execute} returns, the
 * program reads {@link AsyncExecutor#exceptions()} and decides to fail.
 *
 * <pre>
 * Graph: {node1=[node2], node2=[]}
 * ERROR:Exception in node 'node2' on item hello   (logged once per failure, not thrown)
 *     java.lang.IllegalArgumentException: bad data: hello
 * ...
 * Exceptions: []
 * Exceptions: [java.lang.IllegalArgumentException: bad data: hello, java.lang.IllegalArgumentException: bad data: world]
 * Exception in thread "main" java.lang.IllegalStateException: oh no! something went wrong in the graph execution
 * </pre>
 */
public final class RaisingAnException {
  private RaisingAnException() {}

  /**
   * Runs the example on standard output; it ends by throwing.
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
    var node2 = graph.addNode("node2", (String data, Emitter<Object> emit) -> {
      throw new IllegalArgumentException("bad data: " + data);
    });
    graph.addEdge(node1, node2);

    out.println("Graph: " + graph.nodesToEdges());
    AsyncExecutor executor =
        AsyncExecutor.builder(graph).logger(new PrintStreamLogger(out)).build();
    executor.execute();

    boolean failed = false;
    for (List<Throwable> exceptions : executor.exceptions().values()) {
      out.println("Exceptions: " + exceptions);
      failed |= !exceptions.isEmpty();
    }
    if (failed) {
      throw new IllegalStateException("oh no! something went wrong in the graph execution");
    }
  }
}
