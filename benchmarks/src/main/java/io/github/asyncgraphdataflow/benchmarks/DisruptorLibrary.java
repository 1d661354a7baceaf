package io.github.asyncgraphdataflow.benchmarks;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.concurrent.CountDownLatch;

/**
 * W1 on the LMAX Disruptor: the reference for what a hand-over between threads can cost. The
 * calling thread is the source; it publishes into a ring of 16,384 slots (the power of two at
 * or above {@link #BUFFER}) whose one handler maps x to x + 1 and publishes into a second ring,
 * whose handler sums. Two wait strategies: yielding (handlers spin and yield, never sleep: the
 * fastest on an idle machine, but it keeps a core busy) and blocking (handlers sleep on a lock
 * and condition, as ours and the streaming libraries do). Only W1: the other workloads are not
 * what this reference is for.
 */
final class DisruptorLibrary implements Library {
  private static final int RING = 1 << 14;
  private final boolean yielding;

  DisruptorLibrary(boolean yielding) {
    this.yielding = yielding;
  }

  /** A ring slot. */
  static final class Slot {
    int value;
  }

  /** The sink's totals, read after the latch opened. */
  static final class Sum {
    long count;
    long sum;
  }

  private WaitStrategy waitStrategy() {
    return yielding ? new YieldingWaitStrategy() : new BlockingWaitStrategy();
  }

  @Override
  public void linear(int n) throws InterruptedException {
    Disruptor<Slot> first = new Disruptor<>(Slot::new, RING, DaemonThreadFactory.INSTANCE,
        ProducerType.SINGLE, waitStrategy());
    Disruptor<Slot> second = new Disruptor<>(Slot::new, RING, DaemonThreadFactory.INSTANCE,
        ProducerType.SINGLE, waitStrategy());
    Sum s = new Sum();
    CountDownLatch done = new CountDownLatch(1);
    EventHandler<Slot> sink = (slot, seq, endOfBatch) -> {
      s.count++;
      s.sum += slot.value;
      if (s.count == n) {
        done.countDown();
      }
    };
    second.handleEventsWith(sink);
    RingBuffer<Slot> toSink = second.start();
    EventHandler<Slot> map = (slot, seq, endOfBatch) -> {
      long next = toSink.next();
      toSink.get(next).value = slot.value + 1;
      toSink.publish(next);
    };
    first.handleEventsWith(map);
    RingBuffer<Slot> toMap = first.start();
    try {
      for (int i = 0; i < n; i++) {
        long seq = toMap.next();
        toMap.get(seq).value = i;
        toMap.publish(seq);
      }
      done.await();
    } finally {
      first.halt();
      second.halt();
    }
    Check.result("W1 disruptor", n, s.count, Check.linearSum(n), s.sum);
  }

  @Override
  public void diamond(int n) {
    throw new UnsupportedOperationException("the Disruptor is a W1 reference only");
  }

  @Override
  public void io(int n) {
    throw new UnsupportedOperationException("the Disruptor is a W1 reference only");
  }

  @Override
  public void cpu(int n, int concurrency) {
    throw new UnsupportedOperationException("the Disruptor is a W1 reference only");
  }
}
