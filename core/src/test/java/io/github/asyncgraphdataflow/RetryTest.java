package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retry policies: attempts, counting ({@code calls} once, {@code retries} per extra attempt,
 * {@code err} only for the final failure), which failures are retried, and generator
 * semantics (a retried attempt's emits never reach a destination; the hold limit).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RetryTest {
  private final RecordingLogger logger = new RecordingLogger("retry");
  private final RecordingThreadFactory threads = RecordingThreadFactory.virtual();
  private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

  private AsyncExecutor executor(AsyncGraph graph, ExecutionListener... listeners) {
    AsyncExecutor.Builder b = AsyncExecutor.builder(graph).logger(logger).threadFactory(threads);
    for (ExecutionListener l : listeners) {
      b.listener(l);
    }
    return b.build();
  }

  private static Retry quick(int attempts) {
    return Retry.of(attempts).backoff(Duration.ZERO);
  }

  /** Five items, a node failing each item's first two attempts, and a sink recording. */
  private AsyncGraph flaky(Retry retry, int failures, int maxTasks) {
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode("source", (Emitter<String> out) -> {
      for (int i = 0; i < 5; i++) {
        out.emit("item" + i);
      }
    });
    var flaky = graph.addNode((String s, Emitter<String> out) -> {
      int attempt = attempts.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet();
      out.emit(s + "@" + attempt);          // held until the attempt succeeds
      if (attempt <= failures) {
        throw new UncheckedIOException(new IOException("flaky " + s + " #" + attempt));
      }
    }, NodeOptions.builder().name("flaky").retry(retry).maxTasks(maxTasks).build());
    var sink = graph.addNode("sink", (String s, Emitter<Void> out) -> received.add(s));
    graph.addEdge(source, flaky);
    graph.addEdge(flaky, sink);
    return graph;
  }

  @ParameterizedTest(name = "maxTasks={0}")
  @MethodSource("tasks")
  void retriesUntilAnAttemptSucceedsAndDeliversOnlyItsEmits(int maxTasks) throws Exception {
    AtomicInteger attemptsHeard = new AtomicInteger();
    ExecutionListener listener = new ExecutionListener() {
      @Override
      public void callFinished(String node, long nanos, Throwable failure) {
        if (node.equals("flaky")) {
          attemptsHeard.incrementAndGet();
        }
      }
    };
    ExecutionResult result = executor(flaky(quick(3), 2, maxTasks), listener).execute();

    NodeStats s = result.stats().get("flaky");
    assertThat(s).isEqualTo(new NodeStats(5, 5, 0, 0, 5, 10, 0, 0));
    assertThat(attemptsHeard).hasValue(15);
    assertThat(received).containsExactlyInAnyOrder(
        "item0@3", "item1@3", "item2@3", "item3@3", "item4@3");
    assertThat(logger.events()).isEmpty();
    assertThat(threads.alive()).isEmpty();
  }

  static List<Integer> tasks() {
    return List.of(1, 4);
  }

  @Test
  void onlyTheFinalFailureCountsAndTheLastAttemptsEmitsGoOn() throws Exception {
    ExecutionResult result = executor(flaky(quick(2), 5, 1)).execute();

    assertThat(result.stats().get("flaky")).isEqualTo(new NodeStats(5, 5, 5, 0, 5, 5, 0, 0));
    assertThat(received).containsExactlyInAnyOrder(
        "item0@2", "item1@2", "item2@2", "item3@2", "item4@2");
    assertThat(result.exceptions().get("flaky")).hasSize(5);
    assertThat(result.failures().get("flaky")).extracting(Failure::attempts)
        .containsOnly(2);
    assertThat(result.failures().get("flaky")).extracting(Failure::item)
        .containsExactlyInAnyOrder("item0", "item1", "item2", "item3", "item4");
    assertThat(logger.messages(org.slf4j.event.Level.ERROR)).hasSize(5)
        .allSatisfy(m -> assertThat(m).matches("Exception in node 'flaky' on item item\\d"));
  }

  @Test
  void onlyFailuresTheConditionsAllowAreRetried() throws Exception {
    Retry onState = quick(3).retryOn(IllegalStateException.class);
    ExecutionResult notRetried = executor(flaky(onState, 1, 1)).execute();
    assertThat(notRetried.stats().get("flaky").retries()).isZero();
    assertThat(notRetried.stats().get("flaky").err()).isEqualTo(5);

    received.clear();
    Retry either = onState.retryIf(t -> t.getCause() instanceof IOException);
    ExecutionResult retried = executor(flaky(either, 1, 1)).execute();
    assertThat(retried.stats().get("flaky").retries()).isEqualTo(5);
    assertThat(retried.stats().get("flaky").err()).isZero();
  }

  @Test
  void pastTheHoldLimitAnAttemptStreamsAndIsNotRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode((Emitter<Integer> out) -> {
      calls.incrementAndGet();
      for (int i = 0; i < 5; i++) {
        out.emit(i);
      }
      throw new IllegalStateException("after five emits");
    }, NodeOptions.builder().name("source").retry(quick(3).holdLimit(2)).build());
    var sink = graph.addNode("sink", (Integer i, Emitter<Void> out) -> received.add("" + i));
    graph.addEdge(source, sink);

    ExecutionResult result = executor(graph).execute();

    assertThat(calls).hasValue(1);
    assertThat(received).containsExactlyInAnyOrder("0", "1", "2", "3", "4");
    assertThat(result.stats().get("source").err()).isEqualTo(1);
    assertThat(result.stats().get("source").retries()).isZero();
  }

  @Test
  void withinTheHoldLimitASourceIsRetriedWithoutDuplicates() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode((Emitter<Integer> out) -> {
      int call = calls.incrementAndGet();
      for (int i = 0; i < 5; i++) {
        out.emit(i);
      }
      if (call == 1) {
        throw new IllegalStateException("first attempt");
      }
    }, NodeOptions.builder().name("source").retry(quick(3).holdLimit(5)).build());
    var sink = graph.addNode("sink", (Integer i, Emitter<Void> out) -> received.add("" + i));
    graph.addEdge(source, sink);

    ExecutionResult result = executor(graph).execute();

    assertThat(calls).hasValue(2);
    assertThat(received).containsExactlyInAnyOrder("0", "1", "2", "3", "4");
    assertThat(result.stats().get("source")).isEqualTo(new NodeStats(0, 5, 0, 0, 0, 1, 0, 0));
  }

  @Test
  void holdLimitZeroRetriesOnlyAnAttemptThatEmittedNothing() throws Exception {
    ExecutionResult result = executor(flaky(quick(3).holdLimit(0), 2, 1)).execute();
    // each item's first attempt emits, then fails: streamed, so final
    assertThat(result.stats().get("flaky")).isEqualTo(new NodeStats(5, 5, 5, 0, 5, 0, 0, 0));
    assertThat(received).hasSize(5).allSatisfy(s -> assertThat(s).endsWith("@1"));
  }

  @Test
  void anEmittedThrowableOfARetriedAttemptIsNotCounted() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Emitter<Object> out) -> {
      if (calls.incrementAndGet() == 1) {
        out.emit(new IllegalArgumentException("emitted"));
        throw new IllegalStateException("first attempt");
      }
    }, NodeOptions.builder().name("source").retry(quick(2)).build());

    ExecutionResult result = executor(graph).execute();

    assertThat(calls).hasValue(2);
    assertThat(result.stats().get("source").err()).isZero();
  }

  @Test
  void anErrorIsNeverRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Emitter<Object> out) -> {
      calls.incrementAndGet();
      throw new AssertionError("an Error");
    }, NodeOptions.builder().name("source").retry(quick(5).retryIf(t -> true)).build());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> executor(graph).execute())
        .isInstanceOf(AssertionError.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aCancelEndsABackOffWaitAtOnce() throws Exception {
    CountDownLatch failedOnce = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Emitter<Object> out) -> {
      calls.incrementAndGet();
      throw new IllegalStateException("fails");
    }, NodeOptions.builder().name("source").retry(Retry.of(3).backoff(Duration.ofHours(1))).build());
    AsyncExecutor executor = executor(graph, new ExecutionListener() {
      @Override
      public void callFinished(String node, long nanos, Throwable failure) {
        failedOnce.countDown();
      }
    });
    Thread canceller = Cancelling.once(failedOnce, executor);

    ExecutionResult result = executor.execute();
    canceller.join();

    assertThat(result.haltReason()).isEqualTo(HaltReason.CANCELLED);
    assertThat(calls).hasValue(1);
    assertThat(result.stats().get("source").err()).as("the waiting failure is final").isEqualTo(1);
    assertThat(threads.alive()).isEmpty();
  }

  @Test
  void backOffGrowsByTheMultiplierUpToTheMax() {
    Retry r = Retry.of(6).backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(500));
    assertThat(List.of(r.delay(1), r.delay(2), r.delay(3), r.delay(4))).containsExactly(
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
        Duration.ofMillis(500));
    assertThat(Retry.none().maxAttempts()).isEqualTo(1);
    assertThat(Retry.of(2).retries(new IOException())).isTrue();
    assertThat(Retry.of(2).retries(new AssertionError())).isFalse();
    assertThat(Retry.of(2).retryOn(IOException.class).retries(new IllegalStateException()))
        .isFalse();
  }

  @Test
  void aFailuresOwnHintReplacesTheBackOff() throws Exception {
    // a back-off of an hour: only the failure's hint (zero) lets the retry happen at once
    Retry hinted = Retry.of(3).backoff(Duration.ofHours(1))
        .retryAfter(t -> t.getCause() instanceof IOException ? Duration.ZERO : null);
    ExecutionResult result = executor(flaky(hinted, 2, 2)).execute();

    assertThat(result.stats().get("flaky").retries()).isEqualTo(10);
    assertThat(hinted.delay(1, new IllegalStateException())).isEqualTo(Duration.ofHours(1));
    assertThat(hinted.delay(1, new UncheckedIOException(new IOException()))).isZero();
  }
}
