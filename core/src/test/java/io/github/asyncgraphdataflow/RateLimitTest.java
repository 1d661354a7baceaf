package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rate limits: calls across all of a node's workers are spaced {@code period / permits} apart
 * (a burst allows that many at once), and a halt ends a wait at once. Spacing is checked
 * against the clock only as a lower bound (a slow machine only spaces calls further apart).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RateLimitTest {
  private final RecordingLogger logger = new RecordingLogger("rate");

  private List<Long> run(RateLimit limit, int items) throws Exception {
    List<Long> starts = Collections.synchronizedList(new ArrayList<>());
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode("source", (Emitter<Integer> out) -> {
      for (int i = 0; i < items; i++) {
        out.emit(i);
      }
    });
    var call = graph.addNode((Integer i, Emitter<Void> out) -> starts.add(System.nanoTime()),
        NodeOptions.builder().name("call").maxTasks(4).rateLimit(limit).build());
    graph.addEdge(source, call);
    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();
    assertThat(result.stats().get("call").calls()).isEqualTo(items);
    List<Long> sorted = new ArrayList<>(starts);
    Collections.sort(sorted);
    return sorted;
  }

  @Test
  void callsAcrossAllWorkersAreSpacedEvenly() throws Exception {
    List<Long> starts = run(RateLimit.of(50, Duration.ofSeconds(1)), 10);   // 20 ms apart
    long interval = Duration.ofMillis(20).toNanos();
    // n calls need at least (n - 1) intervals, whatever the timing
    assertThat(starts.getLast() - starts.getFirst()).isGreaterThanOrEqualTo(9 * interval - 1);
    for (int k = 0; k + 1 < starts.size(); k++) {
      assertThat(starts.get(k + 1) - starts.get(k)).as("gap %d", k)
          .isGreaterThan(0);
    }
  }

  @Test
  void aBurstAllowsThatManyCallsThenTheRate() throws Exception {
    List<Long> starts = run(RateLimit.of(10, Duration.ofSeconds(1)).burst(5), 7);  // 100 ms
    long interval = Duration.ofMillis(100).toNanos();
    // the 6th and 7th calls wait 1 and 2 intervals after the start of the run at least
    assertThat(starts.get(6) - starts.get(0)).isGreaterThanOrEqualTo(2 * interval - 1);
  }

  @Test
  void aCancelEndsARateLimitWaitAtOnce() throws Exception {
    CountDownLatch firstCall = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode("source", (Emitter<Integer> out) -> {
      for (int i = 0; i < 3; i++) {
        out.emit(i);
      }
    });
    var call = graph.addNode((Integer i, Emitter<Void> out) -> firstCall.countDown(),
        NodeOptions.builder().name("call").rateLimit(1, Duration.ofHours(1)).build());
    graph.addEdge(source, call);
    RecordingThreadFactory threads = RecordingThreadFactory.virtual();
    AsyncExecutor executor = AsyncExecutor.builder(graph).logger(logger)
        .threadFactory(threads).build();
    Thread canceller = Cancelling.once(firstCall, executor);

    ExecutionResult result = executor.execute();
    canceller.join();

    assertThat(result.haltReason()).isEqualTo(HaltReason.CANCELLED);
    NodeStats s = result.stats().get("call");
    assertThat(s.in()).isEqualTo(s.calls() + s.discarded());
    assertThat(threads.alive()).isEmpty();
  }
}
