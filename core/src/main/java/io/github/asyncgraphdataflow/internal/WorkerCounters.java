package io.github.asyncgraphdataflow.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker's counters. Thread-safety: each field has its worker as its only writer, which
 * updates it with a release store ({@code lazySet}: no fence on the hot path); any thread may
 * read it. Summed over a node's workers they give the node's {@code out}, {@code calls},
 * {@code retries} and {@code active}.
 */
final class WorkerCounters {
  final AtomicLong out = new AtomicLong();
  final AtomicLong calls = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  /** 1 while the worker is inside a call of the node function, else 0. */
  final AtomicInteger active = new AtomicInteger();

  static void increment(AtomicLong counter) {
    counter.lazySet(counter.get() + 1);
  }
}
