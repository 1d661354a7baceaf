package io.github.asyncgraphdataflow;

import java.io.Serializable;

/**
 * A node function that takes 4 inputs, spread from each item: its parts by position, or
 * its entries by parameter name.
 *
 * <p>With {@link NodeOptions#unpackInput()} on (the default) an item is spread over the
 * parameters by position when it is a record (such as {@link Tuple4}), an array, or a
 * {@link java.util.List}, and bound by name when it is a {@code Map<String, ?>} and the
 * parameter names are known (see {@link NodeOptions.Builder#parameterNames}). An item that
 * cannot fill exactly 4 parameters is a failed call, counted as an error of the node.
 *
 * <p>It is {@link Serializable} only so that a method reference's name and parameter names
 * can be read; nothing is ever serialized.
 *
 * @param <A> input 1
 * @param <B> input 2
 * @param <C> input 3
 * @param <D> input 4
 * @param <O> the type of item emitted
 */
@FunctionalInterface
public interface NodeFunction4<A, B, C, D, O> extends Serializable {

  /**
   * Processes one item spread over 4 inputs.
   *
   * @param a input 1
   * @param b input 2
   * @param c input 3
   * @param d input 4
   * @param out where to send each produced item
   * @throws Exception any failure, counted as an error of the node
   */
  void apply(A a, B b, C c, D d, Emitter<O> out) throws Exception;
}
