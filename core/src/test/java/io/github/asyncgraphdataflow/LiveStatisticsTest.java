package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.asyncgraphdataflow.queue.BatchingQueue;
import io.github.asyncgraphdataflow.queue.FifoQueue;
import io.github.asyncgraphdataflow.queue.NodeQueue;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live gauges of {@link NodeStats}, read with {@code dataFlowStats()} from the test thread
 * while a node is held on a latch: {@code active} counts the workers inside a call,
 * {@code queued} the items waiting; both are 0 once {@code execute} returned.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LiveStatisticsTest {
  private static final int ITEMS = 2_000;

  /** Runs {@code execute} on its own thread; {@link #join} rethrows what it threw. */
  private static final class Run {
    final AsyncExecutor executor;
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final Thread thread;

    Run(AsyncExecutor executor) {
      this.executor = executor;
      this.thread = Thread.ofPlatform().start(() -> {
        try {
          executor.execute();
        } catch (Throwable t) {
          failure.set(t);
        }
      });
    }

    NodeStats stats(String node) {
      return executor.dataFlowStats().get(node);
    }

    void join() throws InterruptedException {
      thread.join();
      assertThat(failure.get()).isNull();
    }
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void aNodeBlockedOnALatchShowsEveryWorkerActiveAndItsQueueFilled(int maxTasks, int queueSize)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < ITEMS; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      release.await();
      out.emit(x);
    }, Matrix.opts("blocked", maxTasks, queueSize));
    graph.addNode("sink", Nodes.sink((Integer x) -> { }));
    graph.addEdge("src", "blocked");
    graph.addEdge("blocked", "sink");
    Run run = new Run(new AsyncExecutor(graph));

    await().until(() -> run.stats("blocked").active() == maxTasks
        && run.stats("blocked").queued() > 0);
    NodeStats during = run.stats("blocked");
    release.countDown();
    run.join();

    assertThat(during.active()).isEqualTo(maxTasks);
    assertThat(during.queued()).isPositive().isLessThanOrEqualTo(ITEMS);
    assertThat(during.calls()).as("every worker took one item").isEqualTo(maxTasks);
    assertThat(run.executor.dataFlowStats()).containsExactly(
        java.util.Map.entry("src", TestStats.done(0, ITEMS, 0, 0)),
        java.util.Map.entry("blocked", TestStats.done(ITEMS, ITEMS, 0, 0)),
        java.util.Map.entry("sink", TestStats.done(ITEMS, 0, 0, 0)));
  }

  @Test
  void aSourceInsideItsLongCallIsActive() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> release.await());
    Run run = new Run(new AsyncExecutor(graph));

    await().until(() -> run.stats("src").active() == 1);
    NodeStats during = run.stats("src");
    release.countDown();
    run.join();

    assertThat(during).as("the start call is not an item: no calls, nothing queued")
        .isEqualTo(new NodeStats(0, 0, 0, 0, 0, 0, 0, 1));
    assertThat(run.stats("src")).isEqualTo(NodeStats.ZERO);
  }

  @Test
  void aBatchingQueueReportsTheItemsItHolds() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch emitted = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 7; i++) {
        out.emit(i);
      }
      emitted.countDown();
      release.await(); // still running: the last partial batch stays in the queue
    });
    graph.addNode(Nodes.sink((List<Integer> batch) -> release.await()), NodeOptions.builder()
        .name("batches").queue(() -> new BatchingQueue<Integer>(3)).build());
    graph.addEdge("src", "batches");
    Run run = new Run(new AsyncExecutor(graph));

    emitted.await();
    await().until(() -> run.stats("batches").active() == 1);
    NodeStats during = run.stats("batches");
    release.countDown();
    run.join();

    assertThat(during.in()).isEqualTo(7);
    assertThat(during.calls()).as("one batch of 3 taken").isEqualTo(1);
    assertThat(during.queued()).as("a full batch of 3 and a partial one of 1").isEqualTo(4);
    assertThat(run.stats("batches")).as("calls count batches, not items")
        .isEqualTo(new NodeStats(7, 0, 0, 0, 3, 0, 0, 0));
  }

  @Test
  void aPreloadedFifoQueueReportsItsItemsBeforeAnyIsTaken() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(Nodes.sink((Integer x) -> release.await()), NodeOptions.builder()
        .name("jobs").queue(() -> new FifoQueue<Integer>(10).preload(List.of(1, 2, 3, 4, 5)))
        .build());
    Run run = new Run(new AsyncExecutor(graph));

    await().until(() -> run.stats("jobs").active() == 1);
    NodeStats during = run.stats("jobs");
    release.countDown();
    run.join();

    assertThat(during.queued()).as("five preloaded, one taken").isEqualTo(4);
    assertThat(run.stats("jobs")).as("preloaded items count as 'in'")
        .isEqualTo(TestStats.done(5, 0, 0, 0));
  }

  @Test
  void aCustomQueueWithoutASizeIsEstimatedFromPutsAndTakes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch emitted = new CountDownLatch(1);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 6; i++) {
        out.emit(i);
      }
      emitted.countDown();
    });
    graph.addNode(Nodes.sink((Integer x) -> release.await()), NodeOptions.builder()
        .name("sized").queue(SizelessQueue::new).build());
    graph.addEdge("src", "sized");
    Run run = new Run(new AsyncExecutor(graph));

    emitted.await();
    await().until(() -> run.stats("sized").active() == 1);
    NodeStats during = run.stats("sized");
    release.countDown();
    run.join();

    assertThat(during.queued()).as("six put, one taken").isEqualTo(5);
    assertThat(run.stats("sized")).isEqualTo(TestStats.done(6, 0, 0, 0));
  }

  /** A FIFO queue that does not tell its size. */
  static final class SizelessQueue implements NodeQueue<Integer, Integer> {
    private final ArrayDeque<Integer> items = new ArrayDeque<>();

    @Override
    public boolean isFull() {
      return items.size() >= 100;
    }

    @Override
    public void put(String source, Integer item) {
      items.add(item);
    }

    @Override
    public boolean hasNext(long nowNanos) {
      return !items.isEmpty();
    }

    @Override
    public Integer next() {
      return items.remove();
    }

    @Override
    public long discardAll() {
      long n = items.size();
      items.clear();
      return n;
    }
  }
}
