package io.github.asyncgraphdataflow.benchmarks;

/**
 * Physical references, with no library at all. W4: the same {@link Work} on one thread and
 * statically split over two platform threads. W3: the sleeps alone ({@link #sleepFloor}). They
 * bound what any scheduler can reach.
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

  /**
   * W3's floor: {@link Library#IO_CONCURRENCY} virtual threads, each sleeping
   * {@link Library#IO_WAIT_MS} ms, {@code n / IO_CONCURRENCY} times in a row; no queue, no
   * hand-over. What W3 would take if moving items cost nothing: the JDK's timer and
   * virtual-thread scheduler alone.
   */
  static void sleepFloor(int n) throws InterruptedException {
    int rounds = n / Library.IO_CONCURRENCY;
    java.util.concurrent.atomic.LongAdder done = new java.util.concurrent.atomic.LongAdder();
    Thread[] threads = new Thread[Library.IO_CONCURRENCY];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = Thread.ofVirtual().start(() -> {
        try {
          for (int r = 0; r < rounds; r++) {
            Thread.sleep(Library.IO_WAIT_MS);
            done.increment();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    for (Thread t : threads) {
      t.join();
    }
    long sleeps = (long) rounds * threads.length;
    Check.result("W3 sleep floor", sleeps, done.sum(), sleeps, done.sum());
  }

  private static long range(int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += Work.work(i);
    }
    return s;
  }
}
