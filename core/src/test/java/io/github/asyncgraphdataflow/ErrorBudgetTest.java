package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.event.Level;

/**
 * Error budgets (per node and graph-wide), the executor's time limit and {@code cancel}: each
 * halts with the same accounting as any halt, and the result says why.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ErrorBudgetTest {
  private final RecordingLogger logger = new RecordingLogger("budget");
  private final RecordingThreadFactory threads = RecordingThreadFactory.virtual();

  /** 100 items into a one-worker node that fails every odd one. */
  private static AsyncGraph failingOdd(NodeOptions.Builder options) {
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode("source", (Emitter<Integer> out) -> {
      for (int i = 0; i < 100; i++) {
        out.emit(i);
      }
    });
    var check = graph.addNode((Integer i, Emitter<Integer> out) -> {
      if (i % 2 == 1) {
        throw new IllegalArgumentException("odd " + i);
      }
      out.emit(i);
    }, options.name("check").queueSize(1).build());
    graph.addEdge(source, check);
    return graph;
  }

  private static void assertAccounted(ExecutionResult result) {
    result.stats().forEach((node, s) ->
        assertThat(s.in()).as("%s in == calls + discarded", node)
            .isEqualTo(s.calls() + s.discarded()));
  }

  @Test
  void aNodeHaltsTheGraphWhenItsErrorsReachItsBudget() throws Exception {
    ExecutionResult result = AsyncExecutor.builder(failingOdd(NodeOptions.builder().maxErrors(3)))
        .logger(logger).threadFactory(threads).build().execute();

    assertThat(result.haltReason()).isEqualTo(HaltReason.ERROR_BUDGET);
    assertThat(result.haltedBy()).isEqualTo("check");
    assertThat(result.stats().get("check").err()).isEqualTo(3);
    assertThat(logger.messages(Level.ERROR)).contains(
        "Graph execution halted: node 'check' reached its error budget of 3 errors");
    assertAccounted(result);
    assertThat(threads.alive()).isEmpty();
  }

  @Test
  void theGraphHaltsWhenAllNodesErrorsReachTheExecutorsBudget() throws Exception {
    ExecutionResult result = AsyncExecutor.builder(failingOdd(NodeOptions.builder()))
        .maxErrors(5).logger(logger).build().execute();

    assertThat(result.haltReason()).isEqualTo(HaltReason.ERROR_BUDGET);
    assertThat(result.errorCount()).isEqualTo(5);
    assertThat(logger.messages(Level.ERROR)).contains("Graph execution halted: the graph reached "
        + "its error budget of 5 errors, the last in node 'check'");
    assertAccounted(result);
  }

  @Test
  void haltingOnAFailureSaysFailure() throws Exception {
    ExecutionResult result = AsyncExecutor.builder(
        failingOdd(NodeOptions.builder().haltOnException(true))).logger(logger).build().execute();
    assertThat(result.haltReason()).isEqualTo(HaltReason.FAILURE);
    assertThat(result.halted()).isTrue();
  }

  @Test
  void aRunThatEndsHasNoHaltReason() throws Exception {
    ExecutionResult result = AsyncExecutor.builder(failingOdd(NodeOptions.builder().maxErrors(51)))
        .logger(logger).build().execute();
    assertThat(result.haltReason()).isNull();
    assertThat(result.halted()).isFalse();
    assertThat(result.stats().get("check").err()).isEqualTo(50);
  }

  /** A source that emits until it is stopped, into a sink. */
  private static AsyncGraph endless(CountDownLatch started) {
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode("source", (Emitter<Integer> out) -> {
      for (int i = 0; ; i++) {
        out.emit(i);
        started.countDown();
      }
    });
    var sink = graph.addNode("sink", (Integer i, Emitter<Void> out) -> Thread.sleep(1));
    graph.addEdge(source, sink);
    return graph;
  }

  @Test
  void theTimeLimitHaltsALongRunAndSaysSo() throws Exception {
    ExecutionResult result = AsyncExecutor.builder(endless(new CountDownLatch(1)))
        .timeLimit(Duration.ofMillis(200)).logger(logger).threadFactory(threads).build()
        .execute();

    assertThat(result.haltReason()).isEqualTo(HaltReason.TIME_LIMIT);
    assertThat(result.haltedBy()).isNull();
    assertThat(logger.messages(Level.WARN))
        .containsExactly("Graph execution halted: the time limit of PT0.2S is up");
    assertThat(logger.messages(Level.ERROR)).isEmpty();
    assertAccounted(result);
    assertThat(threads.alive()).isEmpty();
  }

  @Test
  void cancelFromAnotherThreadHaltsTheRunWithTheSameAccounting() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AsyncExecutor executor = AsyncExecutor.builder(endless(started)).logger(logger)
        .threadFactory(threads).build();
    assertThat(executor.cancel()).as("nothing to cancel yet").isFalse();
    Thread canceller = Cancelling.once(started, executor);

    ExecutionResult result = executor.execute();
    canceller.join();

    assertThat(result.haltReason()).isEqualTo(HaltReason.CANCELLED);
    assertThat(result.stats().get("source").out()).isEqualTo(result.stats().get("sink").in());
    assertThat(logger.messages(Level.INFO)).containsExactly("Graph execution halted: cancelled");
    assertThat(executor.cancel()).as("nothing running any more").isFalse();
    assertAccounted(result);
    assertThat(threads.alive()).isEmpty();
  }
}
