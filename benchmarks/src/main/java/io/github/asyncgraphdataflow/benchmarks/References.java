package io.github.asyncgraphdataflow.benchmarks;

/**
 * W4's physical references: the same {@link Work} with no library at all, on one thread and
 * statically split over two platform threads. They bound what any scheduler can reach.
 */
final class References {
  private References() {}

  /** One thread, one loop. */
  static void loop(int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Work.work(i);
    }
    Check.result("W4 single-thread loop", n, n, Work.expectedSum(n), sum);
  }

  /** Two platform threads, each summing one half of the range. */
  static void split(int n) throws InterruptedException {
    long[] sums = new long[2];
    int half = n / 2;
    Thread other = Thread.ofPlatform().start(() -> sums[1] = range(half, n));
    sums[0] = range(0, half);
    other.join();
    Check.result("W4 two-thread split", n, n, Work.expectedSum(n), sums[0] + sums[1]);
  }

  private static long range(int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += Work.work(i);
    }
    return s;
  }
}
