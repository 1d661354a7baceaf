package io.github.asyncgraphdataflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node of sleeping (I/O-like) calls, with parallelism 2 and maxTasks 50, against parallelism
 * 1 and maxTasks 1. Prints the speed-up; asserts only the counts (no timing assertion).
 */
class SpeedUpTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.extension();

  static final int ITEMS = 200;
  static final long SLEEP_MILLIS = 20;

  /** Per run: the first call's start and the last call's end, in nanoseconds. */
  static final Map<String, long[]> SPANS = new ConcurrentHashMap<>();

  static AsyncGraph sleepy(String run, int maxTasks) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("ids", (Emitter<Integer> out) -> FlinkBehaviourTest.numbers(ITEMS, out));
    g.addNode((Integer id, Emitter<Integer> out) -> {
      long began = System.nanoTime();
      Thread.sleep(SLEEP_MILLIS); // a remote call
      long ended = System.nanoTime();
      SPANS.merge(run, new long[] {began, ended},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      out.emit(id);
    }, NodeOptions.builder().name("fetch").maxTasks(maxTasks).build());
    g.addEdge("ids", "fetch");
    return g;
  }

  @Test
  void parallelismAndMaxTasksMultiplyTheConcurrencyOfSleepingCalls() throws Exception {
    ExecutionResult serial = FlinkExecutor.builder(() -> sleepy("serial", 1))
        .environment(TestCluster.env(1)).build().execute();
    ExecutionResult wide = FlinkExecutor.builder(() -> sleepy("wide", 50))
        .environment(TestCluster.env(1)).parallelism("fetch", 2).build().execute();
    NodeStats expected = new NodeStats(ITEMS, ITEMS, 0, 0, ITEMS, 0, 0, 0);
    assertThat(serial.stats().get("fetch")).isEqualTo(expected);
    assertThat(wide.stats().get("fetch")).isEqualTo(expected);
    long serialMillis = span("serial");
    long wideMillis = span("wide");
    System.out.printf("Flink speed-up of %d calls sleeping %d ms (first call to last, start-up "
        + "excluded): parallelism 1 x maxTasks 1 %d ms, parallelism 2 x maxTasks 50 %d ms: "
        + "x%.1f (job net run times %d ms and %d ms)%n", ITEMS, SLEEP_MILLIS, serialMillis,
        wideMillis, (double) serialMillis / Math.max(1, wideMillis),
        serial.elapsed().toMillis(), wide.elapsed().toMillis());
  }

  private static long span(String run) {
    long[] s = SPANS.get(run);
    return (s[1] - s[0]) / 1_000_000;
  }
}
