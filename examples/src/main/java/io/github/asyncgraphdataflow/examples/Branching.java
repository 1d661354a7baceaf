package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A graph with branching: transform feeds both load and print_data (each gets every item), and
 * load feeds end_task, a node that takes no input and so is called once per item, ignoring it.
 *
 * <pre>
 * Graph: {extract=[transform], transform=[load, print_data], load=[end_task], print_data=[], end_task=[]}
 * Transforming data: hello
 * Printing data: Hello
 * Transforming data: world
 * Loading data Hello
 * Printing data: World
 * Ending Tasks
 * Loading data World
 * Ending Tasks
 * </pre>
 */
public final class Branching {
  private Branching() {}

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
    AsyncGraph graph = graph(out, tick);
    out.println("Graph: " + graph.nodesToEdges());
    new AsyncExecutor(graph).execute();
  }

  /** The example's graph (also drawn in examples/README.md). */
  static AsyncGraph graph(PrintStream out, Duration tick) {
    AsyncGraph graph = new AsyncGraph();
    NodeOptions twoWorkers = NodeOptions.builder().maxTasks(2).build();
    var extract = graph.addNode("extract", (Emitter<String> emit) -> {
      emit.emit("hello");
      Pace.sleep(tick, 5);
      emit.emit("world");
    });
    var transform = graph.addNode((String data, Emitter<String> emit) -> {
      out.println("Transforming data: " + data);
      String title = Pace.title(data);
      Pace.sleep(tick, 3);
      emit.emit(title);
    }, twoWorkers.withName("transform"));
    var load = graph.addNode((String data, Emitter<Object> emit) -> {
      Pace.sleep(tick, 5);
      out.println("Loading data " + data);
      emit.emit(null);
    }, twoWorkers.withName("load"));
    var printData = graph.addNode((String data, Emitter<Object> emit) -> {
      out.println("Printing data: " + data);
      emit.emit(null);
    }, twoWorkers.withName("print_data"));
    var endTask = graph.addNode((Emitter<Object> emit) -> {
      out.println("Ending Tasks");
      emit.emit(null);
    }, twoWorkers.withName("end_task"));
    graph.addEdge(extract, transform);
    graph.addEdge(transform, load);
    graph.addEdge(transform, printData);
    graph.addEdge(load, endTask);
    return graph;
  }
}
