package io.github.asyncgraphdataflow.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default input queue: a bounded ring buffer guarded by one {@link ReentrantLock}, with
 * batch take (and batch put, for callers with several items at hand) so that one lock
 * acquisition moves many items.
 *
 * <p>Thread-safety: all state is guarded by {@code lock}. Waiters are counted so that a
 * hand-over signals only when somebody waits (no needless unpark). Termination: a taker waits
 * only while the queue is empty and neither finished nor halted; {@link #sourcesFinished} and
 * {@link #halt} signal every waiter, so no taker waits past the end. A putter waits only while
 * the queue is full and not halted; takers free room and signal, and {@link #halt} wakes all.
 */
final class BoundedQueue implements InputQueue {
  private static final int MAX_BATCH = 256;

  private final Object[] ring;
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private int head;
  private int count;
  private int waitingTakers;
  private int waitingPutters;
  private boolean finished;
  private boolean halted;

  BoundedQueue(int capacity) {
    this.capacity = capacity;
    this.ring = new Object[capacity];
  }

  @Override
  public int putAll(Object[] items, int n, String source) {
    int done = 0;
    lock.lock();
    try {
      while (done < n) {
        while (count == capacity && !halted) {
          waitingPutters++;
          try {
            notFull.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done;
          } finally {
            waitingPutters--;
          }
        }
        if (halted) {
          return done;
        }
        int k = Math.min(n - done, capacity - count);
        int tail = head + count;
        if (tail >= capacity) {
          tail -= capacity;
        }
        int first = Math.min(k, capacity - tail);
        System.arraycopy(items, done, ring, tail, first);
        if (k > first) {
          System.arraycopy(items, done + first, ring, 0, k - first);
        }
        count += k;
        done += k;
        for (int i = Math.min(k, waitingTakers); i > 0; i--) {
          notEmpty.signal();
        }
      }
      return done;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int take(Object[] buf, int max, int workers) throws InterruptedException {
    lock.lock();
    try {
      while (count == 0) {
        if (halted || finished) {
          return -1;
        }
        waitingTakers++;
        try {
          notEmpty.await();
        } finally {
          waitingTakers--;
        }
      }
      int k = Math.min(Math.min(max, MAX_BATCH), workers == 1 ? count : Math.max(1, count / workers));
      int first = Math.min(k, capacity - head);
      System.arraycopy(ring, head, buf, 0, first);
      java.util.Arrays.fill(ring, head, head + first, null);
      if (k > first) {
        System.arraycopy(ring, 0, buf, first, k - first);
        java.util.Arrays.fill(ring, 0, k - first, null);
      }
      head += k;
      if (head >= capacity) {
        head -= capacity;
      }
      count -= k;
      if (waitingPutters > 0) {
        notFull.signalAll();
      }
      if (count > 0 && waitingTakers > 0) {
        notEmpty.signal();
      }
      return k;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void sourcesFinished() {
    lock.lock();
    try {
      finished = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long halt() {
    lock.lock();
    try {
      halted = true;
      long dropped = count;
      java.util.Arrays.fill(ring, null);
      count = 0;
      notEmpty.signalAll();
      notFull.signalAll();
      return dropped;
    } finally {
      lock.unlock();
    }
  }
}
