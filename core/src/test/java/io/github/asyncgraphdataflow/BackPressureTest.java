package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.asyncgraphdataflow.queue.FifoQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Queues are bounded: while a destination is full, {@code emit} blocks, so a stalled consumer
 * holds its producers back and memory stays bounded; back-pressure travels up a chain.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BackPressureTest {

  private static final int ITEMS = 30_000;
  /** The most items a worker takes from its queue at once. */
  private static final int TAKE_BATCH = 256;

  /** Waits until the producer is parked in {@code emit}, so the count read next is settled. */
  private static void awaitParked(AtomicReference<Thread> producer) {
    await().until(() -> producer.get() != null
        && (producer.get().getState() == Thread.State.WAITING
            || producer.get().getState() == Thread.State.TIMED_WAITING));
  }

  @ParameterizedTest(name = "queueSize={0}")
  @ValueSource(ints = {1, 16, 1_000, 1_024, 10_000})
  void aStalledConsumerHoldsItsProducerBack(int queueSize) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch consumerBlocked = new CountDownLatch(1);
    AtomicReference<Thread> producer = new AtomicReference<>();
    AtomicInteger emitted = new AtomicInteger();
    AtomicInteger consumed = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("producer", (Emitter<Integer> out) -> {
      producer.set(Thread.currentThread());
      for (int i = 0; i < ITEMS; i++) {
        out.emit(i);
        emitted.incrementAndGet();
      }
    });
    graph.addNode((Integer x, Emitter<Void> out) -> {
      if (consumed.incrementAndGet() == 1) {
        consumerBlocked.countDown();
        release.await();
      }
    }, NodeOptions.builder().name("consumer").queueSize(queueSize).build());
    graph.addEdge("producer", "consumer");
    AsyncExecutor executor = new AsyncExecutor(graph);
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        executor.execute();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    consumerBlocked.await();
    awaitParked(producer);
    int whileStalled = emitted.get();
    release.countDown();
    runner.join();

    // the queue, what the consumer took out of it in one go, the item being handed over, and
    // for a large queue at most a batch more that the producer may hand over without a lock
    int bound = queueSize + Math.min(queueSize, TAKE_BATCH) + 1
        + (queueSize >= 1_024 ? TAKE_BATCH : 0);
    assertThat(whileStalled).isLessThanOrEqualTo(bound).isLessThan(ITEMS);
    assertThat(consumed).hasValue(ITEMS);
    assertThat(executor.dataFlowStats().get("consumer").in()).isEqualTo(ITEMS);
  }

  @ParameterizedTest(name = "maxTasks={0}, queueSize={1}")
  @CsvSource({"1, 1", "1, 100", "4, 1", "4, 100"})
  void backPressureTravelsUpAChain(int maxTasks, int queueSize) throws Exception {
    int small = 4;
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch sinkBlocked = new CountDownLatch(1);
    AtomicReference<Thread> producer = new AtomicReference<>();
    AtomicInteger emitted = new AtomicInteger();
    AtomicInteger sunk = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("producer", (Emitter<Integer> out) -> {
      producer.set(Thread.currentThread());
      for (int i = 0; i < ITEMS; i++) {
        out.emit(i);
        emitted.incrementAndGet();
      }
    });
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x),
        NodeOptions.builder().name("relay").maxTasks(maxTasks).queueSize(small).build());
    graph.addNode((Integer x, Emitter<Void> out) -> {
      if (sunk.incrementAndGet() == 1) {
        sinkBlocked.countDown();
      }
      release.await();
    }, NodeOptions.builder().name("sink").maxTasks(maxTasks).queueSize(queueSize).build());
    graph.addEdge("producer", "relay");
    graph.addEdge("relay", "sink");
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        new AsyncExecutor(graph).execute();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    sinkBlocked.await();
    awaitParked(producer);
    int whileStalled = emitted.get();
    release.countDown();
    runner.join();

    // the sink's queue and what its workers took; the relay's queue, what its workers took and
    // the item each is handing over; the producer's item being handed over
    int bound = queueSize + maxTasks * Math.min(queueSize, TAKE_BATCH)
        + small + maxTasks * (small + 1) + 1;
    assertThat(whileStalled).isLessThanOrEqualTo(bound).isLessThan(ITEMS);
    assertThat(sunk).hasValue(ITEMS);
  }

  @ParameterizedTest(name = "capacity={0}")
  @ValueSource(ints = {1, 3})
  void aCustomQueueThatIsFullHoldsItsProducerBack(int capacity) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch consumerBlocked = new CountDownLatch(1);
    AtomicReference<Thread> producer = new AtomicReference<>();
    AtomicInteger emitted = new AtomicInteger();
    AtomicInteger consumed = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("producer", (Emitter<Integer> out) -> {
      producer.set(Thread.currentThread());
      for (int i = 0; i < 100; i++) {
        out.emit(i);
        emitted.incrementAndGet();
      }
    });
    graph.addNode((Integer x, Emitter<Void> out) -> {
      if (consumed.incrementAndGet() == 1) {
        consumerBlocked.countDown();
        release.await();
      }
    }, NodeOptions.builder().name("consumer")
        .queue(() -> new FifoQueue<Integer>(capacity)).build());
    graph.addEdge("producer", "consumer");
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        new AsyncExecutor(graph).execute();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    consumerBlocked.await();
    awaitParked(producer);
    int whileStalled = emitted.get();
    release.countDown();
    runner.join();

    assertThat(whileStalled).isLessThanOrEqualTo(capacity + 1);
    assertThat(consumed).hasValue(100);
  }
}
