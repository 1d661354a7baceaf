package io.github.asyncgraphdataflow.benchmarks;

import org.junit.jupiter.api.Test;

/**
 * CI's benchmark smoke test: every workload of every library once at a tiny size. It fails
 * only on a wrong count or checksum (or an exception); it never asserts on time.
 */
class SmokeTest {

  @Test
  void everyWorkloadOfEveryLibraryComputesTheRightResult() throws Exception {
    Smoke.runAll(System.out);
  }
}
