package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;

/**
 * Failures: counted as {@code err}, kept per node oldest first (at most {@code maxExceptions},
 * the most recent), logged at ERROR with the node's name and the stack trace; an emitted
 * throwable counts as an error of its node and is not passed on.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExceptionsTest {

  private final RecordingLogger logger = new RecordingLogger("exceptions");

  /** The original's exceptions example. */
  @Test
  void exceptionsAreKeptPerNodeOldestFirst() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("node1", (Emitter<String> out) -> {
      out.emit("hello");
      out.emit("world");
    });
    graph.addNode("node2", (String s, Emitter<Void> out) -> {
      throw new IllegalArgumentException("bad data: " + s);
    });
    graph.addEdge("node1", "node2");
    AsyncExecutor executor = AsyncExecutor.builder(graph).logger(logger).build();
    assertThat(executor.exceptions()).containsOnlyKeys("node1", "node2").allSatisfy((k, v) -> assertThat(v).isEmpty());

    ExecutionResult result = executor.execute();

    assertThat(executor.exceptions().get("node1")).isEmpty();
    assertThat(executor.exceptions().get("node2"))
        .allSatisfy(e -> assertThat(e).isExactlyInstanceOf(IllegalArgumentException.class))
        .extracting(Throwable::getMessage)
        .containsExactly("bad data: hello", "bad data: world");
    assertThat(result.exceptions()).isEqualTo(executor.exceptions());
    assertThat(executor.dataFlowStats().get("node1")).isEqualTo(TestStats.done(0, 2, 0, 0));
    assertThat(executor.dataFlowStats().get("node2")).isEqualTo(TestStats.done(2, 0, 2, 0));
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void onlyTheMostRecentMaxExceptionsAreKeptButEveryFailureIsCounted(int maxTasks,
      int queueSize) throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      for (int i = 0; i < 10; i++) {
        out.emit(i);
      }
    }, Matrix.opts("src", 1, queueSize));
    graph.addNode((Integer x, Emitter<Void> out) -> {
      throw new IllegalStateException("failure " + x);
    }, Matrix.opts("fails", maxTasks, queueSize));
    graph.addEdge("src", "fails");

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).maxExceptions(3).build()
        .execute();

    assertThat(result.stats().get("fails").err()).isEqualTo(10);
    List<String> kept = result.exceptions().get("fails").stream()
        .map(Throwable::getMessage).toList();
    assertThat(kept).hasSize(3);
    if (maxTasks == 1) {
      assertThat(kept).containsExactly("failure 7", "failure 8", "failure 9");
    }
    assertThat(logger.at(Level.ERROR)).hasSize(10);
  }

  @Test
  void theDefaultKeepsOneThousandExceptionsPerNode() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 1_005; i++) {
        out.emit(i);
      }
    });
    graph.addNode("fails", (Integer x, Emitter<Void> out) -> {
      throw new IllegalStateException(Integer.toString(x));
    });
    graph.addEdge("src", "fails");

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    List<Throwable> kept = result.exceptions().get("fails");
    assertThat(kept).hasSize(1_000);
    assertThat(kept.get(0)).hasMessage("5");
    assertThat(kept.get(999)).hasMessage("1004");
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void anEmittedThrowableCountsAsAnErrorAndIsNotPassedOn(int maxTasks, int queueSize)
      throws Exception {
    ConcurrentLinkedQueue<Object> sink = new ConcurrentLinkedQueue<>();
    IOException emitted = new IOException("yielded, not raised");
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      out.emit("before");
      out.emit(emitted);
      out.emit("after"); // the node goes on running
    }, Matrix.opts("src", maxTasks, queueSize));
    graph.addNode((Object x, Emitter<Void> out) -> sink.add(x),
        Matrix.opts("sink", maxTasks, queueSize));
    graph.addEdge("src", "sink");

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(sink).containsExactlyInAnyOrder("before", "after");
    assertThat(result.stats().get("src")).isEqualTo(TestStats.done(0, 2, 1, 0));
    assertThat(result.exceptions().get("src")).containsExactly(emitted);
    assertThat(result.halted()).isFalse();
  }

  @Test
  void eachFailureIsLoggedAtErrorWithTheNodeNameAndTheStackTrace() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom");
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> out.emit(1));
    graph.addNode("explodes", (Integer x, Emitter<Void> out) -> {
      throw boom;
    });
    graph.addEdge("src", "explodes");

    AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(logger.at(Level.ERROR)).singleElement().satisfies(e -> {
      assertThat(e.message()).contains("'explodes'");
      assertThat(e.throwable()).isSameAs(boom);
      assertThat(e.throwable().getStackTrace()).isNotEmpty();
    });
  }

  @Test
  void checkedExceptionsAndStartNodeFailuresAreRecordedToo() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("start", (Emitter<Void> out) -> {
      throw new IOException("disk gone");
    });

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(result.exceptions().get("start")).singleElement()
        .satisfies(e -> assertThat(e).isInstanceOf(IOException.class).hasMessage("disk gone"));
    assertThat(result.stats().get("start").err()).isEqualTo(1);
  }

  @Test
  void eachExecutionStartsWithNoExceptions() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("fails", (Emitter<Void> out) -> {
      throw new IllegalStateException("again");
    });
    AsyncExecutor executor = AsyncExecutor.builder(graph).logger(logger).build();

    executor.execute();
    executor.execute();

    assertThat(executor.exceptions().get("fails")).hasSize(1);
  }

  @Test
  void exceptionsAreReadableFromAnotherThreadDuringARun() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 5; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Void> out) -> {
      if (x < 3) {
        throw new IllegalStateException("early " + x);
      }
      release.await();
    }, NodeOptions.builder().name("node").queueSize(1).build());
    graph.addEdge("src", "node");
    AsyncExecutor executor = AsyncExecutor.builder(graph).logger(logger).build();
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        executor.execute();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    await().until(() -> executor.exceptions() != null
        && executor.exceptions().get("node").size() == 3);
    List<String> during = executor.exceptions().get("node").stream()
        .map(Throwable::getMessage).toList();
    release.countDown();
    runner.join();

    assertThat(during).containsExactly("early 0", "early 1", "early 2");
    assertThat(executor.dataFlowStats().get("node").err()).isEqualTo(3);
  }

  @Test
  void errorCountSumsEveryNode() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 4; i++) {
        out.emit(i);
      }
      throw new IllegalStateException("src too");
    });
    graph.addNode("odd", (Integer x, Emitter<Void> out) -> {
      if (x % 2 == 1) {
        throw new IllegalStateException("odd " + x);
      }
    });
    graph.addEdge("src", "odd");

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(result.errorCount()).isEqualTo(3);
  }
}
