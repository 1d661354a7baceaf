package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncgraphdataflow.queue.BatchingQueue;
import io.github.asyncgraphdataflow.queue.FifoQueue;
import io.github.asyncgraphdataflow.queue.NodeQueue;
import io.github.asyncgraphdataflow.queue.PriorityNodeQueue;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node's own input queue: pre-loaded, transforming, batching (by size, by size or maximum
 * wait, flushing the last batch without an end marker), combining sources, priority-ordered.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CustomQueueTest {

  private static SourceFunction<Integer> emitting(int n) {
    return out -> {
      for (int i = 0; i < n; i++) {
        out.emit(i);
      }
    };
  }

  @Test
  void aPreloadedQueueFeedsItsNodeAlongWithItsSources() throws Exception {
    ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", emitting(3));
    graph.addNode((Integer x, Emitter<Void> out) -> got.add(x), NodeOptions.builder()
        .name("sink").queue(() -> new FifoQueue<Integer>(10).preload(List.of(100, 101))).build());
    graph.addEdge("src", "sink");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(got).containsExactlyInAnyOrder(100, 101, 0, 1, 2);
    assertThat(result.stats().get("sink")).as("pre-loaded items count as 'in'")
        .isEqualTo(TestStats.done(5, 0, 0, 0));
  }

  @Test
  void preloadedItemsAreCountedAsInSoInEqualsCallsPlusDiscarded() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", emitting(2));
    graph.addNode((Integer x, Emitter<Void> out) -> calls.incrementAndGet(), NodeOptions.builder()
        .name("sink").queue(() -> new FifoQueue<Integer>(10).preload(range(100))).build());
    graph.addEdge("src", "sink");

    NodeStats sink = new AsyncExecutor(graph).execute().stats().get("sink");

    assertThat(calls).hasValue(102);
    assertThat(sink).isEqualTo(TestStats.done(102, 0, 0, 0));
    assertThat(sink.in()).isEqualTo(sink.calls() + sink.discarded());
  }

  @Test
  void preloadedItemsAreCountedAgainInEachExecution() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Integer x, Emitter<Void> out) -> { }, NodeOptions.builder()
        .name("sink").queue(() -> new FifoQueue<Integer>(10).preload(range(7))).build());
    AsyncExecutor executor = new AsyncExecutor(graph);

    assertThat(executor.execute().stats().get("sink")).isEqualTo(TestStats.done(7, 0, 0, 0));
    assertThat(executor.execute().stats().get("sink")).isEqualTo(TestStats.done(7, 0, 0, 0));
  }

  private static List<Integer> range(int n) {
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(i);
    }
    return items;
  }

  @Test
  void theQueueSupplierIsCalledOncePerExecution() throws Exception {
    AtomicInteger supplied = new AtomicInteger();
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((String s, Emitter<Void> out) -> got.add(s), NodeOptions.builder()
        .name("sink").queue(() -> {
          supplied.incrementAndGet();
          return new FifoQueue<String>(10).preload(List.of("job"));
        }).build());
    AsyncExecutor executor = new AsyncExecutor(graph);

    executor.execute();
    executor.execute();

    assertThat(supplied).hasValue(2);
    assertThat(got).containsExactly("job", "job");
  }

  /** A queue that changes items as they are put in. */
  static final class UpperCaseQueue implements NodeQueue<String, String> {
    private final ArrayDeque<String> items = new ArrayDeque<>();

    @Override
    public boolean isFull() {
      return items.size() >= 10;
    }

    @Override
    public void put(String source, String item) {
      items.add(source + ":" + item.toUpperCase());
    }

    @Override
    public boolean hasNext(long nowNanos) {
      return !items.isEmpty();
    }

    @Override
    public String next() {
      return items.remove();
    }

    @Override
    public long discardAll() {
      long n = items.size();
      items.clear();
      return n;
    }
  }

  @Test
  void aTransformingQueueChangesWhatTheNodeIsGiven() throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("words", (Emitter<String> out) -> {
      out.emit("hello");
      out.emit("world");
    });
    graph.addNode((String s, Emitter<Void> out) -> got.add(s),
        NodeOptions.builder().name("sink").queue(UpperCaseQueue::new).build());
    graph.addEdge("words", "sink");

    new AsyncExecutor(graph).execute();

    assertThat(got).containsExactly("words:HELLO", "words:WORLD");
  }

  @Test
  void aBatchingQueueBatchesBySizeAndFlushesTheLastPartialBatchWithoutAnEndMarker()
      throws Exception {
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", emitting(10));
    graph.addNode((List<Integer> batch, Emitter<Void> out) -> batches.add(batch),
        NodeOptions.builder().name("insertBatch")
            .queue(() -> new BatchingQueue<Integer>(3)).build());
    graph.addEdge("src", "insertBatch");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(batches).containsExactly(
        List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(9));
    assertThat(result.stats().get("insertBatch").in()).isEqualTo(10);
  }

  @Test
  void aBatchingQueueWithAMaximumWaitReleasesAPartialBatchWhileItsSourceIsStillRunning()
      throws Exception {
    CountDownLatch firstBatch = new CountDownLatch(1);
    AtomicReference<Boolean> releasedInTime = new AtomicReference<>();
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      out.emit(0);
      out.emit(1);
      // the batch (size 100) is not full: only the 50 ms maximum wait can release it
      releasedInTime.set(firstBatch.await(20, TimeUnit.SECONDS));
      out.emit(2);
      out.emit(3);
      out.emit(4);
    });
    graph.addNode((List<Integer> batch, Emitter<Void> out) -> {
      batches.add(batch);
      firstBatch.countDown();
    }, NodeOptions.builder().name("insertBatch")
        .queue(() -> new BatchingQueue<Integer>(100, Duration.ofMillis(50))).build());
    graph.addEdge("src", "insertBatch");

    new AsyncExecutor(graph).execute();

    assertThat(releasedInTime.get()).isTrue();
    assertThat(batches.get(0)).containsExactly(0, 1);
    assertThat(batches.stream().flatMap(List::stream).toList()).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void aBatchingQueueFlushesOnlyWhenEverySourceHasFinished() throws Exception {
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("fast", emitting(2));
    graph.addNode("slow", (Emitter<Integer> out) -> {
      for (int i = 10; i < 12; i++) {
        Thread.sleep(5); // simulated I/O
        out.emit(i);
      }
    });
    graph.addNode((List<Integer> batch, Emitter<Void> out) -> batches.add(batch),
        NodeOptions.builder().name("batch").queue(() -> new BatchingQueue<Integer>(100)).build());
    graph.addEdge("fast", "batch");
    graph.addEdge("slow", "batch");

    new AsyncExecutor(graph).execute();

    assertThat(batches).singleElement()
        .satisfies(b -> assertThat(b).containsExactlyInAnyOrder(0, 1, 10, 11));
  }

  /** Pairs the items of two sources, by source name; unmatched items go out alone at the end. */
  static final class ZipQueue implements NodeQueue<Integer, Tuple2<Integer, Integer>> {
    private final ArrayDeque<Integer> left = new ArrayDeque<>();
    private final ArrayDeque<Integer> right = new ArrayDeque<>();
    private boolean finished;

    @Override
    public boolean isFull() {
      return left.size() + right.size() >= 10_000;
    }

    @Override
    public void put(String source, Integer item) {
      (source.equals("left") ? left : right).add(item);
    }

    @Override
    public boolean hasNext(long nowNanos) {
      return (!left.isEmpty() && !right.isEmpty())
          || (finished && (!left.isEmpty() || !right.isEmpty()));
    }

    @Override
    public Tuple2<Integer, Integer> next() {
      return Tuple2.of(left.poll(), right.poll());
    }

    @Override
    public void sourcesFinished() {
      finished = true;
    }

    @Override
    public long discardAll() {
      long n = left.size() + right.size();
      left.clear();
      right.clear();
      return n;
    }
  }

  @Test
  void aCombiningQueueJoinsTheItemsOfSeveralSources() throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("left", emitting(3));
    graph.addNode("right", (Emitter<Integer> out) -> {
      for (int i = 0; i < 4; i++) {
        out.emit(100 + i);
      }
    });
    graph.addNode((Integer l, Integer r, Emitter<Void> out) -> got.add(l + "+" + r),
        NodeOptions.builder().name("zip").queue(ZipQueue::new).build());
    graph.addEdge("left", "zip");
    graph.addEdge("right", "zip");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(got).containsExactly("0+100", "1+101", "2+102", "null+103");
    assertThat(result.stats().get("zip").in()).isEqualTo(7);
  }

  @Test
  void aPriorityQueueHandsOutTheSmallestItemFirst() throws Exception {
    CountDownLatch consumerBusy = new CountDownLatch(1);
    CountDownLatch allQueued = new CountDownLatch(1);
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      out.emit(50);
      consumerBusy.await(); // the consumer holds 50 while the rest queue up
      for (int x : List.of(7, 42, 3, 99, 3, 15)) {
        out.emit(x);
      }
      allQueued.countDown();
    });
    graph.addNode((Integer x, Emitter<Void> out) -> {
      order.add(x);
      if (order.size() == 1) {
        consumerBusy.countDown();
        allQueued.await();
      }
    }, NodeOptions.builder().name("jobs")
        .queue(() -> new PriorityNodeQueue<Integer>(100, Comparator.naturalOrder())).build());
    graph.addEdge("src", "jobs");

    new AsyncExecutor(graph).execute();

    assertThat(order).containsExactly(50, 3, 3, 7, 15, 42, 99);
  }

  @Test
  void haltingDiscardsWhatACustomQueueHolds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode((Integer x, Emitter<Void> out) -> {
      calls.incrementAndGet();
      throw new IllegalStateException("first item fails");
    }, NodeOptions.builder().name("jobs")
        .queue(() -> new FifoQueue<Integer>(10).preload(List.of(1, 2, 3, 4))).build());

    ExecutionResult result = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(calls).hasValue(1);
    // 4 pre-loaded items are 'in': 1 given to the function (and failed), 3 discarded by the halt
    NodeStats jobs = result.stats().get("jobs");
    assertThat(jobs).isEqualTo(TestStats.done(4, 0, 1, 3));
    assertThat(jobs.in()).isEqualTo(jobs.calls() + jobs.discarded());
  }

  /** A queue whose {@code next} throws. */
  static final class BrokenQueue extends FifoQueue<Integer> {
    BrokenQueue() {
      super(10);
      preload(List.of(1));
    }

    @Override
    public Integer next() {
      throw new IllegalStateException("queue is broken");
    }
  }

  @Test
  void aFailingCustomQueueIsAnErrorOfItsNodeAndHaltsTheGraph() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Integer x, Emitter<Void> out) -> { },
        NodeOptions.builder().name("broken").queue(BrokenQueue::new).build());

    ExecutionResult result = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(result.haltedBy()).isEqualTo("broken");
    assertThat(result.exceptions().get("broken")).singleElement()
        .satisfies(e -> assertThat(e).hasMessage("queue is broken"));
  }

  /**
   * A queue that refuses an item (a priority queue takes no null) fails that emit, as an error
   * of the emitting node; the item still reaches every other destination, and the refusing
   * node counts it as in and discarded, so the books balance.
   */
  @Test
  void anItemRefusedByOneQueueStillReachesTheOtherDestinations() throws Exception {
    ConcurrentLinkedQueue<Object> plain = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Object> ranked = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      out.emit(2);
      out.emit(null); // refused by the priority queue
    });
    graph.addNode((Integer x, Emitter<Void> out) -> ranked.add(x), NodeOptions.builder()
        .name("ranked")
        .queue(() -> new PriorityNodeQueue<Integer>(10, Comparator.naturalOrder())).build());
    graph.addNode("plain", (Integer x, Emitter<Void> out) -> plain.add(x == null ? "null" : x));
    graph.addEdge("src", "ranked");
    graph.addEdge("src", "plain");

    ExecutionResult result = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(plain).containsExactly(2, "null");
    assertThat(ranked).containsExactly(2);
    assertThat(result.stats().get("src").err()).isEqualTo(1);
    assertThat(result.exceptions().get("src")).singleElement()
        .isInstanceOf(NullPointerException.class);
    assertThat(result.stats().get("ranked")).isEqualTo(TestStats.done(2, 0, 0, 1));
  }

  @Test
  void aSupplierReturningNullIsRefusedNamingTheNode() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", emitting(1));
    graph.addNode((Integer x, Emitter<Void> out) -> { },
        NodeOptions.builder().name("sink").queue(() -> null).build());
    graph.addEdge("src", "sink");

    assertThatThrownBy(() -> new AsyncExecutor(graph).execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sink'").hasMessageContaining("null");
  }

  @Test
  void shippedQueuesRefuseBadArguments() {
    assertThatThrownBy(() -> new BatchingQueue<Integer>(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
    assertThatThrownBy(() -> new BatchingQueue<Integer>(5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait");
    assertThatThrownBy(() -> new BatchingQueue<Integer>(5, null, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    assertThatThrownBy(() -> new FifoQueue<Integer>(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    assertThatThrownBy(() -> new PriorityNodeQueue<Integer>(0, Comparator.naturalOrder()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
  }
}
