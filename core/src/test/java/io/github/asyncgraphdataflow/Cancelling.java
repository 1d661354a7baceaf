package io.github.asyncgraphdataflow;

import java.util.concurrent.CountDownLatch;

/** Test helper: cancels a run from another thread once the run has reached a given point. */
final class Cancelling {
  private Cancelling() {}

  /**
   * Starts a virtual thread that waits for {@code reached}, then cancels the executor's run
   * (trying again until the run is published: {@code execute} may not have started it yet).
   * Use only where the run cannot end without the cancel.
   *
   * @return the thread, to join after {@code execute} returns
   */
  static Thread once(CountDownLatch reached, AsyncExecutor executor) {
    return Thread.ofVirtual().start(() -> {
      try {
        reached.await();
        while (!executor.cancel()) {
          Thread.onSpinWait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
