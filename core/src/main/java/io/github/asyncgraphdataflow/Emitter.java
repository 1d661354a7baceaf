package io.github.asyncgraphdataflow;

/**
 * Hands the items a node produces to every destination of that node.
 *
 * <p>A node function receives an emitter and calls {@link #emit} once per output item (it
 * plays the part of {@code yield} in the Python original). Each item goes to the input queue of every
 * destination node (fan-out is a broadcast). {@code emit} blocks while a destination queue is
 * full, which is how back-pressure travels upstream.
 *
 * <p>{@code emit} returns once the item is in every destination's queue: a function that
 * emits and then blocks (on I/O, say) or runs for the whole
 * execution (a source) never holds items back from its destinations. A {@code null} item is a
 * legal item. A {@link Throwable}
 * emitted as an item is not passed on: it counts as an error of the emitting node, exactly as
 * if the function had thrown it, and the node goes on running.
 *
 * <p><b>Thread-safety:</b> an emitter is confined to the worker thread that called the node
 * function and is valid only while that call runs. Using it from another thread, or after the
 * function returned, throws {@link IllegalStateException} and changes nothing.
 *
 * @param <T> the type of item this node emits
 */
@FunctionalInterface
public interface Emitter<T> {

  /**
   * Sends one item to every destination node.
   *
   * @param item the item, possibly {@code null}
   * @throws InterruptedException if the worker is interrupted while waiting for room in a
   *     destination queue (the graph is halting, or the caller of {@code execute} was
   *     interrupted); let it propagate out of the node function
   * @throws IllegalStateException if called from a thread other than the worker's, or after
   *     the node function returned
   */
  void emit(T item) throws InterruptedException;
}
