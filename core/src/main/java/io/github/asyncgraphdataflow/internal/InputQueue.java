package io.github.asyncgraphdataflow.internal;

/**
 * A node's input queue as the workers see it: blocking batch hand-over with an end of stream
 * and a halt. Implementations are thread-safe.
 */
interface InputQueue {

  /**
   * Puts {@code items[0..n)}, waiting while the queue is full.
   *
   * @return how many were put: {@code n}, or fewer only when the queue halted or the thread
   *     was interrupted while waiting (its interrupt flag is then set again)
   */
  int putAll(Object[] items, int n, String source);

  /**
   * Takes up to {@code max} items into {@code buf}, waiting while none is ready. With several
   * workers, a taker takes at most its fair share of what is queued.
   *
   * @return how many were taken (at least 1), or -1 at end of stream or after a halt
   * @throws InterruptedException if interrupted while waiting
   */
  int take(Object[] buf, int max, int workers) throws InterruptedException;

  /** No source will put anything more. */
  void sourcesFinished();

  /**
   * Throws away what is queued and wakes every waiting thread; later calls return at once.
   *
   * @return how many items were thrown away
   */
  long halt();
}
