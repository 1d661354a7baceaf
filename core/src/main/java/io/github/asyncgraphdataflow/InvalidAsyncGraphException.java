package io.github.asyncgraphdataflow;

import java.io.Serial;

/**
 * Thrown when a graph would be invalid: an edge that closes a cycle, or an execution with no
 * start node.
 */
public class InvalidAsyncGraphException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the nodes at fault
   */
  public InvalidAsyncGraphException(String message) {
    super(message);
  }
}
