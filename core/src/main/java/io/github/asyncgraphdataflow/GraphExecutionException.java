package io.github.asyncgraphdataflow;

import java.io.Serial;

/**
 * Thrown by {@link ExecutionResult#throwIfFailed()} when a run had failures or halted. The
 * message names every failing node with its {@code err} count and the oldest kept and the most
 * recent exception message; the cause is the most recent exception of the first failing node,
 * and the most recent exception of each other failing node is attached as suppressed.
 *
 * {@snippet :
 * try {
 *   new AsyncExecutor(graph).execute().throwIfFailed();
 * } catch (GraphExecutionException e) {
 *   ExecutionResult result = e.result(); // every statistic and kept exception
 * }
 * }
 */
public final class GraphExecutionException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  /** The result (not serialized). */
  private final transient ExecutionResult result;

  /**
   * Creates the exception.
   *
   * @param message the failing nodes
   * @param cause the most recent exception of the first failing node, or {@code null}
   * @param result the failed run's result
   */
  public GraphExecutionException(String message, Throwable cause, ExecutionResult result) {
    super(message, cause);
    this.result = result;
  }

  /**
   * The result of the failed run.
   *
   * @return the result, or {@code null} after deserialization
   */
  public ExecutionResult result() {
    return result;
  }
}
