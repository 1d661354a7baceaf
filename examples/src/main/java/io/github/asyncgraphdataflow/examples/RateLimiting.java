package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.RateLimit;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A rate limit per node: a partner API allows one request per 2 ticks. {@code call} has 8
 * workers, but {@code rateLimit} spaces their calls across all of them, so 10 requests take
 * at least 9 intervals (18 ticks), instead of the 2 ticks 8 unlimited workers would need.
 * Workers wait for their turn on their virtual threads, without spinning.
 *
 * <pre>
 * requests: 10
 * at least 9 intervals apart in total: true
 * </pre>
 */
public final class RateLimiting {
  private RateLimiting() {}

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
    Duration interval = tick.multipliedBy(2);
    long[] first = {Long.MAX_VALUE};
    long[] last = {Long.MIN_VALUE};
    AsyncGraph graph = new AsyncGraph();
    var requests = graph.addNode("requests", (Emitter<Integer> emit) -> {
      for (int i = 0; i < 10; i++) {
        emit.emit(i);
      }
    });
    var call = graph.addNode((Integer request, Emitter<Void> emit) -> {
      long now = System.nanoTime();
      synchronized (first) {
        first[0] = Math.min(first[0], now);
        last[0] = Math.max(last[0], now);
      }
    }, NodeOptions.builder().name("call").maxTasks(8)
        .rateLimit(RateLimit.of(1, interval))
        .build());
    graph.addEdge(requests, call);

    ExecutionResult result = new AsyncExecutor(graph).execute();
    out.println("requests: " + result.stats().get("call").calls());
    synchronized (first) {
      out.println("at least 9 intervals apart in total: "
          + (last[0] - first[0] >= 9 * interval.toNanos() - 1));
    }
  }
}
