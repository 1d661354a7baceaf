package io.github.asyncgraphdataflow.internal;

/**
 * A small single-producer ring between one worker and one destination queue: the worker puts
 * an emitted item here without taking any lock, and the destination's workers take it out,
 * under their queue's lock, as soon as they look for input. An emitted item is therefore
 * visible to its destination the moment {@code emit} returns, and yet items move between
 * threads in batches.
 *
 * <p>Thread-safety: {@link #offer} is called only by the owning worker; {@link #drainTo} and
 * {@link #size} only with the destination queue's lock held, so there is one consumer at a
 * time. {@code tail} is written only by the producer, {@code head} only by the consumer;
 * both are volatile, so a slot is written before the producer publishes it and read before
 * the consumer frees it. Being volatile, the {@code tail} write also orders the producer's
 * following read of the queue's waiting-taker count (see {@link BoundedQueue}).
 *
 * <p>This is the one hand-rolled concurrent structure in the engine; it exists because a
 * lock per item handed over cost 4 to 10 times the throughput of a trivial chain (measured,
 * see BENCHMARKS.md).
 */
final class Stash {
  private final Object[] items;
  private final int mask;
  private volatile long tail;
  private volatile long head;
  /** The producer's last reading of {@code head}: re-read only when the ring looks full. */
  private long headSeen;

  Stash(int capacityPowerOfTwo) {
    this.items = new Object[capacityPowerOfTwo];
    this.mask = capacityPowerOfTwo - 1;
  }

  /** Producer: adds an item unless full. */
  boolean offer(Object item) {
    long t = tail;
    if (t - headSeen == items.length) {
      headSeen = head;
      if (t - headSeen == items.length) {
        return false;
      }
    }
    items[(int) t & mask] = item;
    tail = t + 1;
    return true;
  }

  /** Consumer (queue lock held): moves up to {@code max} items into {@code buf} at {@code off}. */
  int drainTo(Object[] buf, int off, int max) {
    long h = head;
    int n = (int) Math.min(tail - h, max);
    for (int i = 0; i < n; i++) {
      int slot = (int) (h + i) & mask;
      buf[off + i] = items[slot];
      items[slot] = null;
    }
    head = h + n;
    return n;
  }

  /** Consumer (queue lock held): drops everything, returning how many. */
  int clear() {
    long h = head;
    long t = tail;
    for (long i = h; i < t; i++) {
      items[(int) i & mask] = null;
    }
    head = t;
    return (int) (t - h);
  }

  /** Items held now (exact for the consumer; a lower bound for anybody else). */
  int size() {
    return (int) (tail - head);
  }
}
