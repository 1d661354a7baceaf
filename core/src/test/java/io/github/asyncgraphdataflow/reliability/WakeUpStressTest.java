package io.github.asyncgraphdataflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.TestStats;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No item waits on a timer to be noticed: many idle-to-emit cycles, each one a race between a
 * taker going to sleep on an empty queue and a producer handing over the next item. Each
 * producer emits one item, then waits (untimed) until the sink acknowledges it, and repeats,
 * so every hand-over happens just as the relay's and the sink's workers run out of work.
 *
 * <p>The engine has no timed wait anywhere, so a single lost wake-up leaves a taker asleep with
 * an item beside it, its producer waiting for the acknowledgement for ever, and the run hangs:
 * the preemptive timeout turns that into a failure. Covered: queues with lock-free stashes
 * (capacity 1,024 or more) and without (capacity 16), one and four workers per node, one and
 * three producers. Nothing here looks at time except the hang guard.
 */
class WakeUpStressTest {
  private static final int CYCLES = 3_000;

  /** One item: which producer emitted it, and its sequence number there. */
  record Item(int producer, int seq) {}

  @ParameterizedTest(name = "queueSize={0}, workers={1}, producers={2}")
  @CsvSource({
      "10000, 1, 1", "10000, 4, 1", "10000, 1, 3", "10000, 4, 3",
      "1024, 2, 2",
      "16, 1, 1", "16, 4, 1", "16, 1, 3", "16, 4, 3"})
  void everyItemOfEveryIdleToEmitCycleArrives(int queueSize, int workers, int producers) {
    Semaphore[] acks = new Semaphore[producers];
    AtomicLongArray received = new AtomicLongArray(producers);
    AtomicLongArray outOfOrder = new AtomicLongArray(producers);
    AsyncGraph graph = new AsyncGraph();
    NodeOptions relayOptions = NodeOptions.builder().name("relay").maxTasks(workers)
        .queueSize(queueSize).build();
    graph.addNode((Item x, Emitter<Item> out) -> out.emit(x), relayOptions);
    graph.addNode((Item x, Emitter<Void> out) -> {
      if (received.getAndIncrement(x.producer()) != x.seq()) {
        outOfOrder.incrementAndGet(x.producer());
      }
      acks[x.producer()].release();
    }, NodeOptions.builder().name("sink").maxTasks(workers).queueSize(queueSize).build());
    graph.addEdge("relay", "sink");
    for (int p = 0; p < producers; p++) {
      int id = p;
      acks[p] = new Semaphore(0);
      graph.addNode("producer" + p, (Emitter<Item> out) -> {
        for (int i = 0; i < CYCLES; i++) {
          out.emit(new Item(id, i));
          acks[id].acquire(); // the queues downstream are idle again from here on
        }
      });
      graph.addEdge("producer" + p, "relay");
    }

    ExecutionResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> new AsyncExecutor(graph).execute(),
        "a hand-over was not noticed: a lost wake-up (there is no timed wait to rescue it)");

    long total = (long) CYCLES * producers;
    for (int p = 0; p < producers; p++) {
      assertThat(received.get(p)).as("items of producer %d", p).isEqualTo(CYCLES);
      assertThat(outOfOrder.get(p)).as("out of order, producer %d", p).isZero();
    }
    assertThat(result.stats().get("relay")).isEqualTo(TestStats.done(total, total, 0, 0));
    assertThat(result.stats().get("sink")).isEqualTo(TestStats.done(total, 0, 0, 0));
    assertThat(result.halted()).isFalse();
  }
}
