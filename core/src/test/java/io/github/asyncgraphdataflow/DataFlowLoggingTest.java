package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.event.Level;

/**
 * Data-flow logging: off by default; when on, one INFO line per node (or per filtered node)
 * every interval on a clock, also while every worker is blocked, and once more at the end.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DataFlowLoggingTest {

  private final RecordingLogger executorLogger = new RecordingLogger("executor");

  private static AsyncGraph threeItems() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 3; i++) {
        out.emit(i);
      }
    });
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> { });
    graph.addEdge("src", "sink");
    return graph;
  }

  private AsyncExecutor executor(AsyncGraph graph) {
    return AsyncExecutor.builder(graph).logger(executorLogger).build();
  }

  @Test
  void loggingIsOffByDefault() throws Exception {
    AsyncExecutor executor = executor(threeItems());

    executor.execute();

    assertThat(executor.dataFlowLogging()).isNull();
    assertThat(executorLogger.events()).isEmpty();
  }

  @Test
  void onWithTheDefaultsLogsEveryNodeOnceAtTheEndInTheOriginalsFormat() throws Exception {
    AsyncExecutor executor = executor(threeItems());
    executor.turnOnDataFlowLogging();

    executor.execute();

    assertThat(executor.dataFlowLogging()).isEqualTo(DataFlowLogging.defaults());
    assertThat(DataFlowLogging.defaults().timeInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(executorLogger.messages(Level.INFO)).containsExactly(
        " src - in=0, out=3, err=0",
        " sink - in=3, out=0, err=0");
  }

  @Test
  void theFilterFormatAndLoggerAreHonoured() throws Exception {
    RecordingLogger own = new RecordingLogger("own");
    AsyncExecutor executor = executor(threeItems());
    executor.turnOnDataFlowLogging(DataFlowLogging.builder()
        .nodeFilter(Set.of("sink"))
        .nodeFormat("{node}: {in} in, {out} out, {err} failed, {discarded} dropped")
        .logger(own)
        .build());

    executor.execute();

    assertThat(own.messages(Level.INFO))
        .containsExactly("sink: 3 in, 0 out, 0 failed, 0 dropped");
    assertThat(executorLogger.events()).isEmpty();
  }

  @Test
  void turningLoggingOffStopsIt() throws Exception {
    AsyncExecutor executor = executor(threeItems());
    executor.turnOnDataFlowLogging();
    executor.turnOffDataFlowLogging();

    executor.execute();

    assertThat(executor.dataFlowLogging()).isNull();
    assertThat(executorLogger.events()).isEmpty();
  }

  /**
   * The original logged only when a worker picked up an item, so a graph whose nodes are all
   * blocked logged nothing. Here a source blocks in its one call after five items, and lines
   * keep coming on the 50 ms clock until it is released; then one more at the end.
   */
  @Test
  void linesAreLoggedOnAClockWhileEveryNodeIsBlocked() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 5; i++) {
        out.emit(i);
      }
      release.await();
    });
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> { });
    graph.addEdge("src", "sink");
    RecordingLogger flow = new RecordingLogger("flow");
    AsyncExecutor executor = executor(graph);
    executor.turnOnDataFlowLogging(DataFlowLogging.builder()
        .nodeFilter(Set.of("src"))
        .timeInterval(Duration.ofMillis(50))
        .logger(flow)
        .build());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        executor.execute();
      } catch (Throwable t) {
        failure.set(t);
      }
    });

    await().until(() -> flow.messages(Level.INFO).stream()
        .filter(m -> m.equals(" src - in=0, out=5, err=0")).count() >= 2);
    List<RecordingLogger.Event> periodic = flow.at(Level.INFO);
    release.countDown();
    runner.join();

    assertThat(failure.get()).isNull();
    assertThat(periodic).allSatisfy(e -> {
      assertThat(e.message()).startsWith(" src - ");
      assertThat(e.thread()).as("logged by the clock, not by a worker").doesNotStartWith("agdf-src");
    });
    List<String> all = flow.messages(Level.INFO);
    assertThat(all).hasSizeGreaterThan(periodic.size());
    assertThat(all.get(all.size() - 1)).isEqualTo(" src - in=0, out=5, err=0");
  }

  @Test
  void aHaltedExecutionStillLogsItsFinalLines() throws Exception {
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("fails", (Emitter<Void> out) -> {
      throw new IllegalStateException("boom");
    });
    AsyncExecutor executor = executor(graph);
    executor.turnOnDataFlowLogging();

    executor.execute();

    assertThat(executorLogger.messages(Level.INFO)).containsExactly(" fails - in=0, out=0, err=1");
    assertThat(executorLogger.messages(Level.ERROR))
        .contains("Graph execution halted due to an exception in node 'fails'");
  }

  @Test
  void badSettingsAreRefusedWithAMessageNamingTheProblem() {
    AsyncExecutor executor = executor(threeItems());

    assertThatThrownBy(() -> DataFlowLogging.builder().nodeFormat("{node} {bogus}").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{bogus}");
    assertThatThrownBy(() -> DataFlowLogging.builder().timeInterval(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeInterval");
    assertThatThrownBy(() -> DataFlowLogging.builder().timeInterval(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeInterval");
    assertThatThrownBy(() -> executor.turnOnDataFlowLogging(
        DataFlowLogging.builder().nodeFilter(Set.of("nope")).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
    assertThatThrownBy(() -> executor.turnOnDataFlowLogging(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("options");
    assertThat(executor.dataFlowLogging()).isNull();
  }
}
