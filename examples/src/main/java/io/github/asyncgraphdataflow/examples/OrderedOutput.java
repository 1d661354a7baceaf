package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Ordered output: {@code lookup} runs five calls at once ({@code maxTasks(5)}), and later ids
 * take less time, so the calls finish in about the reverse order. With {@code ordered(true)}
 * the results still leave {@code lookup} in the order the ids came in.
 *
 * <pre>
 * lookup finished 4
 * lookup finished 3
 * ... (the calls finish in about reverse order)
 * save received id 0 -> user-0
 * save received id 1 -> user-1
 * save received id 2 -> user-2
 * save received id 3 -> user-3
 * save received id 4 -> user-4
 * </pre>
 */
public final class OrderedOutput {
  private OrderedOutput() {}

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
    var ids = graph.addNode("ids", (Emitter<Integer> emit) -> {
      for (int id = 0; id < 5; id++) {
        emit.emit(id);
      }
    });
    var lookup = graph.addNode((Integer id, Emitter<String> emit) -> {
      Pace.sleep(tick, 5 - id);   // a slower call for earlier ids
      out.println("lookup finished " + id);
      emit.emit("id " + id + " -> user-" + id);
    }, NodeOptions.builder().name("lookup").maxTasks(5).ordered(true).build());
    var save = graph.addNode("save", (String row, Emitter<Void> emit) ->
        out.println("save received " + row));
    graph.addEdge(ids, lookup);
    graph.addEdge(lookup, save);
    new AsyncExecutor(graph).execute();
  }
}
