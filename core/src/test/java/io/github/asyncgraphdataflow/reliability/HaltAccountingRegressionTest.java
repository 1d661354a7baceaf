package io.github.asyncgraphdataflow.reliability;

import io.github.asyncgraphdataflow.TestStats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeFunction;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Deterministic reproductions of the accounting defects {@link RandomGraphPropertiesTest}
 * found in halting runs, named after them.
 */
class HaltAccountingRegressionTest {
  private static final Duration GUARD = Duration.ofSeconds(60);

  /**
   * A node fanning out to {@code stuck} (full queue) and {@code sink}: the halt comes while it
   * waits for room in {@code stuck}'s queue. The item it was emitting counts in its
   * {@code out}, so it must count in the {@code in} of both destinations (and as discarded
   * where it was not handed over), not just the first.
   */
  @Test
  void haltDuringAFanOutHandOverCountsTheItemAtEveryDestination() throws Exception {
    CountDownLatch failNow = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("source", (Emitter<Integer> out) -> {
      for (int i = 0; ; i++) {
        out.emit(i);
      }
    });
    NodeFunction<Integer, Void> stuck = (x, out) -> new CountDownLatch(1).await();
    graph.addNode(stuck, NodeOptions.builder().name("stuck").queueSize(1).build());
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> { });
    graph.addEdge("source", "stuck");   // the first destination: its hand-over blocks
    graph.addEdge("source", "sink");
    graph.addNode("failer", (Emitter<Void> out) -> {
      failNow.await();
      throw new IllegalStateException("halt now");
    });
    AsyncExecutor executor = AsyncExecutor.builder(graph).logger(new RecordingLogger()).build();

    CompletableFuture<ExecutionResult> run = CompletableFuture.supplyAsync(() -> {
      try {
        return executor.execute();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    // stuck's worker holds item 0, its queue holds item 1, source waits to hand over item 2
    await().atMost(GUARD).until(() -> executor.dataFlowStats() != null
        && executor.dataFlowStats().get("stuck").in() == 3);
    failNow.countDown();
    ExecutionResult result = assertTimeoutPreemptively(GUARD, () -> run.get());

    NodeStats source = result.stats().get("source");
    assertThat(source.out()).isEqualTo(3);
    assertThat(result.stats().get("stuck").in()).isEqualTo(3);
    assertThat(result.stats().get("sink").in()).as("sink in == source out").isEqualTo(3);
  }

  /**
   * A worker takes ten queued items in one batch; its first call halts the graph (it emits a
   * throwable) and then tries to emit again, which ends the call with the halt. The nine items
   * it took but never processed must be counted as discarded.
   */
  @Test
  void callEndedByTheHaltCountsTheRestOfItsBatchAsDiscarded() throws Exception {
    CountDownLatch firstCallRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("source", (Emitter<Integer> out) -> {
      out.emit(0);
      firstCallRunning.await();
      for (int i = 1; i <= 10; i++) {
        out.emit(i);   // queued while the worker is busy with item 0
      }
      release.countDown();
    });
    graph.addNode("worker", (Integer x, Emitter<Object> out) -> {
      calls.incrementAndGet();
      if (x == 0) {
        firstCallRunning.countDown();
        release.await();
        return;
      }
      out.emit(new IllegalStateException("halt on " + x));  // counted as an error: halts
      out.emit("after the halt");                            // throws GraphHaltedException
    });
    graph.addNode("sink", (Object s, Emitter<Void> out) -> { });
    graph.addEdge("source", "worker");
    graph.addEdge("worker", "sink");

    ExecutionResult result = assertTimeoutPreemptively(GUARD, () ->
        AsyncExecutor.builder(graph).logger(new RecordingLogger()).build().execute());

    assertThat(result.haltedBy()).isEqualTo("worker");
    assertThat(calls.get()).isEqualTo(2);
    assertThat(result.stats().get("worker")).isEqualTo(TestStats.done(11, 0, 1, 9));
  }
}
