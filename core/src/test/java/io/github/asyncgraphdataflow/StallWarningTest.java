package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.event.Level;

/**
 * Stall warnings ({@link AsyncExecutor.Builder#stallWarning}): one WARN naming a node that holds
 * queued input but takes no item, with its queue depth and its workers' stacks; none while
 * nothing changes; none for a slow graph that keeps moving.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StallWarningTest {
  private static final Duration INTERVAL = Duration.ofMillis(200);
  private static final int ITEMS = 1_000; // more than a worker takes at once: some stay queued

  private final RecordingLogger logger = new RecordingLogger("stalls");

  private Thread executeInBackground(AsyncExecutor executor, AtomicReference<Throwable> failure) {
    return Thread.ofPlatform().start(() -> {
      try {
        executor.execute();
      } catch (Throwable t) {
        failure.set(t);
      }
    });
  }

  private static AsyncGraph blockedGraph(CountDownLatch first, CountDownLatch second) {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < ITEMS; i++) {
        out.emit(i);
      }
    });
    graph.addNode("blocked", (Integer x, Emitter<Integer> out) -> {
      if (x == 0) {
        first.await();
      } else if (x == 1) {
        second.await();
      }
      out.emit(x);
    });
    graph.addNode("sink", Nodes.sink((Integer x) -> { }));
    graph.addEdge("src", "blocked");
    graph.addEdge("blocked", "sink");
    return graph;
  }

  @Test
  void aNodeBlockedOnALatchIsNamedOnceWithItsQueueAndTheLatchWait() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AsyncExecutor executor = AsyncExecutor.builder(blockedGraph(release, new CountDownLatch(0)))
        .logger(logger).stallWarning(INTERVAL).build();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread run = executeInBackground(executor, failure);

    await().until(() -> logger.at(Level.WARN).size() == 1);
    NodeStats blocked = executor.dataFlowStats().get("blocked");
    // many more checks (every 50 ms) while nothing changes: still one line
    await().during(INTERVAL.multipliedBy(4)).atMost(Duration.ofSeconds(5))
        .until(() -> logger.at(Level.WARN).size() == 1);
    release.countDown();
    run.join();

    assertThat(failure.get()).isNull();
    assertThat(logger.messages(Level.WARN)).singleElement().satisfies(m -> assertThat(m)
        .contains("200 ms")
        .contains("node 'blocked': queued " + blocked.queued() + ", active 1 of 1 worker(s)")
        .contains("agdf-blocked-0:")
        .contains("at java.util.concurrent.CountDownLatch.await(")
        .contains("StallWarningTest")
        .doesNotContain("'src'", "'sink'"));
    assertThat(blocked.queued()).isPositive();
    assertThat(logger.at(Level.ERROR)).isEmpty();
  }

  @Test
  void aStallAfterProgressResumedIsLoggedAgain() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(1);
    AsyncExecutor executor = AsyncExecutor.builder(blockedGraph(first, second))
        .logger(logger).stallWarning(INTERVAL).build();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread run = executeInBackground(executor, failure);

    await().until(() -> logger.at(Level.WARN).size() == 1);
    first.countDown();
    await().until(() -> logger.at(Level.WARN).size() == 2);
    second.countDown();
    run.join();

    assertThat(failure.get()).isNull();
    List<RecordingLogger.Event> events = logger.events().stream()
        .filter(e -> e.level() == Level.WARN || e.level() == Level.INFO).toList();
    assertThat(events).extracting(RecordingLogger.Event::level)
        .startsWith(Level.WARN, Level.INFO, Level.WARN);
    assertThat(events.get(1).message())
        .isEqualTo("Progress resumed after a stall of node(s) [blocked]");
    assertThat(logger.messages(Level.WARN)).hasSize(2)
        .allSatisfy(m -> assertThat(m).contains("node 'blocked'"));
  }

  @Test
  void aWholeGraphWaitingInASourceIsNamedWithTheSourcesStack() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("waiting", (Emitter<Integer> out) -> {
      out.emit(1);
      release.await();
    });
    graph.addNode("sink", Nodes.sink((Integer x) -> { }));
    graph.addEdge("waiting", "sink");
    AsyncExecutor executor = AsyncExecutor.builder(graph)
        .logger(logger).stallWarning(INTERVAL).build();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread run = executeInBackground(executor, failure);

    await().until(() -> logger.at(Level.WARN).size() == 1);
    release.countDown();
    run.join();

    assertThat(failure.get()).isNull();
    assertThat(logger.messages(Level.WARN)).singleElement().satisfies(m -> assertThat(m)
        .startsWith("The graph made no progress for 200 ms")
        .contains("node 'waiting': queued 0, active 1 of 1 worker(s)")
        .contains("at java.util.concurrent.CountDownLatch.await(")
        .doesNotContain("'sink'"));
  }

  @Test
  void aSlowGraphThatKeepsMovingIsNotReported() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 20; i++) {
        out.emit(i);
      }
    });
    // a long call that keeps emitting, while items wait in its queue: progress
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      if (x == 0) {
        for (int i = 0; i < 20; i++) {
          Thread.sleep(40); // simulated I/O
          out.emit(i);
        }
      }
      out.emit(x);
    }, NodeOptions.builder().name("burst").queueSize(1).build());
    // slow calls, each much shorter than the interval
    graph.addNode((Integer x, Emitter<Void> out) -> Thread.sleep(20),
        NodeOptions.builder().name("slow").maxTasks(2).build());
    graph.addEdge("src", "burst");
    graph.addEdge("burst", "slow");
    AsyncExecutor executor = AsyncExecutor.builder(graph)
        .logger(logger).stallWarning(Duration.ofSeconds(1)).build();

    ExecutionResult result = executor.execute();

    assertThat(result.stats().get("slow").in()).isEqualTo(40);
    assertThat(logger.at(Level.WARN)).isEmpty();
    assertThat(logger.events()).isEmpty();
  }

  @Test
  void stallWarningsCanBeTurnedOffAndBadIntervalsAreRefused() {
    AsyncExecutor.Builder builder = AsyncExecutor.builder(new AsyncGraph());

    assertThat(builder.stallWarning(Duration.ZERO)).isSameAs(builder);
    assertThatThrownBy(() -> builder.stallWarning(null))
        .isInstanceOf(NullPointerException.class).hasMessage("stallWarning");
    assertThatThrownBy(() -> builder.stallWarning(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stallWarning must be zero (off) or at least 1 ms, was PT-0.001S");
    assertThatThrownBy(() -> builder.stallWarning(Duration.ofNanos(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stallWarning must be zero (off) or at least 1 ms, was PT0.00000001S");
  }
}
