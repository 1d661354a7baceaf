package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Incorporating blocking (synchronous) code. The original must push a blocking call to a
 * thread pool ({@code run_in_executor}) so it does not stall its event loop. Here every worker
 * runs on its own virtual thread, so blocking code is simply called: load1 blocks in
 * {@code Thread.sleep}. load2 shows the other option, for code that should not run on a
 * virtual thread (long CPU work, or a library that pins its carrier thread): hand the call to a
 * pool of platform threads and wait for its result.
 *
 * <pre>
 * Graph: {extract=[transform], transform=[load1, load2], load1=[output], load2=[output], output=[]}
 * Transformer received: hello
 * Transformer received: world
 * Data in Load1: Hello
 * Data in Load2: Hello
 * output: load1 0
 * output: load2 0
 * ... (load1 and load2 interleave: 0, 1, 2 for Hello, then for World)
 * </pre>
 */
public final class BlockingCode {
  private BlockingCode() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    run(System.out, Pace.DEFAULT_TICK);
  }

  /** A blocking call from some library: it neither knows nor cares about the graph. */
  static void legacyBlockingCall(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void run(PrintStream out, Duration tick) throws InterruptedException {
    try (ExecutorService platformThreads = Executors.newFixedThreadPool(2)) {
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
      var load1 = graph.addNode("load1", (String data, Emitter<String> emit) -> {
        out.println("Data in Load1: " + data);
        for (int i = 0; i < 3; i++) {
          Pace.sleep(tick, 4); // blocking, on the worker's virtual thread
          emit.emit("load1 " + i);
        }
      });
      var load2 = graph.addNode("load2", (String data, Emitter<String> emit) -> {
        out.println("Data in Load2: " + data);
        for (int i = 0; i < 3; i++) {
          // blocking, on a platform thread; this worker waits for it
          platformThreads.submit(() -> legacyBlockingCall(tick.multipliedBy(4))).get();
          emit.emit("load2 " + i);
        }
      });
      var output = graph.addNode("output", (String data, Emitter<Object> emit) -> {
        out.println("output: " + data);
        emit.emit(null);
      });
      graph.addEdge(extract, transform);
      graph.addEdge(transform, load1);
      graph.addEdge(transform, load2);
      graph.addEdge(load1, output);
      graph.addEdge(load2, output);

      out.println("Graph: " + graph.nodesToEdges());
      new AsyncExecutor(graph).execute();
    }
  }
}
