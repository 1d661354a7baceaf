package io.github.asyncgraphdataflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** The default queue's ring grows on demand; order, the end and halting must not change. */
class BoundedQueueTest {

  @Test
  void growingRingKeepsFifoOrderAcrossWrapsAndGrowth() throws InterruptedException {
    for (int capacity : new int[] {1, 10, 64, 65, 1_000, 1_024, 10_000}) {
      BoundedQueue q = new BoundedQueue(capacity, new LongAdder(), new LongAdder());
      InputQueue.Sink sink = q.sink("test");
      Random random = new Random(capacity);
      int next = 0;
      int expected = 0;
      int queued = 0;
      Object[] out = new Object[capacity];
      for (int step = 0; step < 2_000; step++) {
        int room = capacity - queued;
        int n = room == 0 ? 0 : 1 + random.nextInt(room);
        for (int i = 0; i < n; i++) {
          sink.put(next++);
        }
        queued += n;
        if (queued > 0) {
          int k = q.take(out, 1 + random.nextInt(capacity), 1);
          assertThat(k).isBetween(1, queued);
          for (int i = 0; i < k; i++) {
            assertThat(out[i]).isEqualTo(expected++);
          }
          queued -= k;
        }
      }
      q.sourcesFinished();
      while (queued > 0) {
        int k = q.take(out, capacity, 1);
        for (int i = 0; i < k; i++) {
          assertThat(out[i]).isEqualTo(expected++);
        }
        queued -= k;
      }
      assertThat(q.take(out, capacity, 1)).isEqualTo(-1);
      assertThat(expected).isEqualTo(next);
    }
  }

  @Test
  void haltDropsWhatTheGrownRingHolds() throws InterruptedException {
    LongAdder discarded = new LongAdder();
    BoundedQueue q = new BoundedQueue(500, new LongAdder(), discarded);
    InputQueue.Sink sink = q.sink("test");
    for (int i = 0; i < 300; i++) {
      sink.put(i);
    }
    q.halt();
    assertThat(discarded.sum()).isEqualTo(300);
    assertThat(q.take(new Object[10], 10, 1)).isEqualTo(-1);
  }
}
