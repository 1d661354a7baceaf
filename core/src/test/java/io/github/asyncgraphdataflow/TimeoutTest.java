package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Call timeouts: a call running past the limit is interrupted and fails with a
 * {@link TimeoutException} naming the node and the limit; it is retried like any failure; a
 * timer that fires late never interrupts a later call; the timer thread ends with the run.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimeoutTest {
  private final RecordingLogger logger = new RecordingLogger("timeouts");

  @Test
  void aCallPastItsTimeoutIsInterruptedAndFailsWithATimeoutException() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Emitter<Object> out) -> Thread.sleep(Duration.ofHours(1)),
        NodeOptions.builder().name("slow").timeout(Duration.ofMillis(50)).build());

    RecordingThreadFactory threads = RecordingThreadFactory.virtual();
    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).threadFactory(threads)
        .build().execute();

    assertThat(threads.threads()).extracting(Thread::getName).contains("agdf-timeouts");
    assertThat(threads.alive()).as("no thread, the timer's included, outlives execute").isEmpty();
    assertThat(result.exceptions().get("slow")).singleElement().satisfies(t -> {
      assertThat(t).isInstanceOf(TimeoutException.class)
          .hasMessage("A call of node 'slow' took longer than its timeout of PT0.05S and was "
              + "interrupted")
          .hasCauseInstanceOf(InterruptedException.class);
    });
    assertThat(result.halted()).isFalse();
  }

  @Test
  void aTimedOutCallIsRetriedAndTheNextCallIsNotInterrupted() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger interruptedLater = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode("source", (Emitter<Integer> out) -> {
      for (int i = 0; i < 20; i++) {
        out.emit(i);
      }
    });
    var step = graph.addNode((Integer i, Emitter<Integer> out) -> {
      if (calls.incrementAndGet() == 1) {
        Thread.sleep(Duration.ofHours(1));     // the first attempt of item 0 times out
      }
      if (Thread.currentThread().isInterrupted()) {
        interruptedLater.incrementAndGet();
      }
      out.emit(i);
    }, NodeOptions.builder().name("step").timeout(Duration.ofMillis(50))
        .retry(Retry.of(2).backoff(Duration.ZERO)).build());
    graph.addEdge(source, step);

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(result.stats().get("step")).isEqualTo(new NodeStats(20, 20, 0, 0, 20, 1, 0, 0));
    assertThat(interruptedLater).hasValue(0);
    assertThat(logger.events()).isEmpty();
  }

  @Test
  void callsWithinTheLimitAreUntouched() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    var source = graph.addNode("source", (Emitter<Integer> out) -> {
      for (int i = 0; i < 1_000; i++) {
        out.emit(i);
      }
    });
    var step = graph.addNode((Integer i, Emitter<Integer> out) -> out.emit(i),
        NodeOptions.builder().name("step").maxTasks(4).timeout(Duration.ofMinutes(1)).build());
    graph.addEdge(source, step);

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(result.stats().get("step")).isEqualTo(TestStats.done(1_000, 1_000, 0, 0));
  }
}
