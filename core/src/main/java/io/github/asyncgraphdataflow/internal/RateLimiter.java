package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.GraphHaltedException;
import io.github.asyncgraphdataflow.RateLimit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One node's rate limit during one execution: a generic cell rate algorithm (GCRA) over a
 * single "theoretical arrival time", shared by the node's workers.
 *
 * <p>Each {@link #acquire} reserves the next permit with one compare-and-set, then sleeps
 * until the permit is due: permits are {@code interval} apart, and a caller may run up to
 * {@code (burst - 1) * interval} ahead of that schedule, so at most {@code burst} calls start
 * at once. Reservations are first come, first served; a reserved permit is never given back.
 *
 * <p>Thread-safety: lock-free (one {@link AtomicLong}). Termination: a wait is a sleep with a
 * deadline, no spinning; a halt interrupts the worker, which then throws
 * {@link GraphHaltedException} at once.
 */
final class RateLimiter {
  private final long interval;
  private final long tolerance;
  private final AtomicLong tat;

  RateLimiter(RateLimit limit) {
    this.interval = limit.interval().toNanos();
    this.tolerance = interval * (limit.burst() - 1L);
    this.tat = new AtomicLong(System.nanoTime());
  }

  /** Waits for the next permit; throws GraphHaltedException if the graph halts meanwhile. */
  void acquire(Execution execution) {
    long due;
    while (true) {
      long now = System.nanoTime();
      long t = tat.get();
      due = Math.max(now, t - tolerance);
      long next = Math.max(t, due) + interval;
      if (tat.compareAndSet(t, next)) {
        break;
      }
    }
    sleepUntil(due, execution);
  }

  /** Sleeps until the deadline (System.nanoTime); a halt ends the sleep with an exception. */
  static void sleepUntil(long deadline, Execution execution) {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      if (execution.halted()) {
        throw new GraphHaltedException("The graph halted");
      }
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        // the halt's interrupt (checked above on the next turn); any other is not ours to keep
      }
    }
    if (execution.halted()) {
      throw new GraphHaltedException("The graph halted");
    }
  }
}
