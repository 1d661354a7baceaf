package io.github.asyncgraphdataflow.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One worker's counters. Thread-safety: each field has its worker as its only writer, which
 * updates it with a release store (no fence on the hot path); any thread may read it (opaque
 * reads). Summed over a node's workers they give the node's {@code out}, {@code calls},
 * {@code retries} and {@code active}.
 *
 * <p>The counters sit between two blocks of padding ({@link CounterPadding}): the workers of
 * neighbouring nodes are created one after the other, and without it their counters shared
 * cache lines, so each item passed down a chain moved those lines between cores (measured in
 * BENCHMARKS.md, W1).
 */
final class WorkerCounters extends CounterPadding.Right {
  private static final VarHandle OUT = handle("out", long.class);
  private static final VarHandle CALLS = handle("calls", long.class);
  private static final VarHandle RETRIES = handle("retries", long.class);
  private static final VarHandle ACTIVE = handle("active", int.class);

  private static VarHandle handle(String field, Class<?> type) {
    try {
      return MethodHandles.lookup().findVarHandle(CounterPadding.Fields.class, field, type);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Owner only. */
  void addOut() {
    OUT.setRelease(this, out + 1);
  }

  /** Owner only. */
  void addCall() {
    CALLS.setRelease(this, calls + 1);
  }

  /** Owner only. */
  void addRetry() {
    RETRIES.setRelease(this, retries + 1);
  }

  /** Owner only: 1 while the worker is inside a call of the node function, else 0. */
  void active(boolean inCall) {
    ACTIVE.setRelease(this, inCall ? 1 : 0);
  }

  long out() {
    return (long) OUT.getOpaque(this);
  }

  long calls() {
    return (long) CALLS.getOpaque(this);
  }

  long retries() {
    return (long) RETRIES.getOpaque(this);
  }

  int active() {
    return (int) ACTIVE.getOpaque(this);
  }
}

/**
 * Padding around {@link WorkerCounters}' fields: a superclass's fields come before its
 * subclass's in an object, so the counters start 128 bytes after the object's header and end
 * 128 bytes before its end (two cache lines each side, for CPUs that fetch lines in pairs).
 */
@SuppressWarnings("unused")
final class CounterPadding {
  private CounterPadding() {}

  abstract static class Left {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
  }

  abstract static class Fields extends Left {
    long out;
    long calls;
    long retries;
    int active;
  }

  abstract static class Right extends Fields {
    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;
  }
}
