package io.github.asyncgraphdataflow;

import java.io.Serial;

/**
 * Thrown by {@link Emitter#emit} once the graph has halted: no node emits after a halt. Let it
 * propagate out of the node function; it is not counted as an error.
 */
public final class GraphHaltedException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which node halted the graph
   */
  public GraphHaltedException(String message) {
    super(message, null, false, false);
  }
}
