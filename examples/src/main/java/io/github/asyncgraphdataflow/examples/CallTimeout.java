package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.Failure;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.Retry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A timeout per call: {@code lookup} may take 5 ticks per call. Its first call hangs (a
 * server that never answers); the timeout interrupts it, the call fails with a
 * {@link java.util.concurrent.TimeoutException} naming the node and the limit, and the retry
 * policy tries again, which answers at once. The key {@code "black-hole"} hangs on every
 * attempt, so it fails for good after two.
 *
 * <pre>
 * found alpha
 * found beta
 * black-hole failed after 2 attempts: java.util.concurrent.TimeoutException: A call of node 'lookup' took longer than its timeout of PT0.5S and was interrupted
 * lookup: calls=3 retries=2 err=1
 * </pre>
 */
public final class CallTimeout {
  private CallTimeout() {}

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
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    var keys = graph.addNode("keys", (Emitter<String> emit) -> {
      for (String key : List.of("alpha", "beta", "black-hole")) {
        emit.emit(key);
      }
    });
    var lookup = graph.addNode((String key, Emitter<String> emit) -> {
      if (calls.incrementAndGet() == 1 || key.equals("black-hole")) {
        Thread.sleep(Duration.ofHours(1));              // never answers: interrupted
      }
      emit.emit(key);
    }, NodeOptions.builder().name("lookup")
        .timeout(tick.multipliedBy(5))
        .retry(Retry.of(2).backoff(tick))
        .build());
    var print = graph.addNode("print", (String key, Emitter<Void> emit) ->
        out.println("found " + key));
    graph.addEdge(keys, lookup);
    graph.addEdge(lookup, print);

    ExecutionResult result =
        AsyncExecutor.builder(graph).logger(org.slf4j.helpers.NOPLogger.NOP_LOGGER).build()
            .execute();
    for (Failure f : result.failures().get("lookup")) {
      out.println(f.item() + " failed after " + f.attempts() + " attempts: " + f.error());
    }
    var s = result.stats().get("lookup");
    out.println("lookup: calls=" + s.calls() + " retries=" + s.retries() + " err=" + s.err());
  }
}
