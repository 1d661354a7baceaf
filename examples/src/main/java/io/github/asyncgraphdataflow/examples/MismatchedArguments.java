package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.Tuple2;
import java.io.PrintStream;
import java.time.Duration;

/**
 * An item that does not fit the receiving function. For 2, transform emits a pair {@code (0, 1)}
 * as well; load takes one {@code Integer}, so that call fails. As any failure it is counted
 * and logged, and (halting being off) the graph goes on with 2 and 3.
 *
 * <p>In the original the pair is spread over load's one parameter, and fails for its count of
 * arguments. A one-input Java node takes each item whole, so here the pair fails for its type.
 * The compiler catches this when edges join typed node handles; this graph joins nodes by name,
 * which it does not check. (A node of two or more inputs that gets an item with the wrong
 * number of values fails with "takes 2 input(s) but the item has 3 value(s)".)
 *
 * <pre>
 * Graph: {extract=[transform], transform=[load], load=[]}
 * Transformer received: 0
 * Transformer received: 1
 * Data in Load: 0
 * Transformer received: 2
 * Data in Load: 1
 * ERROR:Exception in node 'load' on item Tuple2[first=0, second=1]
 *     java.lang.ClassCastException: class io.github.asyncgraphdataflow.Tuple2 cannot be cast to class java.lang.Integer ...
 * Transformer received: 3
 * Data in Load: 2
 * Data in Load: 3
 * </pre>
 */
public final class MismatchedArguments {
  private MismatchedArguments() {}

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
    graph.addNode("extract", (Emitter<Integer> emit) -> {
      for (int i = 0; i < 4; i++) {
        emit.emit(i);
      }
    });
    graph.addNode("transform", (Integer data, Emitter<Object> emit) -> {
      out.println("Transformer received: " + data);
      if (data == 2) {
        emit.emit(Tuple2.of(0, 1));
      }
      Pace.sleep(tick, 3);
      emit.emit(data);
    });
    graph.addNode("load", (Integer data, Emitter<Object> emit) -> {
      out.println("Data in Load: " + data);
      emit.emit(null);
    });
    graph.addEdge("extract", "transform");
    graph.addEdge("transform", "load");

    out.println("Graph: " + graph.nodesToEdges());
    AsyncExecutor.builder(graph).logger(new PrintStreamLogger(out)).build().execute();
  }
}
