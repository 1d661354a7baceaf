package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.GraphHaltedException;
import io.github.asyncgraphdataflow.queue.NodeQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a user's {@link NodeQueue} under one lock and does its waiting and waking, so the user's
 * queue holds data only. Items are handed over one at a time.
 *
 * <p>Counting: each put adds 1 to {@code in}; so do the items the queue already holds when
 * it is made (its {@link NodeQueue#size()} then, if positive: pre-loaded items).
 *
 * <p>Thread-safety: every call into the user's queue is made with {@code lock} held.
 * Termination: a taker waits only while nothing is ready and the sources have not finished (or
 * until the queue's own {@code nanosUntilReady} deadline); {@link #sourcesFinished} and
 * {@link #halt} wake every waiter. Each put wakes the takers, each take wakes the putters.
 */
final class CustomQueue implements InputQueue {
  private final NodeQueue<Object, Object> queue;
  private final LongAdder in;
  private final LongAdder discarded;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private boolean finished;
  private boolean halted;
  /** The queue's size after the last change, for {@link #size()}; written under the lock. */
  private volatile int size;
  private long puts;
  private long takes;

  @SuppressWarnings("unchecked")
  CustomQueue(NodeQueue<?, ?> queue, LongAdder in, LongAdder discarded) {
    this.queue = (NodeQueue<Object, Object>) queue;
    this.in = in;
    this.discarded = discarded;
    // Items the queue holds before any put (pre-loaded by its supplier) reached this node too:
    // counted as in, so in == calls + discarded holds for them as for every other item.
    int preloaded = this.queue.size();
    if (preloaded > 0) {
      in.add(preloaded);
    }
    this.size = Math.max(0, preloaded);
  }

  @Override
  public Sink sink(String source) {
    return item -> put(source, item);
  }

  private void put(String source, Object item) throws InterruptedException {
    in.increment();
    lock.lock();
    try {
      while (!halted && queue.isFull()) {
        try {
          notFull.await();
        } catch (InterruptedException e) {
          discarded.increment();
          throw e;
        }
      }
      if (halted) {
        discarded.increment();
        throw new GraphHaltedException("The graph halted; nothing more is delivered");
      }
      try {
        queue.put(source, item);
        puts++;
        updateSize();
      } catch (RuntimeException e) {
        discarded.increment(); // refused: counted as in, so as discarded too
        throw e;
      }
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int take(Object[] buf, int max, int workers) throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        if (halted) {
          return -1;
        }
        long now = System.nanoTime();
        if (queue.hasNext(now)) {
          buf[0] = queue.next();
          takes++;
          updateSize();
          notFull.signalAll();
          return 1;
        }
        if (finished) {
          return -1;
        }
        long wait = queue.nanosUntilReady(now);
        if (wait == Long.MAX_VALUE) {
          notEmpty.await();
        } else {
          // at least 0.1 ms, so a queue whose deadline passed without an item cannot spin
          notEmpty.await(Math.max(wait, 100_000L), TimeUnit.NANOSECONDS);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Under the lock. */
  private void updateSize() {
    int s = queue.size();
    size = s >= 0 ? s : (int) Math.max(0, Math.min(Integer.MAX_VALUE, puts - takes));
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void sourcesFinished() {
    lock.lock();
    try {
      finished = true;
      queue.sourcesFinished();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void halt() {
    lock.lock();
    try {
      halted = true;
      discarded.add(queue.discardAll());
      size = 0;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
