package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Every thread of an execution comes from the executor's thread factory, the data-flow logging
 * thread included; and an interrupt that arrives after every node finished (while
 * {@code execute} joins the finished threads) does not make {@code execute} throw: the
 * interrupt flag is restored instead.
 */
class ExecuteThreadsTest {

  @Test
  void theDataFlowLoggingThreadComesFromTheThreadFactory() throws Exception {
    RecordingThreadFactory threads = RecordingThreadFactory.virtual();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("only", (Emitter<Integer> out) -> out.emit(1));
    AsyncExecutor executor = AsyncExecutor.builder(graph).threadFactory(threads).build();
    executor.turnOnDataFlowLogging(DataFlowLogging.builder().timeInterval(Duration.ofMinutes(1))
        .logger(new RecordingLogger("flow")).build());

    executor.execute();

    assertThat(threads.threads()).extracting(Thread::getName)
        .containsExactlyInAnyOrder("agdf-only-0", "agdf-data-flow-log");
    assertThat(threads.alive()).isEmpty();
  }

  /**
   * The only worker, once its work is done (the node finished), interrupts the caller of
   * {@code execute} and then takes a while to end, so the interrupt lands while the caller
   * waits for the end or joins the thread. Repeated to reach both places.
   */
  @RepeatedTest(10)
  void anInterruptAfterEveryNodeFinishedIsKeptNotThrown() throws Exception {
    Thread caller = Thread.currentThread();
    ThreadFactory lateInterrupter = r -> Thread.ofVirtual().unstarted(() -> {
      r.run();
      caller.interrupt();
      try {
        Thread.sleep(20); // a slow thread teardown, so the caller is likely joining it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("only", (Emitter<Integer> out) -> out.emit(1));

    ExecutionResult result;
    try {
      result = AsyncExecutor.builder(graph).threadFactory(lateInterrupter).build().execute();
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt flag is restored").isTrue();
    }

    assertThat(result.halted()).isFalse();
    assertThat(result.stats().get("only").out()).isEqualTo(1);
  }
}
