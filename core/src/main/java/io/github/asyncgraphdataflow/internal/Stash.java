package io.github.asyncgraphdataflow.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A small single-producer ring between one worker and one destination queue: the worker puts
 * an emitted item here without taking any lock, and the destination's workers take it out,
 * under their queue's lock, as soon as they look for input. An emitted item is therefore
 * visible to its destination the moment {@code emit} returns, and yet items move between
 * threads in batches.
 *
 * <p>A slot holds an item or {@code null} (free); a {@code null} item is stored as a marker.
 * The producer and the consumer each keep their own position and share nothing but the slots
 * (the Lamport / FastFlow single-producer queue), so they do not contend on a shared index.
 *
 * <p>Thread-safety: {@link #offer} is called only by the owning worker; {@link #drainTo},
 * {@link #clear} and {@link #isEmpty} only with the destination queue's lock held, so there
 * is one consumer at a time. The producer fills a slot with a <em>volatile</em> write, and
 * {@link #isEmpty} reads one with a volatile read: these two, with the queue's volatile
 * waiting-taker count, are the Dekker pair that proves no lost wake-up (see
 * {@link BoundedQueue}). The consumer reads a slot with acquire and frees it with release,
 * so the producer reuses a slot only after the consumer has read it.
 *
 * <p>Layout: {@code tail} (the producer's) and {@code head} (the consumer's) lie 128 bytes
 * apart and away from the object's neighbours ({@link StashLayout}); on one cache line, every
 * item handed over moved that line between the two cores twice (measured in BENCHMARKS.md, W1).
 *
 * <p>This is the one hand-rolled concurrent structure in the engine; it exists because a
 * lock per item handed over cost several times the throughput of a trivial chain (measured,
 * see BENCHMARKS.md).
 */
final class Stash extends StashLayout.HeadPad {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
  private static final VarHandle TAIL;

  static {
    try {
      TAIL = MethodHandles.lookup().findVarHandle(StashLayout.Tail.class, "tail", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
  private static final Object NULL_ITEM = new Object();

  Stash(int capacityPowerOfTwo) {
    super(capacityPowerOfTwo);
  }

  /**
   * Producer: adds an item unless full. The slot is written with a volatile store: the
   * producer's next volatile read (of the queue's waiting-taker count) cannot be ordered before
   * it, which on x86 costs one fence per item (measured in BENCHMARKS.md).
   */
  boolean offer(Object item) {
    long t = tail;
    int slot = (int) t & mask;
    if (SLOT.getAcquire(slots, slot) != null) {
      return false;
    }
    // tail first: whoever sees the item in its slot also sees the tail that counts it
    TAIL.setOpaque(this, t + 1);
    SLOT.setVolatile(slots, slot, item == null ? NULL_ITEM : item);
    return true;
  }

  /** Consumer (queue lock held): moves up to {@code max} items into {@code buf} at {@code off}. */
  int drainTo(Object[] buf, int off, int max) {
    int n = 0;
    while (n < max) {
      int slot = (int) head & mask;
      Object item = SLOT.getAcquire(slots, slot);
      if (item == null) {
        break;
      }
      buf[off + n++] = item == NULL_ITEM ? null : item;
      SLOT.setRelease(slots, slot, (Object) null);
      head++;
    }
    return n;
  }

  /** Consumer (queue lock held): drops everything, returning how many. */
  int clear() {
    int n = 0;
    while (true) {
      int slot = (int) head & mask;
      if (SLOT.getAcquire(slots, slot) == null) {
        return n;
      }
      SLOT.setRelease(slots, slot, (Object) null);
      head++;
      n++;
    }
  }

  /** Items ever put here (read by anybody; never decreases). */
  long offered() {
    return (long) TAIL.getOpaque(this);
  }

  /** About how many items it holds; read by any thread without the lock, so possibly stale. */
  long size() {
    return Math.max(0, (long) TAIL.getOpaque(this) - head);
  }

  /** Consumer (queue lock held): whether no item is ready (a volatile read, see offer). */
  boolean isEmpty() {
    return SLOT.getVolatile(slots, (int) head & mask) == null;
  }

  /** Consumer (queue lock held): the capacity, an upper bound of what one drain can move. */
  int capacity() {
    return slots.length;
  }
}

/**
 * The fields of {@link Stash}, in an order the JVM keeps (a superclass's fields come before its
 * subclass's): the shared read-only fields, 128 bytes of padding, the producer's {@code tail},
 * 128 bytes, the consumer's {@code head}, 128 bytes.
 */
@SuppressWarnings("unused")
final class StashLayout {
  private StashLayout() {}

  abstract static class Shared {
    final Object[] slots;
    final int mask;

    Shared(int capacityPowerOfTwo) {
      this.slots = new Object[capacityPowerOfTwo];
      this.mask = capacityPowerOfTwo - 1;
    }
  }

  abstract static class TailPad extends Shared {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

    TailPad(int capacity) {
      super(capacity);
    }
  }

  abstract static class Tail extends TailPad {
    /**
     * Producer's next slot, so also the number of items ever put here; written only by the
     * producer (opaque, which costs nothing more than a plain store), read by anybody.
     */
    long tail;

    Tail(int capacity) {
      super(capacity);
    }
  }

  abstract static class MidPad extends Tail {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

    MidPad(int capacity) {
      super(capacity);
    }
  }

  abstract static class Head extends MidPad {
    /** Consumer's next slot; touched only with the queue's lock held. */
    long head;

    Head(int capacity) {
      super(capacity);
    }
  }

  abstract static class HeadPad extends Head {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

    HeadPad(int capacity) {
      super(capacity);
    }
  }
}
