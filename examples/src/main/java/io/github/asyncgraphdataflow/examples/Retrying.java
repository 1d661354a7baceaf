package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import io.github.asyncgraphdataflow.Retry;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Retry with back-off: {@code fetch} calls a flaky service that fails each page's first two
 * attempts with an {@link IOException}; {@code Retry.of(3)} makes a third attempt after
 * waiting 1 tick, then 2 ticks. Page 3 fails with an {@link IllegalStateException}, which the
 * policy does not retry ({@code retryOn(IOException.class)}): it fails once, for good.
 * {@code calls} counts each page once, {@code retries} each extra attempt, {@code err} the
 * final failure only; what a failed attempt emitted never reaches {@code save}.
 *
 * <pre>
 * page 1 attempt 1
 * page 1 attempt 2
 * page 1 attempt 3
 * saved page 1 (attempt 3)
 * page 2 attempt 1
 * ...
 * page 3 attempt 1
 * ERROR:Exception in node 'fetch' on item 3
 *     java.lang.IllegalStateException: page 3 is gone
 * fetch: calls=3 retries=4 err=1
 * </pre>
 */
public final class Retrying {
  private Retrying() {}

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
    Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();
    AsyncGraph graph = new AsyncGraph();
    var pages = graph.addNode("pages", (Emitter<Integer> emit) -> {
      for (int page : List.of(1, 2, 3)) {
        emit.emit(page);
      }
    });
    var fetch = graph.addNode((Integer page, Emitter<String> emit) -> {
      int attempt = attempts.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
      out.println("page " + page + " attempt " + attempt);
      if (page == 3) {
        throw new IllegalStateException("page 3 is gone");
      }
      emit.emit("page " + page + " (attempt " + attempt + ")");   // held until it succeeds
      if (attempt < 3) {
        throw new IOException("503 Service Unavailable");
      }
    }, NodeOptions.builder().name("fetch")
        .retry(Retry.of(3).backoff(tick, 2.0, tick.multipliedBy(10)).retryOn(IOException.class))
        .build());
    var save = graph.addNode("save", (String page, Emitter<Void> emit) ->
        out.println("saved " + page));
    graph.addEdge(pages, fetch);
    graph.addEdge(fetch, save);

    ExecutionResult result =
        AsyncExecutor.builder(graph).logger(new PrintStreamLogger(out)).build().execute();
    NodeStats s = result.stats().get("fetch");
    out.println("fetch: calls=" + s.calls() + " retries=" + s.retries() + " err=" + s.err());
  }
}
