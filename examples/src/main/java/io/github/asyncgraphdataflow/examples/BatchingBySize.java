package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.queue.BatchingQueue;
import java.io.PrintStream;
import java.util.List;

/**
 * Batching by batch size, with a custom queue: {@code batched_inputs} is given a
 * {@link BatchingQueue} of 4, so its function is called with lists of 4 items. The original
 * needs its source to emit an end marker so that its queue flushes the last, partial batch; the
 * executor tells this queue when its sources have finished, so {@code [9, 10]} comes out
 * without one.
 *
 * <pre>
 * data_source yielding 1
 * ... (2 to 9)
 * data_source yielding 10
 * batched_inputs received: [1, 2, 3, 4]
 * batched_inputs received: [5, 6, 7, 8]
 * batched_inputs received: [9, 10]
 * </pre>
 * (A batch may be printed as soon as it is full, between the source's lines.)
 */
public final class BatchingBySize {
  private BatchingBySize() {}

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
    var dataSource = graph.addNode("data_source", (Emitter<Integer> emit) -> {
      for (int i = 1; i <= 10; i++) {
        out.println("data_source yielding " + i);
        emit.emit(i);
      }
    });
    var batchedInputs = graph.addNode((List<Integer> data, Emitter<Object> emit) -> {
      out.println("batched_inputs received: " + data);
      emit.emit(null);
    }, NodeOptions.builder().name("batched_inputs")
        .queue(() -> new BatchingQueue<Integer>(4))
        .build());
    graph.addEdge(dataSource.name(), batchedInputs.name()); // the queue turns items into lists

    new AsyncExecutor(graph).execute();
  }
}
