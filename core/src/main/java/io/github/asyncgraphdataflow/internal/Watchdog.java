package io.github.asyncgraphdataflow.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The per-call timeouts of one execution: one timer thread (from the executor's thread
 * factory, virtual by default, named {@code agdf-timeouts}) for every node's calls, no thread
 * per call and no timer task per call.
 *
 * <p>Each worker of a node with a timeout has a {@link Slot}. A call {@linkplain Slot#arm arms}
 * it (writes its deadline, then a volatile {@code running} flag: two stores, no lock) and
 * {@linkplain Slot#disarm disarms} it when it returns (under the slot's monitor). The timer
 * thread wakes every {@code period} ({@code min timeout / 8}, between 1 ms and 100 ms), and
 * interrupts, under the slot's monitor, each worker whose running call is past its deadline.
 * So a call is interrupted at most {@code period} after its deadline, and, because firing and
 * disarming are serialized by the monitor and the timer re-reads the deadline of the call
 * running then, a late timer never reaches the next call: once {@code disarm} returns, the
 * worker may clear any interrupt the timer set.
 *
 * <p>Thread-safety: slots are registered by their worker (once) and read by the timer through
 * a copy-on-write list; each slot's state is volatile and fired/disarmed under its monitor.
 * Termination: {@link #shutdown} stops the timer's loop and joins its thread, so it never
 * outlives the execution.
 */
final class Watchdog {
  private static final long MIN_PERIOD = 1_000_000L;
  private static final long MAX_PERIOD = 100_000_000L;
  private final List<Slot> slots = new CopyOnWriteArrayList<>();
  private final long period;
  private final Thread thread;
  private volatile boolean stopped;

  Watchdog(ThreadFactory factory, long minTimeoutNanos) {
    this.period = Math.max(MIN_PERIOD, Math.min(MAX_PERIOD, minTimeoutNanos / 8));
    this.thread = factory.newThread(this::watch);
    thread.setName("agdf-timeouts");
  }

  /** Starts the timer thread; called once, before the workers start. */
  void start() {
    thread.start();
  }

  /** A slot for the calling worker thread; each worker registers once. */
  Slot register() {
    Slot slot = new Slot(Thread.currentThread());
    slots.add(slot);
    return slot;
  }

  private void watch() {
    while (!stopped) {
      LockSupport.parkNanos(this, period);
      long now = System.nanoTime();
      for (Slot slot : slots) {
        slot.check(now);
      }
    }
  }

  /** Stops the timer thread and waits for it to end. */
  void shutdown() {
    stopped = true;
    LockSupport.unpark(thread);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** One worker's call clock. */
  static final class Slot {
    private final Thread worker;
    private long deadline;
    private volatile boolean running;
    /** Guarded by this. */
    private boolean fired;

    Slot(Thread worker) {
      this.worker = worker;
    }

    /** Starts the clock of a call of the worker (on the worker's thread). */
    void arm(long nanos) {
      deadline = System.nanoTime() + nanos;
      running = true; // publishes the deadline
    }

    /**
     * Ends the call's clock (on the worker's thread); after it returns the timer cannot
     * interrupt this call any more.
     *
     * @return true if the call timed out (the worker was interrupted for it)
     */
    synchronized boolean disarm() {
      running = false;
      boolean timedOut = fired;
      fired = false;
      return timedOut;
    }

    private void check(long now) {
      if (running && now - deadline >= 0) {
        synchronized (this) {
          if (running && !fired && now - deadline >= 0) {
            fired = true;
            worker.interrupt();
          }
        }
      }
    }
  }
}
