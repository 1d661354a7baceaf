package io.github.asyncgraphdataflow.queue;

import java.util.List;

/**
 * A custom input queue for one node. It decides what the node's workers take out, and when:
 * it may be pre-loaded, transform or batch what is put in, combine items from several sources,
 * or reorder them.
 *
 * <p>An implementation holds data only; the executor does all waiting and waking. <b>Every
 * method is called while the executor holds this queue's lock</b>, one call at a time, so an
 * implementation needs no synchronization of its own and must never block. The executor:
 * <ul>
 *   <li>calls {@link #connect} once, before anything runs, with the node's name and its
 *       sources (a queue that expects certain sources checks them there);
 *   <li>calls {@link #put} with each item a source emits, while {@link #isFull(String)} is
 *       false for that source (a producer waits while it is true: back-pressure, per source;
 *       by default the same for every source, {@link #isFull()});
 *   <li>calls {@link #next()} whenever {@link #hasNext(long)} is true and a worker is free;
 *   <li>calls {@link #sourcesFinished()} once, when every source node has finished (at once for
 *       a node with no incoming edge). After it, the queue must make everything it holds
 *       available: the node's workers stop when {@code hasNext} is false after
 *       {@code sourcesFinished}. This is how a batching queue flushes its last partial batch
 *       without an end marker;
 *   <li>calls {@link #sourceFinished(String)} when one source node has finished, before
 *       {@code sourcesFinished()} if it was the last;
 *   <li>reads {@link #dropped()} after each call that changes the queue, and counts what the
 *       queue threw away on its own (a join's unmatched items) as the node's {@code discarded};
 *   <li>calls {@link #discardAll()} when the graph halts.
 * </ul>
 * A producer waiting for room waits only for its own source's {@code isFull(source)} to turn
 * false, and is woken after every put, take and finished source, so a queue whose room for one
 * source depends on items from another (a join) cannot block the source that would unblock it.
 * A queue whose content becomes ready with time alone (a batch's maximum wait) says so through
 * {@link #nanosUntilReady(long)}, so an idle worker wakes up in time.
 *
 * <p>Give a node a queue with {@code NodeOptions.builder().queue(() -> new MyQueue())}; the
 * supplier is called once per execution, so each run starts from a fresh queue (fill it in the
 * supplier to pre-load it). Ready-made queues: {@link FifoQueue}, {@link PriorityNodeQueue},
 * {@link BatchingQueue}, {@link JoinQueue}.
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
   * Whether the queue refuses more items from one source for now; by default
   * {@link #isFull()}. A queue that keeps a buffer per source (a join) overrides it, so that a
   * source far ahead waits while the others still feed it.
   *
   * @param source the name of the node about to put an item
   * @return true while that source's producers must wait
   */
  default boolean isFull(String source) {
    return isFull();
  }

  /**
   * Says which node this queue feeds and which nodes have an edge to it; called once per
   * execution, before anything runs. The default accepts anything.
   *
   * @param node the name of the node whose input this queue is
   * @param sources the names of the nodes with an edge to it, in the order the edges were added
   * @throws IllegalArgumentException if the queue cannot work with these sources; the
   *     execution is then refused before anything runs
   */
  default void connect(String node, List<String> sources) {}

  /**
   * Says that one source node has finished: it will put nothing more.
   *
   * @param source the name of the finished node
   */
  default void sourceFinished(String source) {}

  /**
   * How many items that were {@link #put} this queue has thrown away on its own so far (not
   * counting {@link #discardAll()}), such as a join's unmatched items; the executor counts
   * them as the node's {@code discarded}. The default is 0: the queue throws nothing away.
   *
   * @return a count that never decreases
   */
  default long dropped() {
    return 0;
  }

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
