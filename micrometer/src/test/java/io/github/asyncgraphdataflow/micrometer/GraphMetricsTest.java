package io.github.asyncgraphdataflow.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/** The meters agree with the executor's own statistics, after a run and during one. */
class GraphMetricsTest {

  private static AsyncGraph failingGraph(boolean halt) {
    AsyncGraph graph = new AsyncGraph(halt);
    graph.addNode("numbers", (Emitter<Object> out) -> {
      for (int i = 0; i < 100; i++) {
        out.emit(i);
      }
      out.emit(new IllegalStateException("emitted, not thrown"));
    });
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      if (x % 10 == 3) {
        throw new IllegalArgumentException("bad " + x);
      }
      out.emit(x);
    }, NodeOptions.builder().name("check").maxTasks(4).queueSize(16).build());
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> { });
    graph.addEdge("numbers", "check");
    graph.addEdge("check", "sink");
    return graph;
  }

  private static double count(MeterRegistry registry, String name, String node) {
    return registry.find(name).tag("node", node).functionCounters().stream()
        .mapToDouble(FunctionCounter::count).sum()
        + registry.find(name).tag("node", node).counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }

  private static double gauge(MeterRegistry registry, String name, String node) {
    return registry.get(name).tag("node", node).gauge().value();
  }

  /** The meters read a snapshot up to 100 ms old: wait for one taken after the run. */
  private static void assertCountersMatch(MeterRegistry registry, ExecutionResult result) {
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> countersMatch(registry, result));
  }

  private static void countersMatch(MeterRegistry registry, ExecutionResult result) {
    result.stats().forEach((node, s) -> {
      assertThat(count(registry, MeterNames.ITEMS_IN, node)).as(node + " in").isEqualTo(s.in());
      assertThat(count(registry, MeterNames.ITEMS_OUT, node)).as(node + " out").isEqualTo(s.out());
      assertThat(count(registry, MeterNames.ERRORS, node)).as(node + " err").isEqualTo(s.err());
      assertThat(count(registry, MeterNames.ITEMS_DISCARDED, node)).as(node + " discarded")
          .isEqualTo(s.discarded());
      assertThat(count(registry, MeterNames.RETRIES, node)).isEqualTo(s.retries());
    });
  }

  @Test
  void afterARunEveryCounterEqualsTheStatisticsAndErrorsAreTaggedByException()
      throws InterruptedException {
    AsyncGraph graph = failingGraph(false);
    // @start region="monitor"
    MeterRegistry registry = new SimpleMeterRegistry();
    AsyncExecutor executor = GraphMetrics.monitor(registry,
        AsyncExecutor.builder(graph).logger(NOPLogger.NOP_LOGGER), "orders", Tag.of("env", "test"));
    ExecutionResult result = executor.execute();
    // @end
    assertCountersMatch(registry, result);
    NodeStats check = result.stats().get("check");
    assertThat(check.err()).isEqualTo(10);
    assertThat(registry.get(MeterNames.ERRORS).tags("node", "check", "exception",
        "IllegalArgumentException").counter().count()).isEqualTo(10);
    assertThat(registry.get(MeterNames.ERRORS).tags("node", "numbers", "exception",
        "IllegalStateException").counter().count()).isEqualTo(1);
    Timer ok = registry.get(MeterNames.CALLS).tags("node", "check", "outcome", "success").timer();
    Timer failed = registry.get(MeterNames.CALLS).tags("node", "check", "outcome", "failure")
        .timer();
    assertThat(ok.count() + failed.count()).isEqualTo(check.calls()).isEqualTo(100);
    assertThat(failed.count()).isEqualTo(10);
    assertThat(registry.get(MeterNames.CALLS).tags("node", "numbers", "outcome", "success")
        .timer().count()).as("the start call").isEqualTo(1);
    assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("graph"))
        .isEqualTo("orders"))
        .allSatisfy(m -> assertThat(m.getId().getTag("env")).isEqualTo("test"));
  }

  @Test
  void aHaltedRunCountsItsDiscardedItems() throws InterruptedException {
    MeterRegistry registry = new SimpleMeterRegistry();
    AsyncExecutor executor = GraphMetrics.monitor(registry,
        AsyncExecutor.builder(failingGraph(true)).logger(NOPLogger.NOP_LOGGER), "halting");

    ExecutionResult result = executor.execute();

    assertThat(result.halted()).isTrue();
    assertCountersMatch(registry, result);
  }

  @Test
  void theBinderAloneCountsErrorsWithoutTheExceptionTagAndHasNoTimer()
      throws InterruptedException {
    AsyncExecutor executor = AsyncExecutor.builder(failingGraph(false))
        .logger(NOPLogger.NOP_LOGGER).build();
    // @start region="binder"
    MeterRegistry registry = new SimpleMeterRegistry();
    new GraphMetrics(executor, "orders").bindTo(registry);
    // @end
    assertThat(count(registry, MeterNames.ITEMS_IN, "check")).as("before the first run").isZero();

    ExecutionResult result = executor.execute();

    assertCountersMatch(registry, result);
    assertThat(registry.get(MeterNames.ERRORS).tag("node", "check").meter().getId().getTag(
        "exception")).isNull();
    assertThat(registry.find(MeterNames.CALLS).meters()).isEmpty();
  }

  @Test
  void duringABlockedRunTheGaugesShowQueueWorkersAndRemainingCapacity() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("source", (Emitter<Integer> out) -> {
      for (int i = 0; i < 5; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      release.await();
      out.emit(x);
    }, NodeOptions.builder().name("slow").maxTasks(2).queueSize(10).build());
    graph.addEdge("source", "slow");
    AsyncExecutor executor = AsyncExecutor.builder(graph).logger(NOPLogger.NOP_LOGGER).build();
    MeterRegistry registry = new SimpleMeterRegistry();
    new GraphMetrics(executor, "blocked", List.of()).bindTo(registry);
    assertThat(gauge(registry, MeterNames.QUEUE_REMAINING, "slow")).isEqualTo(10);

    CompletableFuture<ExecutionResult> run = CompletableFuture.supplyAsync(() -> {
      try {
        return executor.execute();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(gauge(registry, MeterNames.ACTIVE, "slow")).isEqualTo(2);
        assertThat(gauge(registry, MeterNames.QUEUED, "slow")).isEqualTo(3);
      });
      NodeStats live = executor.dataFlowStats().get("slow");
      assertThat(live.active()).isEqualTo(2);
      assertThat(live.queued()).isEqualTo(3);
      assertThat(gauge(registry, MeterNames.QUEUE_REMAINING, "slow")).isEqualTo(7);
      assertThat(gauge(registry, MeterNames.WORKERS_MAX, "slow")).isEqualTo(2);
      assertThat(registry.get(MeterNames.GRAPH_RUNNING).gauge().value()).isEqualTo(1);
      assertThat(count(registry, MeterNames.ITEMS_IN, "slow")).isEqualTo(5);
    } finally {
      release.countDown();
    }
    ExecutionResult result = run.get(30, TimeUnit.SECONDS);
    assertCountersMatch(registry, result);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(gauge(registry, MeterNames.ACTIVE, "slow")).isZero();
      assertThat(registry.get(MeterNames.GRAPH_RUNNING).gauge().value()).isZero();
    });
  }

  @Test
  void aCustomQueueHasNoRemainingCapacityGauge() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", (Emitter<Integer> out) -> out.emit(1));
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x), NodeOptions.builder().name("b")
        .queue(() -> new io.github.asyncgraphdataflow.queue.FifoQueue<Integer>(5)).build());
    graph.addEdge("a", "b");
    MeterRegistry registry = new SimpleMeterRegistry();
    new GraphMetrics(new AsyncExecutor(graph), "custom").bindTo(registry);

    assertThat(registry.find(MeterNames.QUEUE_REMAINING).meters()).extracting(Meter::getId)
        .extracting(id -> id.getTag("node")).containsExactly("a");
  }

  @Test
  void badArgumentsAreRefusedByName() {
    AsyncExecutor executor = new AsyncExecutor(failingGraph(false));
    org.assertj.core.api.Assertions.assertThatNullPointerException()
        .isThrownBy(() -> new GraphMetrics(null, "g")).withMessage("executor");
    org.assertj.core.api.Assertions.assertThatNullPointerException()
        .isThrownBy(() -> new GraphMetrics(executor, null)).withMessage("graphName");
    org.assertj.core.api.Assertions.assertThatNullPointerException()
        .isThrownBy(() -> GraphMetrics.monitor(null, AsyncExecutor.builder(new AsyncGraph()), "g"))
        .withMessage("registry");
  }
}
