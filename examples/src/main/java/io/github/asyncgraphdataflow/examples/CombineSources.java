package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.PrintStream;

/**
 * Combining data from several source nodes with a custom queue: {@code final_node} takes three
 * inputs, and its {@link CombiningQueue} makes each of its items from one item of each source,
 * in the order threes, fours, fives. The queue knows which source an item comes from
 * ({@code put(source, item)}), so the sources emit plain numbers, not the original's
 * {@code (name, value)} pairs. Items left without partners (one four, two fives) are dropped.
 *
 * <pre>
 * threes yielding 3
 * threes yielding 3
 * threes yielding 3
 * fours yielding 4
 * ... (4 fours, 5 fives; the sources run concurrently, so their lines may interleave)
 * Final node received 3, 4, 5
 * Final node received 3, 4, 5
 * Final node received 3, 4, 5
 * </pre>
 */
public final class CombineSources {
  private CombineSources() {}

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
    new AsyncExecutor(graph(out)).execute();
  }

  /** The example's graph (also drawn in examples/README.md). */
  static AsyncGraph graph(PrintStream out) {
    AsyncGraph graph = new AsyncGraph();
    String[] names = {"threes", "fours", "fives"};
    for (int k = 0; k < names.length; k++) {
      String name = names[k];
      int value = k + 3;
      graph.addNode(name, (Emitter<Integer> emit) -> {
        for (int i = 0; i < value; i++) {
          out.println(name + " yielding " + value);
          emit.emit(value);
        }
      });
    }
    graph.addNode((Integer int1, Integer int2, Integer int3, Emitter<Object> emit) -> {
      out.println("Final node received " + int1 + ", " + int2 + ", " + int3);
      emit.emit(null);
    }, NodeOptions.builder().name("final_node")
        .queue(() -> new CombiningQueue<>(names))
        .build());
    for (String name : names) {
      graph.addEdge(name, "final_node");
    }
    return graph;
  }
}
