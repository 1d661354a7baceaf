package io.github.asyncgraphdataflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The default queue's ring grows on demand; order and bound must not change. */
class BoundedQueueTest {

  @Test
  void growingRingKeepsFifoOrderAcrossWrapsAndNeverExceedsCapacity() throws InterruptedException {
    for (int capacity : new int[] {1, 10, 64, 65, 1_000, 10_000}) {
      BoundedQueue q = new BoundedQueue(capacity);
      Random random = new Random(capacity);
      int next = 0;
      int expected = 0;
      int queued = 0;
      Object[] in = new Object[capacity];
      Object[] out = new Object[capacity];
      for (int step = 0; step < 2_000; step++) {
        int room = capacity - queued;
        int n = room == 0 ? 0 : 1 + random.nextInt(room);
        for (int i = 0; i < n; i++) {
          in[i] = next++;
        }
        assertThat(q.putAll(in, n, "test")).isEqualTo(n);
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
  void haltDropsWhatTheGrownRingHolds() {
    BoundedQueue q = new BoundedQueue(10_000);
    Object[] in = new Object[5_000];
    java.util.Arrays.fill(in, "x");
    q.putAll(in, 5_000, "test");
    assertThat(q.halt()).isEqualTo(5_000);
  }
}
