package io.github.asyncgraphdataflow;

import java.io.Serializable;

/**
 * A node function that takes one input: called once per item in the node's queue.
 *
 * <p>The item is passed whole: a one-input Java function declares the type it wants, so it is
 * never spread (see {@link NodeFunction2} for functions that take several inputs).
 *
 * {@snippet :
 * graph.addNode("double", (Integer x, Emitter<Integer> out) -> out.emit(x * 2));
 * }
 *
 * <p>It is {@link Serializable} only so that a method reference's name can be read as the
 * node's default name; nothing is ever serialized.
 *
 * @param <I> the input type
 * @param <O> the type of item emitted
 */
@FunctionalInterface
public interface NodeFunction<I, O> extends Serializable {

  /**
   * Processes one input.
   *
   * @param input the item taken from the node's queue (possibly {@code null})
   * @param out where to send each produced item
   * @throws Exception any failure, counted as an error of the node
   */
  void apply(I input, Emitter<O> out) throws Exception;
}
