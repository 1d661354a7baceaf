package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The basic example: a three-node chain extract, transform, load.
 *
 * <pre>
 * Graph: {extract=[transform], transform=[load], load=[]}
 * Transformer received: hello
 * Transformer received: world
 * Data in Load: Hello
 * Data in Load: World
 * </pre>
 */
public final class BasicThreeNodes {
  private BasicThreeNodes() {}

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
    var extract = graph.addNode((Emitter<String> emit) -> {
      emit.emit("hello");
      emit.emit("world");
    }, NodeOptions.builder().name("extract").maxTasks(1).queueSize(1_000).build());
    var transform = graph.addNode("transform", (String data, Emitter<String> emit) -> {
      out.println("Transformer received: " + data);
      Pace.sleep(tick, 3);
      emit.emit(Pace.title(data));
    });
    var load = graph.addNode("load", (String data, Emitter<Void> emit) -> {
      out.println("Data in Load: " + data);
      emit.emit(null); // the original's bare `yield`: one item, None
    });
    graph.addEdge(extract, transform);
    graph.addEdge(transform, load);

    out.println("Graph: " + graph.nodesToEdges());
    new AsyncExecutor(graph).execute();
  }
}
