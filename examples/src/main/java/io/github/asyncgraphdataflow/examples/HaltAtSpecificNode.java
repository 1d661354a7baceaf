package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

/**
 * Halting the graph upon an exception at a specific node: only {@code load} has halting on.
 * The first failure, on "World", stops every node: "Civis", "Analytics" and "Done" are never
 * loaded, and {@code execute} returns at once instead of waiting for transform's sleeps.
 *
 * <pre>
 * Graph: {extract=[transform], transform=[load], load=[output], output=[]}
 * Load: Hello
 * output: Hello
 * Load: World
 * ERROR:Exception in node 'load' on item World
 *     java.lang.IllegalStateException: intentional error for World
 * ERROR:Graph execution halted due to an exception in node 'load'
 * Halted by: load
 * </pre>
 */
public final class HaltAtSpecificNode {
  private HaltAtSpecificNode() {}

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
    var extract = graph.addNode("extract", (Emitter<String> emit) -> {
      for (String word : new String[] {"hello", "world", "civis", "analytics", "done"}) {
        emit.emit(word);
      }
    });
    var transform = graph.addNode("transform", (String data, Emitter<String> emit) -> {
      Pace.sleep(tick, 3);
      emit.emit(Pace.title(data));
    });
    var load = graph.addNode((String data, Emitter<String> emit) -> {
      out.println("Load: " + data);
      if (Set.of("World", "Analytics").contains(data)) {
        throw new IllegalStateException("intentional error for " + data);
      }
      emit.emit(data);
    }, NodeOptions.builder().name("load").haltOnException(true).build());
    var output = graph.addNode("output", (String data, Emitter<Object> emit) -> {
      out.println("output: " + data);
      emit.emit(null);
    });
    graph.addEdge(extract, transform);
    graph.addEdge(transform, load);
    graph.addEdge(load, output);

    out.println("Graph: " + graph.nodesToEdges());
    ExecutionResult result =
        AsyncExecutor.builder(graph).logger(new PrintStreamLogger(out)).build().execute();
    out.println("Halted by: " + result.haltingNode().orElse("nobody"));
  }
}
