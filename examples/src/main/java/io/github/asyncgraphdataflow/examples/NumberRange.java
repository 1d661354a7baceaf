package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A number range, batched by hand: extract emits the squares of 1 to 10 and then a
 * {@code null} end marker; transform cubes them; load keeps them in memory and flushes every
 * three, and the rest at the marker. (See {@link BatchingBySize} for the same without the
 * marker, using the library's batching queue.) load has one worker, so its buffer needs no lock.
 *
 * <pre>
 * Graph: {extract=[transform], transform=[load], load=[]}
 * Transformer received: 1
 * Transformer received: 4
 * Batching data in memory
 * Transformer received: 9
 * Batching data in memory
 * Transformer received: 16
 * Batching data in memory
 * Flushing data: [1, 64, 729]
 * ...
 * Flushing data: [117649, 262144, 531441]
 * Transformer received: null
 * Batching data in memory
 * Flushing remaining data: [1000000]
 * </pre>
 */
public final class NumberRange {
  private static final int BUFFER = 3;

  private NumberRange() {}

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
    var extract = graph.addNode("extract", (Emitter<Long> emit) -> {
      for (long i = 1; i <= 10; i++) {
        emit.emit(i * i);
        Pace.sleep(tick, 1);
      }
      emit.emit(null);
    });
    var transform = graph.addNode("transform", (Long data, Emitter<Long> emit) -> {
      out.println("Transformer received: " + data);
      Pace.sleep(tick, 3);
      emit.emit(data == null ? null : data * data * data);
    });
    List<Long> batch = new ArrayList<>();
    var load = graph.addNode("load", (Long data, Emitter<Object> emit) -> {
      if (data != null) {
        out.println("Batching data in memory");
        batch.add(data);
      }
      if (batch.size() >= BUFFER) {
        out.println("Flushing data: " + batch);
        batch.clear();
      }
      if (data == null && !batch.isEmpty()) {
        out.println("Flushing remaining data: " + batch);
      }
      emit.emit(null);
    });
    graph.addEdge(extract, transform);
    graph.addEdge(transform, load);

    out.println("Graph: " + graph.nodesToEdges());
    new AsyncExecutor(graph).execute();
  }
}
