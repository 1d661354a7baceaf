package io.github.asyncgraphdataflow.reliability;

import io.github.asyncgraphdataflow.TestStats;
import io.github.asyncgraphdataflow.RecordingThreadFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * How executions start, end and overlap: the caller interrupted, one executor run twice, two
 * executors on one graph at the same time, another {@code execute} on a busy executor, and
 * statistics read from another thread while the graph runs.
 */
class ExecutionLifecycleTest {
  private static final Duration GUARD = Duration.ofSeconds(60);

  /** source emits {@code n} numbers into sink, which counts them. */
  private static AsyncGraph countingGraph(int n, LongAdder seen) {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("source", (Emitter<Integer> out) -> {
      for (int i = 0; i < n; i++) {
        out.emit(i);
      }
    });
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> seen.increment());
    graph.addEdge("source", "sink");
    return graph;
  }

  @Test
  void interruptingTheCallerHaltsTheGraphStopsItsThreadsAndThrows() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean block = new AtomicBoolean(true);
    RecordingLogger logger = new RecordingLogger();
    RecordingThreadFactory threads = RecordingThreadFactory.virtual();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("waiter", (Emitter<String> out) -> {
      out.emit("before");
      if (block.get()) {
        started.countDown();
        new CountDownLatch(1).await();
      }
    });
    graph.addNode("sink", (String s, Emitter<Void> out) -> { });
    graph.addEdge("waiter", "sink");
    AsyncExecutor executor = AsyncExecutor.builder(graph)
        .logger(logger).threadFactory(threads).haltTimeout(Duration.ofMinutes(10)).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<List<Thread>> aliveWhenThrown = new AtomicReference<>();
    Thread caller = Thread.ofPlatform().start(() -> {
      try {
        executor.execute();
      } catch (Throwable t) {
        aliveWhenThrown.set(threads.alive());
        thrown.set(t);
      }
    });

    started.await();
    caller.interrupt();
    assertThat(caller.join(GUARD)).as("execute returned").isTrue();

    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(aliveWhenThrown.get()).as("workers alive when execute threw").isEmpty();
    assertThat(logger.events(Level.ERROR)).extracting(RecordingLogger.Event::message)
        .anySatisfy(m -> assertThat(m).contains("interrupted"));
    assertThat(executor.dataFlowStats().get("waiter").err()).isZero();

    block.set(false);  // the executor is usable again
    ExecutionResult again = assertTimeoutPreemptively(GUARD, () -> executor.execute());
    assertThat(again.stats().get("sink")).isEqualTo(TestStats.done(1, 0, 0, 0));
  }

  @Test
  void executingTwiceInSequenceStartsEachRunFromZero() throws Exception {
    LongAdder seen = new LongAdder();
    AsyncGraph graph = countingGraph(5_000, seen);
    graph.addNode("odd", (Integer x, Emitter<Void> out) -> {
      if (x % 1_000 == 0) {
        throw new IllegalArgumentException("bad " + x);
      }
    });
    graph.addEdge("source", "odd");
    AsyncExecutor executor = AsyncExecutor.builder(graph).logger(new RecordingLogger()).build();

    ExecutionResult first = executor.execute();
    ExecutionResult second = executor.execute();

    Map<String, NodeStats> expected = Map.of(
        "source", TestStats.done(0, 5_000, 0, 0),
        "sink", TestStats.done(5_000, 0, 0, 0),
        "odd", TestStats.done(5_000, 0, 5, 0));
    assertThat(first.stats()).isEqualTo(expected);
    assertThat(second.stats()).isEqualTo(expected);
    assertThat(first.exceptions().get("odd")).hasSize(5);
    assertThat(second.exceptions().get("odd")).hasSize(5)
        .doesNotContainAnyElementsOf(first.exceptions().get("odd"));
    assertThat(executor.dataFlowStats()).isEqualTo(second.stats());
    assertThat(seen.sum()).isEqualTo(10_000);
  }

  @Test
  void twoExecutorsRunOneGraphAtTheSameTimeIndependently() throws Exception {
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    LongAdder seen = new LongAdder();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("source", (Emitter<Integer> out) -> {
      bothRunning.await(60, TimeUnit.SECONDS);  // proves the two runs overlap
      for (int i = 0; i < 20_000; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Void> out) -> seen.increment(),
        NodeOptions.builder().name("sink").maxTasks(3).queueSize(8).build());
    graph.addEdge("source", "sink");
    AsyncExecutor a = new AsyncExecutor(graph);
    AsyncExecutor b = new AsyncExecutor(graph);

    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      Future<ExecutionResult> ra = callers.submit(() -> a.execute());
      Future<ExecutionResult> rb = callers.submit(() -> b.execute());
      for (Future<ExecutionResult> r : List.of(ra, rb)) {
        ExecutionResult result = r.get(60, TimeUnit.SECONDS);
        assertThat(result.stats().get("source")).isEqualTo(TestStats.done(0, 20_000, 0, 0));
        assertThat(result.stats().get("sink")).isEqualTo(TestStats.done(20_000, 0, 0, 0));
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(seen.sum()).isEqualTo(40_000);
    assertThat(a.dataFlowStats()).isEqualTo(b.dataFlowStats());
  }

  @Test
  void executeOnABusyExecutorIsRefusedAndTheRunningExecutionIsUnharmed() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("source", (Emitter<Integer> out) -> {
      out.emit(1);
      running.countDown();
      finish.await();
      out.emit(2);
    });
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> { });
    graph.addEdge("source", "sink");
    AsyncExecutor executor = new AsyncExecutor(graph);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<ExecutionResult> first = caller.submit(() -> executor.execute());
      running.await();
      assertThatThrownBy(executor::execute).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already running");
      finish.countDown();
      assertThat(first.get(60, TimeUnit.SECONDS).stats().get("sink"))
          .isEqualTo(TestStats.done(2, 0, 0, 0));
    } finally {
      caller.shutdownNow();
    }
  }

  /**
   * A reader thread polls the statistics while items flow: every reading is a consistent
   * view (no counter ever goes down, no node receives more than its source emitted plus one
   * batch in flight), and the last reading equals the result.
   */
  @Test
  void statisticsReadFromAnotherThreadWhileRunningOnlyGrow() throws Exception {
    int n = 20_000;
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch observed = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("source", (Emitter<Integer> out) -> {
      for (int i = 0; i < n; i++) {
        if (i == n / 2) {
          halfway.countDown();
          observed.await();
        }
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Void> out) -> { },
        NodeOptions.builder().name("sink").maxTasks(4).queueSize(16).build());
    graph.addEdge("source", "sink");
    AsyncExecutor executor = new AsyncExecutor(graph);

    List<Map<String, NodeStats>> readings = new ArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    Thread reader = Thread.ofPlatform().start(() -> {
      while (!done.get()) {
        Map<String, NodeStats> s = executor.dataFlowStats();
        if (s != null && (readings.isEmpty() || !readings.getLast().equals(s))) {
          readings.add(s);
        }
        Thread.yield();
      }
    });
    ExecutorService caller = Executors.newSingleThreadExecutor();
    ExecutionResult result;
    try {
      Future<ExecutionResult> run = caller.submit(() -> executor.execute());
      halfway.await();
      await().atMost(GUARD).until(() -> {
        Map<String, NodeStats> s = executor.dataFlowStats();
        return s != null && s.get("sink").in() > 0;
      });
      observed.countDown();
      result = run.get(60, TimeUnit.SECONDS);
    } finally {
      caller.shutdownNow();
      done.set(true);
      reader.join();
    }

    assertThat(readings).isNotEmpty();
    assertThat(readings).anySatisfy(s -> assertThat(s.get("sink").in()).isBetween(1L, n - 1L));
    for (int i = 1; i < readings.size(); i++) {
      for (String node : List.of("source", "sink")) {
        NodeStats before = readings.get(i - 1).get(node);
        NodeStats after = readings.get(i).get(node);
        assertThat(after.in()).isGreaterThanOrEqualTo(before.in());
        assertThat(after.out()).isGreaterThanOrEqualTo(before.out());
      }
    }
    assertThat(result.stats().get("sink")).isEqualTo(TestStats.done(n, 0, 0, 0));
    assertThat(executor.dataFlowStats()).isEqualTo(result.stats());
  }
}
