package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line for your own graph, from the live statistics ({@code dataFlowStats()}): a
 * scheduled task reads the slow node's counters every interval and prints items done of the
 * total, the rate since the last line, the time left at that rate, and the node's queue and
 * busy workers; once more at the end. (The main job's status line is the same idea with a
 * sliding window: {@code breweries/StatusLine}.)
 *
 * <pre>
 * work 9/40, 45/s, ETA 1 s, 23 queued, 4 active
 * work 18/40, 45/s, ETA 0 s, 14 queued, 4 active
 * ...
 * work 40/40, 44/s, ETA 0 s, 0 queued, 0 active
 * </pre>
 */
public final class ProgressLine {
  private ProgressLine() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    run(System.out, Pace.DEFAULT_TICK, Duration.ofMillis(200));
  }

  static void run(PrintStream out, Duration tick, Duration every) throws InterruptedException {
    long total = 40;
    AsyncGraph graph = new AsyncGraph();
    var numbers = graph.addNode("numbers", (Emitter<Integer> emit) -> {
      for (int i = 0; i < total; i++) {
        emit.emit(i);
      }
    });
    var work = graph.addNode((Integer i, Emitter<Integer> emit) -> {
      Pace.sleep(tick, 1);
      emit.emit(i);
    }, NodeOptions.builder().name("work").maxTasks(4).build());
    graph.addEdge(numbers, work);
    AsyncExecutor executor = new AsyncExecutor(graph);

    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    AtomicLong last = new AtomicLong();
    Runnable progress = () -> {
      NodeStats s = executor.dataFlowStats().get("work");
      long done = s.calls() - s.active();                 // items the node has finished
      double rate = (done - last.getAndSet(done)) * 1000.0 / every.toMillis();
      String eta = done >= total ? "0 s" : rate > 0 ? Math.round((total - done) / rate) + " s" : "?";
      out.printf("work %d/%d, %.0f/s, ETA %s, %d queued, %d active%n",
          done, total, rate, eta, s.queued(), s.active());
    };
    ticker.scheduleAtFixedRate(progress, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    try {
      executor.execute();
    } finally {
      ticker.shutdownNow();
      ticker.awaitTermination(1, TimeUnit.MINUTES);
      progress.run();                                     // the final state
    }
  }
}
