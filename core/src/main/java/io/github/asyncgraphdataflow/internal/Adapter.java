package io.github.asyncgraphdataflow.internal;

/**
 * A node function built around another function (by {@code Nodes.map} and friends), so the
 * node's default name is the wrapped method reference's name.
 */
public interface Adapter {

  /**
   * The wrapped user function.
   *
   * @return the function whose name the node takes
   */
  Object delegate();
}
