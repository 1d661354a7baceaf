package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;

/**
 * Halting, off by default, per graph or per node: after the first failure where halting is on,
 * no node emits again, queued items are discarded unprocessed, blocked workers are woken and
 * {@code execute} returns; what was gathered stays readable. The class timeout is a hang guard.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HaltingTest {

  private final RecordingLogger logger = new RecordingLogger("halting");

  private AsyncExecutor executor(AsyncGraph graph) {
    return AsyncExecutor.builder(graph).logger(logger).build();
  }

  /** The original's linear example with halting at {@code load}, across the matrix. */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void haltingAtANodeStopsTheGraph(int maxTasks, int queueSize) throws Exception {
    AtomicInteger outputCalls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      for (int i = 1; i <= 5; i++) {
        out.emit("data" + i);
      }
    }, Matrix.opts("extract", maxTasks, queueSize));
    graph.addNode((String s, Emitter<String> out) -> out.emit(s.toUpperCase()),
        Matrix.opts("transform", maxTasks, queueSize));
    graph.addNode((String s, Emitter<String> out) -> {
      if (s.equals("DATA3") || s.equals("DATA5")) {
        throw new IllegalStateException("intentional error for " + s);
      }
      out.emit(s);
    }, Matrix.opts("load", maxTasks, queueSize).toBuilder().haltOnException(true).build());
    graph.addNode((Emitter<Void> out) -> outputCalls.incrementAndGet(),
        Matrix.opts("output", maxTasks, queueSize));
    graph.addEdge("extract", "transform");
    graph.addEdge("transform", "load");
    graph.addEdge("load", "output");

    ExecutionResult result = executor(graph).execute();

    assertThat(result.halted()).isTrue();
    assertThat(result.haltedBy()).isEqualTo("load");
    NodeStats load = result.stats().get("load");
    if (maxTasks == 1) {
      assertThat(load.err()).isEqualTo(1);
    } else {
      assertThat(load.err()).isBetween(1L, 2L); // DATA3 and DATA5 may fail at the same time
    }
    assertThat(load.out()).isLessThanOrEqualTo(3);
    NodeStats output = result.stats().get("output");
    assertThat(output.in()).isEqualTo(load.out());
    assertThat(output.in()).isEqualTo(outputCalls.get() + output.discarded());
    assertThat(result.exceptions().get("load")).hasSize((int) load.err())
        .allSatisfy(e -> assertThat(e).hasMessageStartingWith("intentional error for DATA"));
  }

  @Test
  void withoutHaltingEveryItemIsProcessed() throws Exception {
    AtomicInteger outputCalls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("extract", (Emitter<String> out) -> {
      for (int i = 1; i <= 5; i++) {
        out.emit("data" + i);
      }
    });
    graph.addNode("load", (String s, Emitter<String> out) -> {
      if (s.equals("data3") || s.equals("data5")) {
        throw new IllegalStateException("intentional error for " + s);
      }
      out.emit(s);
    });
    graph.addNode("output", (Emitter<Void> out) -> outputCalls.incrementAndGet());
    graph.addEdge("extract", "load");
    graph.addEdge("load", "output");

    ExecutionResult result = executor(graph).execute();

    assertThat(result.halted()).isFalse();
    assertThat(result.stats().get("load")).isEqualTo(TestStats.done(5, 3, 2, 0));
    assertThat(result.stats().get("output")).isEqualTo(TestStats.done(3, 0, 0, 0));
    assertThat(outputCalls).hasValue(3);
  }

  @Test
  void graphWideHaltingHaltsOnAFailureAnywhere() throws Exception {
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 10; i++) {
        out.emit(i);
      }
    });
    graph.addNode("fails", (Integer x, Emitter<Integer> out) -> {
      throw new IllegalArgumentException("bad " + x);
    });
    graph.addEdge("src", "fails");

    ExecutionResult result = executor(graph).execute();

    assertThat(graph.haltOnException()).isTrue();
    assertThat(result.haltedBy()).isEqualTo("fails");
    NodeStats fails = result.stats().get("fails");
    assertThat(fails.err()).isEqualTo(1);
    assertThat(fails.in()).isEqualTo(fails.err() + fails.discarded());
  }

  @Test
  void aFailureInANodeWithoutHaltingDoesNotHaltWhenAnotherNodeHalts() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 10; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x),
        NodeOptions.builder().name("watched").haltOnException(true).build());
    graph.addNode("tolerated", (Integer x, Emitter<Integer> out) -> {
      throw new IllegalStateException("tolerated " + x);
    });
    graph.addEdge("src", "watched");
    graph.addEdge("src", "tolerated");

    ExecutionResult result = executor(graph).execute();

    assertThat(result.halted()).isFalse();
    assertThat(result.stats().get("tolerated").err()).isEqualTo(10);
    assertThat(result.stats().get("watched")).isEqualTo(TestStats.done(10, 10, 0, 0));
  }

  /** The items still queued behind the failing one are discarded, never processed. */
  @Test
  void queuedItemsAreDiscardedWithoutBeingProcessed() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicReference<AsyncExecutor> executor = new AtomicReference<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 1_000; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Void> out) -> {
      calls.incrementAndGet();
      // wait until every item has reached this node's queue, then fail
      await().until(() -> executor.get().dataFlowStats().get("consumer").in() == 1_000);
      throw new IllegalStateException("halt here");
    }, NodeOptions.builder().name("consumer").queueSize(1_000).haltOnException(true).build());
    graph.addEdge("src", "consumer");
    executor.set(executor(graph));

    ExecutionResult result = executor.get().execute();

    assertThat(calls).hasValue(1);
    assertThat(result.stats().get("consumer")).isEqualTo(TestStats.done(1_000, 0, 1, 999));
  }

  /** A halt wakes workers blocked in a wait, in sleep, and on a full queue. */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void haltWakesBlockedWorkersAndExecuteReturns(int maxTasks, int queueSize) throws Exception {
    CountDownLatch blockedReady = new CountDownLatch(2);
    AtomicInteger interrupted = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      blockedReady.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
        throw e;
      }
    }, Matrix.opts("waits", maxTasks, queueSize));
    graph.addNode(out -> {
      blockedReady.countDown();
      try {
        Thread.sleep(600_000); // simulated endless I/O
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
        throw e;
      }
    }, Matrix.opts("sleeps", maxTasks, queueSize));
    graph.addNode(out -> {
      for (int i = 0; ; i++) {
        out.emit(i); // blocks on the full queue of "stuck"
      }
    }, Matrix.opts("floods", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Void> out) -> new CountDownLatch(1).await(),
        Matrix.opts("stuck", maxTasks, queueSize));
    graph.addNode(out -> {
      blockedReady.await();
      throw new IllegalStateException("halt now");
    }, Matrix.opts("trigger", maxTasks, queueSize).toBuilder().haltOnException(true).build());
    graph.addEdge("floods", "stuck");

    ExecutionResult result = executor(graph).execute();

    assertThat(result.haltedBy()).isEqualTo("trigger");
    assertThat(interrupted).hasValue(2);
    assertThat(result.stats().get("waits").err()).isZero();
    assertThat(result.stats().get("sleeps").err()).isZero();
    assertThat(result.stats().get("stuck").err()).isZero();
    assertThat(result.errorCount()).isEqualTo(1);
  }

  @Test
  void emitAfterTheHaltThrowsGraphHaltedExceptionAndNothingIsDelivered() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    AtomicReference<Throwable> emitAfterHalt = new AtomicReference<>();
    ConcurrentLinkedQueue<String> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("stubborn", (Emitter<String> out) -> {
      entered.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        try {
          out.emit("after halt");
        } catch (Throwable t) {
          emitAfterHalt.set(t);
          throw t;
        }
      }
    });
    graph.addNode("sink", (String s, Emitter<Void> out) -> sink.add(s));
    graph.addNode("trigger", (Emitter<Void> out) -> {
      entered.await();
      throw new IllegalStateException("halt");
    });
    graph.addEdge("stubborn", "sink");

    ExecutionResult result = executor(graph).execute();

    assertThat(result.haltedBy()).isEqualTo("trigger");
    assertThat(emitAfterHalt.get()).isInstanceOf(GraphHaltedException.class)
        .hasMessageContaining("stubborn");
    assertThat(sink).isEmpty();
    assertThat(result.stats().get("stubborn")).isEqualTo(NodeStats.ZERO);
  }

  @Test
  void haltingStopsAnEndlessSource() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("endless", (Emitter<Integer> out) -> {
      for (int i = 0; ; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Void> out) -> {
      if (x == 100) {
        throw new IllegalStateException("enough");
      }
    }, NodeOptions.builder().name("check").queueSize(10).haltOnException(true).build());
    graph.addEdge("endless", "check");

    ExecutionResult result = executor(graph).execute();

    assertThat(result.haltedBy()).isEqualTo("check");
    assertThat(result.stats().get("endless").err()).isZero();
  }

  @Test
  void anEmittedThrowableHaltsWhenHaltingIsOn() throws Exception {
    AtomicInteger sinkCalls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("src", (Emitter<Object> out) -> {
      out.emit(new IllegalStateException("emitted, not thrown"));
      out.emit("never sent");
    });
    graph.addNode("sink", (Object x, Emitter<Void> out) -> sinkCalls.incrementAndGet());
    graph.addEdge("src", "sink");

    ExecutionResult result = executor(graph).execute();

    assertThat(result.haltedBy()).isEqualTo("src");
    assertThat(result.stats().get("src").err()).isEqualTo(1);
    assertThat(sinkCalls).hasValue(0);
  }

  @Test
  void haltingLogsWhichNodeHaltedTheGraph() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Emitter<Void> out) -> {
      throw new IllegalStateException("boom");
    }, NodeOptions.builder().name("culprit").haltOnException(true).build());

    executor(graph).execute();

    assertThat(logger.messages(Level.ERROR))
        .contains("Graph execution halted due to an exception in node 'culprit'");
  }

  @Test
  void anErrorAlwaysHaltsAndIsRethrownByExecute() throws Exception {
    AtomicBoolean blockedWasWoken = new AtomicBoolean();
    CountDownLatch entered = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph(); // halting off
    graph.addNode("blocked", (Emitter<Void> out) -> {
      entered.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        blockedWasWoken.set(true);
        throw e;
      }
    });
    graph.addNode("fatal", (Emitter<Void> out) -> {
      entered.await();
      throw new AssertionError("an Error, not an Exception");
    });
    AsyncExecutor executor = executor(graph);

    assertThatThrownBy(executor::execute).isInstanceOf(AssertionError.class)
        .hasMessage("an Error, not an Exception");
    assertThat(blockedWasWoken).isTrue();
    assertThat(executor.dataFlowStats().get("fatal").err()).isEqualTo(1);
  }

  @Test
  void theNextExecutionAfterAHaltRunsNormally() throws Exception {
    AtomicBoolean failOnce = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("src", (Emitter<Integer> out) -> {
      if (failOnce.getAndSet(false)) {
        throw new IllegalStateException("first run only");
      }
      out.emit(1);
    });
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> sink.add(x));
    graph.addEdge("src", "sink");
    AsyncExecutor executor = executor(graph);

    assertThat(executor.execute().halted()).isTrue();
    ExecutionResult second = executor.execute();

    assertThat(second.halted()).isFalse();
    assertThat(sink).containsExactly(1);
    assertThat(second.exceptions().get("src")).isEmpty();
  }

  @Test
  void statisticsAndExceptionsStayReadableAfterAHalt() throws Exception {
    AsyncGraph graph = new AsyncGraph(true);
    IllegalStateException boom = new IllegalStateException("boom");
    graph.addNode("src", (Emitter<Integer> out) -> {
      out.emit(1);
      out.emit(2);
    });
    graph.addNode("fails", (Integer x, Emitter<Void> out) -> {
      throw boom;
    });
    graph.addEdge("src", "fails");
    AsyncExecutor executor = executor(graph);

    ExecutionResult result = executor.execute();

    assertThat(executor.dataFlowStats()).isEqualTo(result.stats());
    assertThat(executor.exceptions().get("fails")).containsExactly(boom);
    assertThat(result.exceptions().get("fails")).containsExactly(boom);
  }

  @Test
  void aFailingStartNodeHaltsBeforeDownstreamRuns() throws Exception {
    AtomicInteger downstream = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("start", (Emitter<Integer> out) -> {
      throw new IllegalStateException("cannot start");
    });
    graph.addNode("next", (Integer x, Emitter<Void> out) -> downstream.incrementAndGet());
    graph.addEdge("start", "next");

    ExecutionResult result = executor(graph).execute();

    assertThat(result.haltedBy()).isEqualTo("start");
    assertThat(downstream).hasValue(0);
    assertThat(List.copyOf(result.exceptions().get("start")))
        .singleElement().extracting(Throwable::getMessage).isEqualTo("cannot start");
  }

  /**
   * A worker that ignores interrupts cannot be stopped; {@code execute} waits for it only
   * {@code haltTimeout}, then returns and names the stuck node in a WARN line.
   */
  @Test
  void aWorkerIgnoringInterruptsIsWaitedForOnlyTheHaltTimeout() throws Exception {
    CountDownLatch stubbornEntered = new CountDownLatch(1);
    AtomicBoolean letGo = new AtomicBoolean();
    AtomicBoolean stubbornEnded = new AtomicBoolean();
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("stubborn", (Emitter<Void> out) -> {
      stubbornEntered.countDown();
      while (!letGo.get()) {
        Thread.onSpinWait(); // deaf to interrupts
      }
      stubbornEnded.set(true);
    });
    graph.addNode("trigger", (Emitter<Void> out) -> {
      stubbornEntered.await();
      throw new IllegalStateException("halt");
    });
    AsyncExecutor executor = AsyncExecutor.builder(graph).logger(logger)
        .haltTimeout(Duration.ofMillis(100)).build();

    ExecutionResult result = executor.execute();
    letGo.set(true);

    assertThat(result.haltedBy()).isEqualTo("trigger");
    assertThat(logger.messages(Level.WARN)).singleElement()
        .satisfies(m -> assertThat(m).contains("stubborn"));
    await().untilTrue(stubbornEnded);
  }
}
