package io.github.asyncgraphdataflow;

import java.io.Serializable;

/**
 * A node function that takes 2 inputs, spread from each item: its parts by position, or
 * its entries by parameter name.
 *
 * <p>With {@link NodeOptions#unpackInput()} on (the default) an item is spread over the
 * parameters by position when it is a record (such as {@link Tuple2}), an array, or a
 * {@link java.util.List}, and bound by name when it is a {@code Map<String, ?>} and the
 * parameter names are known (see {@link NodeOptions.Builder#parameterNames}). An item that
 * cannot fill exactly 2 parameters is a failed call, counted as an error of the node.
 *
 * <p>It is {@link Serializable} only so that a method reference's name and parameter names
 * can be read; nothing is ever serialized.
 *
 * @param <A> input 1
 * @param <B> input 2
 * @param <O> the type of item emitted
 */
@FunctionalInterface
public interface NodeFunction2<A, B, O> extends Serializable {

  /**
   * Processes one item spread over 2 inputs.
   *
   * @param a input 1
   * @param b input 2
   * @param out where to send each produced item
   * @throws Exception any failure, counted as an error of the node
   */
  void apply(A a, B b, Emitter<O> out) throws Exception;
}
