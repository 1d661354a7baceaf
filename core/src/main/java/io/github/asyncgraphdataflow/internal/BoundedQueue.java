package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.GraphHaltedException;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default input queue: a bounded ring guarded by one {@link ReentrantLock}, plus, for
 * queues of at least {@value #STASH_MIN_CAPACITY} items, one lock-free {@link Stash} per
 * producing worker.
 *
 * <p><b>Hand-over.</b> A producer with a stash puts each item there without a lock; the
 * node's workers take from the ring first, then straight from the stashes, in batches. A
 * producer takes the lock only when its stash is full (it moves the whole stash into the
 * ring, waiting until the ring has room for it: back-pressure), or when a taker is waiting
 * that no one has woken yet.
 * A queue smaller than {@value #STASH_MIN_CAPACITY} has no stashes: each item is put into the
 * ring under the lock, so its bound is exact. With stashes the queue holds at most its
 * capacity plus {@code min(256, capacity / 8)} (rounded down to a power of two) items per
 * producing worker (for the first {@value #MAX_STASHES} producing workers; any further ones put
 * into the ring directly).
 *
 * <p><b>Thread-safety.</b> Ring, counters and conditions are guarded by {@code lock}; a stash
 * is emptied only with {@code lock} held. {@code waitingTakers} and {@code halted} are
 * written under the lock and volatile, because producers read them without it.
 *
 * <p><b>No lost wake-up, without any timeout.</b> Every taker waits untimed; nothing is found
 * by polling. Four accesses carry the proof, all of them volatile, so they fall in one total
 * order that agrees with each thread's program order, and each volatile read returns the
 * last write to its variable before it in that order:
 * <ul>
 *   <li>a producer P with a stash (p1) writes its item into its slot (volatile store, see
 *       {@link Stash#offer}), then (p2) reads {@code waitingTakers};
 *   <li>a taker T, holding {@code lock}, finding nothing, (t1) increments {@code waitingTakers},
 *       then (t2) reads the head slot of every stash (volatile, {@link Stash#isEmpty}) and the
 *       ring, and awaits {@code notEmpty} only if all are empty.
 * </ul>
 * If p2 comes before t1, then p1 comes before t2, so t2 sees P's item (or sees that another
 * taker already took it) and T does not wait for it. Otherwise p2 reads at least 1 (T counts
 * itself until it holds the lock again after waking), and P calls {@link #nudge}, which takes
 * {@code lock}: it gets it only once T has released it in {@code await}. There P signals
 * waiting takers until every waiting taker, or one per queued item counting P's own, has a
 * signal pending ({@code pendingWakes}, {@link #wakeForQueued}); a signalled taker takes the
 * lock again after P releases it, so its next look at the stashes comes after p1 and finds
 * the item, and a taker that leaves items behind signals for them in turn. Either way a
 * waiting taker is woken for every item. The
 * other paths hold the lock: a put into the ring, a spill of a full stash and every take
 * signal under it. The price is the volatile store p1: on x86 one fence per item handed over.
 * A cheaper rule was considered and rejected: "fence only when the stash goes from empty to
 * non-empty" cannot be decided by the producer without a fence, because its read of the
 * stash's state may be served before its own store of the item is visible; a taker may
 * then drain the earlier items, find the slot empty and sleep, while the producer, judging
 * from the earlier state, skips the check (store buffering; Dekker's case).
 *
 * <p>An item put into a stash during a halt is thrown away, and counted as {@code discarded},
 * by the halt itself (which empties every stash under the lock), by its producer's check of
 * {@code halted} after p1, or at the latest when that producer exits after the halt
 * ({@link Sink#discard}).
 *
 * <p>Before it counts itself as waiting, the only idle taker of a stash-fed queue yields its
 * thread a few times, looking at the stashes in between ({@link #spinForItems}): a producer
 * just behind then needs no wake-up. That is a shortcut only; it ends after a fixed number of
 * looks, and the proof above does not rely on it.
 *
 * <p>The only taker of a stash-fed queue whose last take moved fewer than {@value #THIN}
 * items yields once before it takes again: a producer just ahead then fills a batch instead of
 * handing over each item's cache line on its own. That, too, is a shortcut, not a wait.
 *
 * <p>Layout: the two fields producers read on every item ({@code waitingTakers},
 * {@code halted}) come first, followed by 128 bytes of padding, so the takers' writes to the
 * fields behind it ({@code head}, {@code count}, ...) do not take that cache line away from
 * the producers ({@link QueueLayout}).
 *
 * <p><b>Termination.</b> A taker waits only while ring and stashes are empty and the queue is
 * neither finished nor halted; {@link #sourcesFinished} and {@link #halt} wake every waiter.
 * A producer waits only while the ring lacks room (one slot for {@link #putOne}, a whole
 * stash, at most an eighth of the capacity, for {@link #spill}) and the queue is not halted;
 * takers take from the ring before the stashes, so they make that room whenever they take,
 * and signal once it is there; {@link #halt} wakes everyone.
 */
final class BoundedQueue extends QueueLayout.FlagsPad implements InputQueue {
  static final int STASH_MIN_CAPACITY = 1024;
  /**
   * Producing workers beyond this many put directly into the ring: takers scan every stash,
   * and a node with thousands of workers is an I/O node that gains nothing from batching.
   */
  static final int MAX_STASHES = 16;
  /** How many times an idle taker yields and looks at the stashes again before it sleeps. */
  private static final int SPINS = 20;
  /** A batch smaller than this makes the only taker yield before its next take. */
  private static final int THIN = 64;

  /** The first ring size; it doubles on demand up to {@code capacity}. */
  private static final int INITIAL_RING = 64;

  private Object[] ring;
  private final int capacity;
  private final int stashCapacity;
  private final LongAdder in;
  private final LongAdder discarded;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  /** Volatile so that a thread reading the statistics sees every stash. */
  private volatile Stash[] stashes = new Stash[0];
  private int head;
  private int count;
  private int nextStash;
  /** Producers waiting for room for one item ({@link #putOne}); under the lock. */
  private int waitingPutters;
  /**
   * Producers waiting for room for a whole stash ({@link #spill}); under the lock. They are
   * woken only once that much room is free: woken for every item taken, a producer would move
   * one item per wake-up (measured in BENCHMARKS.md, W3).
   */
  private int waitingSpillers;
  /** Signals sent to waiting takers that have not woken yet; at most one per waiting taker. */
  private int pendingWakes;
  private boolean finished;
  /**
   * Whether the last take of the only worker of a stash-fed queue got fewer than {@value #THIN}
   * items: written by that taker under the lock, read by it before it takes the lock again.
   */
  private boolean thin;

  BoundedQueue(int capacity, LongAdder in, LongAdder discarded) {
    this.capacity = capacity;
    // Grown on demand: a graph of many nodes whose queues hold few items at a time (a
    // 1,000-node chain allocated 40 MB of rings per execute) pays only for what it holds,
    // and a pipeline that keeps up cycles through a small, cache-resident ring.
    this.ring = new Object[Math.min(capacity, INITIAL_RING)];
    this.in = in;
    this.discarded = discarded;
    this.stashCapacity = capacity < STASH_MIN_CAPACITY
        ? 0
        : Integer.highestOneBit(Math.min(MAX_TAKE, capacity / 8));
  }

  /** Called before any thread starts; the stash array is then published by Thread.start. */
  @Override
  public Sink sink(String source) {
    if (stashCapacity == 0 || stashes.length == MAX_STASHES) {
      return this::putOne;
    }
    Stash stash = new Stash(stashCapacity);
    stashes = Arrays.copyOf(stashes, stashes.length + 1);
    stashes[stashes.length - 1] = stash;
    return new StashSink(stash);
  }

  // ---- producers ----

  private void putOne(Object item) throws InterruptedException {
    in.increment();
    lock.lock();
    try {
      while (count == capacity && !halted) {
        waitingPutters++;
        try {
          notFull.await();
        } catch (InterruptedException e) {
          discarded.increment();
          throw e;
        } finally {
          waitingPutters--;
        }
      }
      if (halted) {
        discarded.increment();
        throw haltedException();
      }
      if (count == ring.length) {
        grow(count + 1);
      }
      int tail = head + count;
      ring[tail >= ring.length ? tail - ring.length : tail] = item;
      count++;
      wakeForQueued();
    } finally {
      lock.unlock();
    }
  }

  private final class StashSink implements Sink {
    private final Stash stash;

    StashSink(Stash stash) {
      this.stash = stash;
    }

    @Override
    public void put(Object item) throws InterruptedException {
      if (!stash.offer(item)) {
        try {
          spill(stash);
        } catch (GraphHaltedException | InterruptedException e) {
          in.increment();
          discarded.increment();
          throw e;
        }
        stash.offer(item);
      }
      if (waitingTakers > 0 || halted) { // p2 of the wake-up proof in the class comment
        nudge(stash);
      }
    }

    @Override
    public void discard() {
      lock.lock();
      try {
        drop(stash);
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Moves a full stash into the ring, waiting until the ring has room for all of it (at most
   * an eighth of the capacity, so the takers always make that room: they take from the ring
   * first); leaves the stash empty.
   */
  private void spill(Stash stash) throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        if (halted) {
          drop(stash);
          throw haltedException();
        }
        int room = capacity - count;
        if (room >= stash.capacity()) {
          int k = stash.capacity();
          if (count + k > ring.length) {
            grow(count + k);
          }
          int len = ring.length;
          int tail = head + count;
          if (tail >= len) {
            tail -= len;
          }
          int first = stash.drainTo(ring, tail, Math.min(k, len - tail));
          int moved = first + (first == len - tail && k > first
              ? stash.drainTo(ring, 0, k - first) : 0);
          count += moved;
          wakeForQueued();
          return;
        }
        waitingSpillers++;
        try {
          notFull.await();
        } finally {
          waitingSpillers--;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Wakes a waiting taker not yet woken, or throws the stash away after a halt. */
  private void nudge(Stash stash) {
    lock.lock();
    try {
      if (halted) {
        drop(stash);
        throw haltedException();
      }
      wakeForQueued();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Wakes as many waiting takers as there are queued items no signalled taker will take yet
   * (under the lock): one signal per item, never two for one item. A producer emitting fast
   * wakes idle workers one per item, in parallel, not one after another; a taker woken for an
   * item that another taker took meanwhile (wasted: an unpark and a context switch each) is
   * rare. Items whose producer's {@code tail} this thread does not see yet are not counted
   * here; that producer's own check after publishing (p2) accounts for them.
   */
  private void wakeForQueued() {
    if (waitingTakers <= pendingWakes) {
      return;
    }
    long queued = count;
    for (Stash s : stashes) {
      queued += s.size();
    }
    while (waitingTakers > pendingWakes && queued > pendingWakes) {
      pendingWakes++;
      notEmpty.signal();
    }
  }

  private void drop(Stash stash) {
    discarded.add(stash.clear()); // already counted as in: see handedOver()
  }

  private static GraphHaltedException haltedException() {
    return new GraphHaltedException("The graph halted; nothing more is delivered");
  }

  // ---- takers ----

  @Override
  public int take(Object[] buf, int max, int workers) throws InterruptedException {
    boolean spun = false;
    if (thin) {
      // the only taker caught up with its producers: let them run ahead a little (and let
      // the threads sharing this carrier run), so the next take moves a batch. Reading slots
      // a producer is filling pulls their cache line away from it for every item (measured in
      // BENCHMARKS.md, W1: about 1.6x). A hint only: nothing waits on it
      Thread.yield();
    }
    lock.lock();
    try {
      while (true) {
        if (halted) {
          return -1;
        }
        if (count > 0 || anyStashed()) {
          int k = Math.min(max, InputQueue.share(count, workers));
          int got = fromRing(buf, k);
          if (got < k) {
            got += fromStashes(buf, got, k - got);
          }
          if (got > 0) {
            thin = workers == 1 && got < THIN && stashes.length > 0;
            if (waitingPutters > 0 || (waitingSpillers > 0 && capacity - count >= stashCapacity)) {
              notFull.signalAll();
            }
            wakeForQueued();
            return got;
          }
        }
        if (finished) {
          return -1;
        }
        if (!spun && waitingTakers == 0 && stashes.length > 0) {
          // the only idle taker of a queue fed through stashes looks a little longer before it
          // sleeps: a producer that is just behind then needs no wake-up (a lock, an unpark
          // and often a carrier thread's futex each). Correctness never depends on this: the
          // wait below is the one of the proof (measured in BENCHMARKS.md: W1 about 2x)
          spun = true;
          if (spinForItems()) {
            continue;
          }
        }
        waitingTakers++; // t1 of the wake-up proof in the class comment
        try {
          if (count == 0 && !anyStashed() && !finished) { // t2
            notEmpty.await();
          }
        } finally {
          waitingTakers--;
          if (pendingWakes > 0) {
            pendingWakes--;
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets go of the lock, then up to {@value #SPINS} times yields its thread (letting the
   * producers that share the carrier threads run) and looks at the stashes again (a hint:
   * racy reads); holds the lock again when it returns.
   *
   * @return whether an item showed up
   */
  private boolean spinForItems() {
    lock.unlock();
    try {
      for (int i = 0; i < SPINS; i++) {
        if (anyStashed() || finished || halted) {
          return true;
        }
        Thread.yield();
      }
      return false;
    } finally {
      lock.lock();
    }
  }

  private boolean anyStashed() {
    for (Stash s : stashes) {
      if (!s.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private int fromRing(Object[] buf, int k) {
    k = Math.min(k, count);
    if (k == 0) {
      return 0;
    }
    int len = ring.length;
    int first = Math.min(k, len - head);
    System.arraycopy(ring, head, buf, 0, first);
    Arrays.fill(ring, head, head + first, null);
    if (k > first) {
      System.arraycopy(ring, 0, buf, first, k - first);
      Arrays.fill(ring, 0, k - first, null);
    }
    head += k;
    if (head >= len) {
      head -= len;
    }
    count -= k;
    return k;
  }

  /** Replaces the ring by a larger one holding the same items from index 0; under the lock. */
  private void grow(int needed) {
    int size = Math.min(capacity, Math.max(needed, ring.length * 2));
    Object[] bigger = new Object[size];
    int first = Math.min(count, ring.length - head);
    System.arraycopy(ring, head, bigger, 0, first);
    System.arraycopy(ring, 0, bigger, first, count - first);
    ring = bigger;
    head = 0;
  }

  private int fromStashes(Object[] buf, int off, int max) {
    int got = 0;
    for (int i = 0; i < stashes.length && got < max; i++) {
      Stash s = stashes[(nextStash + i) % stashes.length];
      got += s.drainTo(buf, off + got, max - got);
    }
    if (stashes.length > 0) {
      nextStash = (nextStash + 1) % stashes.length;
    }
    return got;
  }

  /**
   * The items producers have put into their stashes so far: they are in this queue (visible
   * to its takers) the moment {@code emit} returns, so they count as {@code in} at once, at no
   * cost per item (a stash's tail is the number of items ever put into it).
   */
  @Override
  public long handedOver() {
    long n = 0;
    for (Stash s : stashes) {
      n += s.offered();
    }
    return n;
  }

  /** A racy read of the ring's count plus the stashes' sizes: a monitoring estimate. */
  @Override
  public int size() {
    long n = count;
    for (Stash s : stashes) {
      n += s.size();
    }
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, n));
  }

  // ---- end ----

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
  public void halt() {
    lock.lock();
    try {
      halted = true;
      discarded.add(count);
      Arrays.fill(ring, null);
      count = 0;
      for (Stash s : stashes) {
        drop(s);
      }
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }
}

/**
 * The fields of {@link BoundedQueue} that producers read without its lock, then 128 bytes of
 * padding; {@link BoundedQueue}'s own fields come after (a superclass's fields come before its
 * subclass's in an object).
 */
@SuppressWarnings("unused")
final class QueueLayout {
  private QueueLayout() {}

  abstract static class Flags {
    /** Takers counting themselves as waiting; written under the queue's lock. */
    volatile int waitingTakers;
    /** Written under the queue's lock. */
    volatile boolean halted;
  }

  abstract static class FlagsPad extends Flags {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
  }
}
