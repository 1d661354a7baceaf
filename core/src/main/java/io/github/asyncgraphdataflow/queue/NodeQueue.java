package io.github.asyncgraphdataflow.queue;

/**
 * A custom input queue for one node: the counterpart of giving the original's {@code add_node}
 * its own {@code asyncio.Queue} subclass. It decides what the node's workers take out, and when:
 * it may be pre-loaded, transform or batch what is put in, combine items from several sources,
 * or reorder them.
 *
 * <p>An implementation holds data only; the executor does all waiting and waking. <b>Every
 * method is called while the executor holds this queue's lock</b>, one call at a time, so an
 * implementation needs no synchronization of its own and must never block. The executor:
 * <ul>
 *   <li>calls {@link #put} with each item a source emits, while {@link #isFull()} is false
 *       (a producer waits while it is true: back-pressure);
 *   <li>calls {@link #next()} whenever {@link #hasNext(long)} is true and a worker is free;
 *   <li>calls {@link #sourcesFinished()} once, when every source node has finished (at once for
 *       a node with no incoming edge). After it, the queue must make everything it holds
 *       available: the node's workers stop when {@code hasNext} is false after
 *       {@code sourcesFinished}. This is how a batching queue flushes its last partial batch
 *       without an end marker;
 *   <li>calls {@link #discardAll()} when the graph halts.
 * </ul>
 * A queue whose content becomes ready with time alone (a batch's maximum wait) says so through
 * {@link #nanosUntilReady(long)}, so an idle worker wakes up in time.
 *
 * <p>Give a node a queue with {@code NodeOptions.builder().queue(() -> new MyQueue())}; the
 * supplier is called once per execution, so each run starts from a fresh queue (fill it in the
 * supplier to pre-load it). Ready-made queues: {@link FifoQueue}, {@link PriorityNodeQueue}, {@link BatchingQueue}.
 *
 * @param <I> what the sources emit into it
 * @param <O> what the node's function is given
 */
public interface NodeQueue<I, O> {

  /**
   * Whether the queue refuses more items for now.
   *
   * @return true while producers must wait
   */
  boolean isFull();

  /**
   * Adds an item. Called only while {@link #isFull()} is false.
   *
   * @param source the name of the node that emitted it
   * @param item the item, possibly {@code null}
   */
  void put(String source, I item);

  /**
   * Whether {@link #next()} has an item now.
   *
   * @param nowNanos the executor's {@link System#nanoTime()} reading
   * @return true if an item can be taken
   */
  boolean hasNext(long nowNanos);

  /**
   * Removes and returns the next item. Called only after {@link #hasNext} returned true.
   *
   * @return the item for the node's function, possibly {@code null}
   */
  O next();

  /** Says that no source will put anything more; make everything held available. */
  default void sourcesFinished() {}

  /**
   * How long until an item may become ready without any further {@code put}.
   *
   * @param nowNanos the executor's {@link System#nanoTime()} reading
   * @return nanoseconds, or {@link Long#MAX_VALUE} when only a {@code put} can make one ready
   */
  default long nanosUntilReady(long nowNanos) {
    return Long.MAX_VALUE;
  }

  /**
   * How many of the items put in (or pre-loaded) it holds now, for the statistics' live
   * {@code queued} gauge and for monitoring; {@code -1} (the default) when the queue does not
   * say, and the executor then estimates it from what was put in and taken out. The size the
   * queue reports when the execution starts is counted in the node's {@code in} (its
   * pre-loaded items), so a queue that is filled by its supplier should report it.
   *
   * @return the number of items held, or -1
   */
  default int size() {
    return -1;
  }

  /**
   * Throws away everything held, when the graph halts.
   *
   * @return how many items that were {@link #put} (or pre-loaded) are thrown away
   */
  long discardAll();
}
