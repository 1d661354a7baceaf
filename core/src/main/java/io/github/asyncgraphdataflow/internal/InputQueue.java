package io.github.asyncgraphdataflow.internal;

/**
 * A node's input queue as the workers see it: producers hand items over through a
 * {@link Sink} each, the node's workers take them in batches; end of stream and halt end it.
 * Implementations are thread-safe, and count every item they are handed in the node's
 * {@code in} (or report it through {@link #handedOver()}), and every item they throw away in
 * its {@code discarded}.
 */
interface InputQueue {
  /** The most items one take moves. */
  int MAX_TAKE = 256;

  /**
   * The most one of {@code workers} takers takes at once out of {@code items} queued: all of
   * them (up to {@link #MAX_TAKE}) for a lone worker, else a quarter of an even split (at least
   * 1), so that items left queued are there for the other workers. A worker's take buffer is
   * this share of the queue's capacity.
   *
   * @param items queued items (or the capacity, for a buffer's size)
   * @param workers the node's workers
   * @return 1 to {@link #MAX_TAKE}
   */
  static int share(int items, int workers) {
    return workers == 1 ? MAX_TAKE : Math.max(1, Math.min(MAX_TAKE, items / (workers * 4)));
  }

  /**
   * A hand-over point for one producing worker; made before any thread starts.
   *
   * @param source the producing node's name
   * @return a sink to be used by that worker's thread only
   */
  Sink sink(String source);

  /**
   * Takes up to {@code max} items into {@code buf}, waiting while none is ready. With several
   * workers, a taker takes at most its fair share of what is queued.
   *
   * @return how many were taken (at least 1), or -1 at end of stream or after a halt
   * @throws InterruptedException if interrupted while waiting
   */
  int take(Object[] buf, int max, int workers) throws InterruptedException;

  /**
   * Items handed over that are counted in no counter yet (those a producer put where takers
   * see them without a lock); the node's {@code in} is its counter plus this.
   *
   * @return a count that never decreases
   */
  default long handedOver() {
    return 0;
  }

  /**
   * About how many items wait in this queue now; read without the lock, so possibly a little
   * stale, never negative.
   *
   * @return the number of queued items
   */
  int size();

  /**
   * Says which node this queue feeds and its sources; called once, before any thread starts.
   *
   * @param node the node's name
   * @param sources the names of the nodes with an edge to it
   */
  default void connect(String node, java.util.List<String> sources) {}

  /**
   * One source node finished (called before {@link #sourcesFinished()} for the last one).
   *
   * @param source the finished node's name
   */
  default void sourceFinished(String source) {}

  /** No source will put anything more. */
  void sourcesFinished();

  /** Throws away (and counts) what is queued, wakes every waiting thread; later calls end. */
  void halt();

  /** One producing worker's way into a queue. */
  interface Sink {

    /**
     * Hands one item over, waiting while the queue is full. The item is always counted: as
     * {@code in}, and also as {@code discarded} if it cannot be delivered.
     *
     * @throws io.github.asyncgraphdataflow.GraphHaltedException if the graph halted
     * @throws InterruptedException if interrupted while waiting for room
     */
    void put(Object item) throws InterruptedException;

    /** After a halt: throws away (and counts) anything this producer still has in hand. */
    default void discard() {}
  }
}
