package io.github.asyncgraphdataflow.benchmarks;

/**
 * The result check every workload run ends with: a wrong count or checksum throws, so a
 * benchmark can never report a fast but wrong run.
 */
public final class Check {
  private Check() {}

  /**
   * Throws unless the count and checksum are the expected ones.
   *
   * @param what the workload and library, for the message
   * @param expectedCount how many items the sink must have seen
   * @param count how many it saw
   * @param expectedSum the sum it must have computed
   * @param sum the sum it computed
   */
  public static void result(String what, long expectedCount, long count, long expectedSum,
      long sum) {
    if (count != expectedCount || sum != expectedSum) {
      throw new IllegalStateException("WRONG RESULT in " + what + ": count " + count
          + " (expected " + expectedCount + "), checksum " + sum + " (expected " + expectedSum
          + ")");
    }
  }

  /** W1: the sum of x + 1 for x in [0, n). */
  static long linearSum(long n) {
    return n * (n + 1) / 2;
  }

  /** W2: the sum of 2x and 3x for x in [0, n). */
  static long diamondSum(long n) {
    return 5 * (n * (n - 1) / 2);
  }

  /** W3: the sum of x for x in [0, n). */
  static long identitySum(long n) {
    return n * (n - 1) / 2;
  }
}
