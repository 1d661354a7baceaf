package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.event.Level;

/**
 * Interrupting the thread blocked in {@code execute} halts the graph and makes {@code execute}
 * throw {@link InterruptedException}; after {@code execute} returns, in any way, no thread of
 * the execution is alive.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterruptTest {

  private static List<Thread> liveAgdfPlatformThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("agdf-"))
        .toList();
  }

  /** Live platform threads named agdf-* that were not alive before (other tests' aside). */
  private static List<String> newLiveAgdfPlatformThreads(List<Thread> before) {
    return liveAgdfPlatformThreads().stream()
        .filter(t -> !before.contains(t))
        .map(Thread::getName)
        .toList();
  }

  /** Runs {@code execute} on its own thread, so the test can interrupt it. */
  private static Thread executeOnNewThread(AsyncExecutor executor, AtomicReference<Throwable> thrown,
      AtomicBoolean returned) {
    return Thread.ofPlatform().name("caller").start(() -> {
      try {
        executor.execute();
        returned.set(true);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
  }

  @Test
  void interruptingExecuteHaltsTheGraphAndThrowsInterruptedException() throws Exception {
    List<Thread> before = liveAgdfPlatformThreads();
    CountDownLatch entered = new CountDownLatch(1);
    AtomicBoolean blockedWorkerWasInterrupted = new AtomicBoolean();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("blocked", (Emitter<Integer> out) -> {
      out.emit(1);
      entered.countDown();
      try {
        new CountDownLatch(1).await(); // never opened
      } catch (InterruptedException e) {
        blockedWorkerWasInterrupted.set(true);
        throw e;
      }
    });
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> { });
    graph.addEdge("blocked", "sink");
    RecordingLogger logger = new RecordingLogger("interrupt");
    RecordingThreadFactory threads = RecordingThreadFactory.platform();
    AsyncExecutor executor = AsyncExecutor.builder(graph).logger(logger)
        .threadFactory(threads).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean returned = new AtomicBoolean();

    Thread caller = executeOnNewThread(executor, thrown, returned);
    entered.await();
    caller.interrupt();
    caller.join();

    assertThat(returned).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(blockedWorkerWasInterrupted).isTrue();
    assertThat(threads.threads()).extracting(Thread::getName)
        .containsExactlyInAnyOrder("agdf-blocked-0", "agdf-sink-0");
    assertThat(threads.alive()).isEmpty();
    assertThat(newLiveAgdfPlatformThreads(before)).isEmpty();
    assertThat(executor.dataFlowStats().get("blocked").err())
        .as("an interrupt caused by the halt is not a failure").isZero();
    assertThat(logger.messages(Level.ERROR)).anyMatch(m -> m.contains("halted"));
  }

  @Test
  void interruptingExecuteWakesAProducerBlockedOnAFullQueue() throws Exception {
    CountDownLatch consumerEntered = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("producer", (Emitter<Integer> out) -> {
      for (int i = 0; ; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Void> out) -> {
      consumerEntered.countDown();
      new CountDownLatch(1).await();
    }, NodeOptions.builder().name("consumer").queueSize(1).build());
    graph.addEdge("producer", "consumer");
    RecordingThreadFactory threads = RecordingThreadFactory.virtual();
    AsyncExecutor executor = AsyncExecutor.builder(graph).threadFactory(threads)
        .logger(new RecordingLogger("quiet")).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();

    Thread caller = executeOnNewThread(executor, thrown, new AtomicBoolean());
    consumerEntered.await();
    caller.interrupt();
    caller.join();

    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(threads.alive()).isEmpty();
    NodeStats consumer = executor.dataFlowStats().get("consumer");
    assertThat(consumer.in()).as("bounded by back-pressure").isLessThanOrEqualTo(3);
  }

  @Test
  void executeCalledWithTheInterruptFlagSetHaltsAndThrows() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("forever", (Emitter<Integer> out) -> new CountDownLatch(1).await());
    RecordingThreadFactory threads = RecordingThreadFactory.virtual();
    AsyncExecutor executor = AsyncExecutor.builder(graph).threadFactory(threads)
        .logger(new RecordingLogger("quiet")).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();

    Thread caller = Thread.ofPlatform().start(() -> {
      Thread.currentThread().interrupt();
      try {
        executor.execute();
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    caller.join();

    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(threads.alive()).isEmpty();
  }

  @Test
  void noWorkerThreadOutlivesANormalExecution() throws Exception {
    List<Thread> before = liveAgdfPlatformThreads();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 100; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x),
        NodeOptions.builder().name("mid").maxTasks(4).build());
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> { });
    graph.addEdge("src", "mid");
    graph.addEdge("mid", "sink");
    RecordingThreadFactory threads = RecordingThreadFactory.platform();
    AsyncExecutor executor = AsyncExecutor.builder(graph).threadFactory(threads).build();
    executor.turnOnDataFlowLogging(DataFlowLogging.builder()
        .logger(new RecordingLogger("flow")).build());

    executor.execute();

    assertThat(threads.threads()).extracting(Thread::getName)
        .containsExactlyInAnyOrder("agdf-src-0", "agdf-mid-0", "agdf-mid-1", "agdf-mid-2",
            "agdf-mid-3", "agdf-sink-0", "agdf-data-flow-log"); // all from the factory
    assertThat(threads.alive()).isEmpty();
    assertThat(newLiveAgdfPlatformThreads(before)).isEmpty();
  }

  @Test
  void noWorkerThreadOutlivesAHaltedExecution() throws Exception {
    List<Thread> before = liveAgdfPlatformThreads();
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("fails", (Emitter<Integer> out) -> {
      throw new IllegalStateException("boom");
    });
    graph.addNode("sleeper", (Emitter<Integer> out) -> Thread.sleep(600_000)); // long I/O
    RecordingThreadFactory threads = RecordingThreadFactory.platform();
    AsyncExecutor executor = AsyncExecutor.builder(graph).threadFactory(threads)
        .logger(new RecordingLogger("quiet")).build();

    ExecutionResult result = executor.execute();

    assertThat(result.haltedBy()).isEqualTo("fails");
    assertThat(threads.alive()).isEmpty();
    assertThat(newLiveAgdfPlatformThreads(before)).isEmpty();
  }
}
