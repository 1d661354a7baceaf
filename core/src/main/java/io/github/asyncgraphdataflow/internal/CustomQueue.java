package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.GraphHaltedException;
import io.github.asyncgraphdataflow.queue.NodeQueue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p><b>Per-source back-pressure.</b> A producer waits on its own source's condition while the
 * queue's {@code isFull(source)} is true. Every put, take and finished source may change any
 * source's room (a join's match frees room in the other sources' buffers), so each signals
 * every source's condition that has waiters; a producer therefore never waits for room that
 * another source's item already made, and a source can never be blocked behind another
 * source's wait.
 */
final class CustomQueue implements InputQueue {
  private final NodeQueue<Object, Object> queue;
  private final LongAdder in;
  private final LongAdder discarded;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  /** One condition per source, made before any thread starts, read-only afterwards. */
  private final Map<String, Condition> notFull = new HashMap<>();
  private long dropped;
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
    Condition room = notFull.computeIfAbsent(source, s -> lock.newCondition());
    return item -> put(source, room, item);
  }

  @Override
  public void connect(String node, List<String> sources) {
    lock.lock();
    try {
      queue.connect(node, sources);
    } finally {
      lock.unlock();
    }
  }

  private void put(String source, Condition room, Object item) throws InterruptedException {
    in.increment();
    lock.lock();
    try {
      while (!halted && isFull(source)) {
        try {
          room.await();
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
      } catch (RuntimeException e) {
        discarded.increment(); // refused: counted as in, so as discarded too
        throw e;
      } finally {
        changed();
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
          changed();
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

  /** Under the lock; a queue that fails here refuses the item (counted as discarded). */
  private boolean isFull(String source) {
    try {
      return queue.isFull(source);
    } catch (RuntimeException e) {
      discarded.increment();
      throw e;
    } finally {
      if (queue.dropped() != dropped) {
        changed(); // a join evicted to make room: count it (no signal otherwise, or two
                   // waiting producers would wake each other forever)
      }
    }
  }

  /** Under the lock, after every call that may change the queue. */
  private void changed() {
    long d = queue.dropped();
    if (d != dropped) {
      discarded.add(d - dropped);
      dropped = d;
    }
    updateSize();
    for (Condition room : notFull.values()) {
      if (lock.hasWaiters(room)) {
        room.signalAll();
      }
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
  public void sourceFinished(String source) {
    lock.lock();
    try {
      queue.sourceFinished(source);
      changed();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void sourcesFinished() {
    lock.lock();
    try {
      finished = true;
      queue.sourcesFinished();
      changed();
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
      notFull.values().forEach(Condition::signalAll);
    } finally {
      lock.unlock();
    }
  }
}
