package io.github.asyncgraphdataflow.benchmarks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * W4's CPU work: a fixed number of rounds of a 64-bit xor-shift-multiply mix seeded by the
 * item. Each round depends on the previous one and mixes shift, xor and multiply, so the JIT
 * can neither vectorise, reassociate nor skip it (a plain LCG step it can fold after unrolling); the count was calibrated once to about 20 µs on the project's 2-core machine and is
 * then fixed, so every library does exactly the same work.
 */
public final class Work {
  /** Mixing rounds per item (about 20 µs on the reference machine). */
  public static final int STEPS = 12_500;

  /** The W4 size the runner uses; its expected checksum is a constant so no run recomputes it. */
  static final int STANDARD_ITEMS = 200_000;

  /** {@code sumOf(STANDARD_ITEMS)}, computed once (4 s) and checked by every standard run. */
  static final long STANDARD_SUM = 1_674_482_552_100L;

  private static final ConcurrentMap<Integer, Long> EXPECTED = new ConcurrentHashMap<>();

  private Work() {}

  /**
   * The work for one item.
   *
   * @param x the item
   * @return a deterministic 24-bit value
   */
  public static long work(int x) {
    long h = x * 0x9E3779B97F4A7C15L + 1;
    for (int i = 0; i < STEPS; i++) {
      h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
    }
    return h >>> 40;
  }

  /**
   * The sum of {@link #work} over [0, n), computed once per size and process.
   *
   * @param n the item count
   * @return the expected checksum
   */
  public static long expectedSum(int n) {
    if (n == STANDARD_ITEMS) {
      return STANDARD_SUM;
    }
    return EXPECTED.computeIfAbsent(n, Work::sumOf);
  }

  static long sumOf(int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += work(i);
    }
    return s;
  }
}
