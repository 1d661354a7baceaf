package io.github.asyncgraphdataflow;

/**
 * Why an execution halted ({@link ExecutionResult#haltReason()}).
 *
 * {@snippet :
 * ExecutionResult result = executor.execute();
 * if (result.haltReason() == HaltReason.TIME_LIMIT) {
 *   System.out.println("ran out of time; discarded items are in the statistics");
 * }
 * }
 */
public enum HaltReason {
  /**
   * A failure where halting is on ({@link AsyncGraph#AsyncGraph(boolean)},
   * {@link NodeOptions.Builder#haltOnException}), a failing custom queue, or an {@link Error}.
   */
  FAILURE,
  /**
   * A node reached its error budget ({@link NodeOptions.Builder#maxErrors}), or the graph
   * reached the executor's ({@link AsyncExecutor.Builder#maxErrors}).
   */
  ERROR_BUDGET,
  /** The executor's time limit was up ({@link AsyncExecutor.Builder#timeLimit}). */
  TIME_LIMIT,
  /** {@link AsyncExecutor#cancel()} was called. */
  CANCELLED,
  /** The thread that called {@code execute} was interrupted ({@code execute} throws). */
  INTERRUPTED
}
