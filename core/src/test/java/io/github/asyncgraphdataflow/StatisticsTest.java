package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per node {@code in}, {@code out}, {@code err} counted exactly as the original counts them;
 * zero before the first execution, reset by each execution, readable from another thread while
 * the graph runs.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StatisticsTest {

  private static AsyncGraph linearEtl(int maxTasks, int queueSize) {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      out.emit("hello");
      out.emit("world");
    }, Matrix.opts("extract", maxTasks, queueSize));
    graph.addNode((String s, Emitter<String> out) -> out.emit(s.toUpperCase()),
        Matrix.opts("transform", maxTasks, queueSize));
    graph.addNode(out -> out.emit(null), // like a bare `yield`: a null item per call
        Matrix.opts("load", maxTasks, queueSize));
    graph.addEdge("extract", "transform");
    graph.addEdge("transform", "load");
    return graph;
  }

  @Test
  void statisticsAreZeroAndExceptionsEmptyBeforeTheFirstExecution() {
    AsyncExecutor executor = new AsyncExecutor(linearEtl(1, 10));

    assertThat(executor.dataFlowStats()).containsOnlyKeys("extract", "transform", "load")
        .allSatisfy((node, s) -> assertThat(s).isEqualTo(NodeStats.ZERO));
    assertThat(executor.exceptions()).containsOnlyKeys("extract", "transform", "load")
        .allSatisfy((node, list) -> assertThat(list).isEmpty());
  }

  /** The original's linear example: every node's in, out and err. */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void linearGraphIsCountedAsTheOriginalCountsIt(int maxTasks, int queueSize) throws Exception {
    AsyncExecutor executor = new AsyncExecutor(linearEtl(maxTasks, queueSize));

    ExecutionResult result = executor.execute();

    Map<String, NodeStats> stats = executor.dataFlowStats();
    assertThat(stats).containsExactly(
        Map.entry("extract", TestStats.done(0, 2, 0, 0)),
        Map.entry("transform", TestStats.done(2, 2, 0, 0)),
        Map.entry("load", TestStats.done(2, 2, 0, 0)));
    assertThat(result.stats()).isEqualTo(stats);
    assertThat(result.errorCount()).isZero();
  }

  /** The original's non-linear example: a fan-out whose branches emit three items per input. */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void fanOutAndFanInAreCountedPerEdge(int maxTasks, int queueSize) throws Exception {
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode(out -> {
      out.emit("hello");
      out.emit("world");
    }, Matrix.opts("extract", maxTasks, queueSize));
    graph.addNode((String s, Emitter<String> out) -> out.emit(s.toUpperCase()),
        Matrix.opts("transform", maxTasks, queueSize));
    graph.addNode((String s, Emitter<String> out) -> {
      for (int i = 0; i < 3; i++) {
        out.emit("load1." + s + " " + i);
      }
    }, Matrix.opts("load1", maxTasks, queueSize));
    graph.addNode((String s, Emitter<String> out) -> {
      for (int i = 0; i < 3; i++) {
        Thread.sleep(1); // simulated blocking I/O
        out.emit("load2." + s + " " + i);
      }
    }, Matrix.opts("load2", maxTasks, queueSize));
    graph.addNode(out -> out.emit(null), Matrix.opts("output", maxTasks, queueSize));
    graph.addEdge("extract", "transform");
    graph.addEdge("transform", "load1");
    graph.addEdge("transform", "load2");
    graph.addEdge("load1", "output");
    graph.addEdge("load2", "output");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(result.stats()).containsExactly(
        Map.entry("extract", TestStats.done(0, 2, 0, 0)),
        Map.entry("transform", TestStats.done(2, 2, 0, 0)),
        Map.entry("load1", TestStats.done(2, 6, 0, 0)),
        Map.entry("load2", TestStats.done(2, 6, 0, 0)),
        Map.entry("output", TestStats.done(12, 12, 0, 0)));
  }

  @Test
  void oneItemSentToThreeDestinationsCountsOnceOutAndOnceInForEach() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> out.emit(42));
    for (String d : List.of("d1", "d2", "d3")) {
      graph.addNode(d, (Integer x, Emitter<Void> out) -> { });
      graph.addEdge("src", d);
    }

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(result.stats().get("src")).isEqualTo(TestStats.done(0, 1, 0, 0));
    assertThat(List.of("d1", "d2", "d3"))
        .allSatisfy(d -> assertThat(result.stats().get(d)).isEqualTo(TestStats.done(1, 0, 0, 0)));
  }

  @Test
  void startNodeArgumentsAreNotCountedAsIn() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("start", (Integer n, Emitter<Integer> out) -> out.emit(n));

    ExecutionResult result = new AsyncExecutor(graph).execute(Map.of("start", List.of(3)));

    assertThat(result.stats().get("start")).isEqualTo(TestStats.done(0, 1, 0, 0));
  }

  @Test
  void eachExecutionStartsItsStatisticsFromZero() throws Exception {
    AsyncExecutor executor = new AsyncExecutor(linearEtl(1, 10_000));

    ExecutionResult first = executor.execute();
    ExecutionResult second = executor.execute();

    assertThat(second.stats()).isEqualTo(first.stats());
    assertThat(executor.dataFlowStats().get("transform")).isEqualTo(TestStats.done(2, 2, 0, 0));
    assertThat(first.stats().get("transform"))
        .as("a result is a frozen snapshot").isEqualTo(TestStats.done(2, 2, 0, 0));
  }

  @Test
  void statisticsOfASecondExecutionStartFromZeroWhileItRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger run = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      if (run.incrementAndGet() == 2) {
        release.await(); // the second run holds here, before emitting anything
      }
      out.emit(1);
    });
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> { });
    graph.addEdge("src", "sink");
    AsyncExecutor executor = new AsyncExecutor(graph);
    executor.execute();
    assertThat(executor.dataFlowStats().get("sink").in()).isEqualTo(1);

    Thread second = Thread.ofPlatform().start(() -> {
      try {
        executor.execute();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    await().until(() -> run.get() == 2);
    assertThat(executor.dataFlowStats().get("sink")).isEqualTo(NodeStats.ZERO);
    release.countDown();
    second.join();

    assertThat(executor.dataFlowStats().get("sink").in()).isEqualTo(1);
  }

  /**
   * Read from the test thread while a source is blocked in the middle of its one long call:
   * what it has emitted and what its destination has processed are visible.
   */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void statisticsAreReadableFromAnotherThreadDuringARun(int maxTasks, int queueSize)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger processed = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      for (int i = 0; i < 1_000; i++) {
        out.emit(i);
      }
      release.await(); // still inside its call: a long-running source
    }, Matrix.opts("src", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Void> out) -> processed.incrementAndGet(),
        Matrix.opts("sink", maxTasks, queueSize));
    graph.addEdge("src", "sink");
    AsyncExecutor executor = new AsyncExecutor(graph);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        executor.execute();
      } catch (Throwable t) {
        failure.set(t);
      }
    });

    await().until(() -> executor.dataFlowStats() != null
        && executor.dataFlowStats().get("sink").in() == 1_000 && processed.get() == 1_000);
    Map<String, NodeStats> during = executor.dataFlowStats();
    release.countDown();
    runner.join();

    assertThat(failure.get()).isNull();
    assertThat(during.get("sink").in()).isEqualTo(1_000);
    assertThat(during.get("src").out())
        .as("items handed over are counted as out while the source's call still runs")
        .isEqualTo(1_000);
    assertThat(executor.dataFlowStats().get("src")).isEqualTo(TestStats.done(0, 1_000, 0, 0));
  }

  /**
   * Once {@code emit} has returned, the item is in its destination's queue, busy or not: read
   * during the run, the destination's {@code in} equals the source's {@code out}. (Small and
   * large queues hand items over differently.)
   */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void inOfABusyDestinationCountsEverythingItsSourceEmitted(int maxTasks, int queueSize)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch sourceDone = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    int items = Math.min(queueSize, 100);
    graph.addNode(out -> {
      for (int i = 0; i < items; i++) {
        out.emit(i);
      }
      sourceDone.countDown();
      release.await();
    }, Matrix.opts("src", 1, queueSize));
    graph.addNode((Integer x, Emitter<Void> out) -> release.await(),
        Matrix.opts("busy", maxTasks, queueSize));
    graph.addEdge("src", "busy");
    AsyncExecutor executor = new AsyncExecutor(graph);
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        executor.execute();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    sourceDone.await();
    Map<String, NodeStats> during = executor.dataFlowStats();
    release.countDown();
    runner.join();

    assertThat(during.get("src").out()).isEqualTo(items);
    assertThat(during.get("busy").in()).isEqualTo(during.get("src").out());
  }

  @Test
  void statisticsReadDuringARunNeverGoBackwards() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 20_000; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x),
        NodeOptions.builder().name("mid").maxTasks(4).queueSize(64).build());
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> { });
    graph.addEdge("src", "mid");
    graph.addEdge("mid", "sink");
    AsyncExecutor executor = new AsyncExecutor(graph);
    AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    Thread reader = Thread.ofPlatform().start(() -> {
      long lastIn = 0;
      try {
        while (done.getCount() > 0) {
          Map<String, NodeStats> s = executor.dataFlowStats();
          if (s != null) {
            long in = s.get("sink").in();
            assertThat(in).isGreaterThanOrEqualTo(lastIn).isLessThanOrEqualTo(20_000);
            lastIn = in;
          }
        }
      } catch (Throwable t) {
        readerFailure.set(t);
      }
    });

    executor.execute();
    done.countDown();
    reader.join();

    assertThat(readerFailure.get()).isNull();
    assertThat(executor.dataFlowStats().get("sink").in()).isEqualTo(20_000);
  }

  @Test
  void anExecutionResultIsImmutable() throws Exception {
    ExecutionResult result = new AsyncExecutor(linearEtl(1, 10)).execute();

    assertThat(result.elapsed().isNegative()).isFalse();
    assertThat(result.haltingNode()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> result.stats().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> result.exceptions().get("load").add(
        new IllegalStateException())).isInstanceOf(UnsupportedOperationException.class);
  }
}
