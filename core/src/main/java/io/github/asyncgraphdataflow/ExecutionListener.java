package io.github.asyncgraphdataflow;

/**
 * Hears what happens during an execution, for metrics, tracing or a live view: the seam that
 * adapter modules (Micrometer, the live page) plug into, so the core needs no metrics library.
 *
 * <p>Every method has an empty default; override what you need. Register listeners with
 * {@link AsyncExecutor.Builder#listener(ExecutionListener)}. When no listener is registered
 * the executor does no per-call work for them at all (not even reading the clock).
 *
 * {@snippet :
 * AsyncExecutor executor = AsyncExecutor.builder(graph)
 *     .listener(new ExecutionListener() {
 *       @Override
 *       public void callFinished(String node, long nanos, Throwable failure) {
 *         System.out.println(node + " took " + nanos + " ns" + (failure == null ? "" : ", failed"));
 *       }
 *     })
 *     .build();
 * }
 *
 * <p><b>Thread-safety:</b> methods are called on the workers' threads, concurrently, so an
 * implementation must be thread-safe, and should be quick: a call blocks the worker that made
 * it. An exception thrown by a listener is caught and logged at WARN; it never affects the
 * graph.
 */
public interface ExecutionListener {

  /**
   * An execution is about to start its workers.
   *
   * @param graph the graph being run
   */
  default void executionStarted(AsyncGraph graph) {}

  /**
   * A call of a node's function returned or threw (for a retried item: each attempt).
   *
   * @param node the node's name
   * @param nanos how long the call took
   * @param failure what it threw, or {@code null} if it returned normally
   */
  default void callFinished(String node, long nanos, Throwable failure) {}

  /**
   * A failure was counted in a node's {@code err}: a call that failed for good, or a
   * {@link Throwable} the node emitted.
   *
   * @param node the node's name
   * @param failure the failure
   */
  default void failed(String node, Throwable failure) {}

  /**
   * The graph halted.
   *
   * @param node the node whose failure halted it, or {@code null} if something else did
   *     (an interrupt of the caller, a cancel, a time limit)
   */
  default void halted(String node) {}

  /**
   * The execution ended; called once, by the thread that called {@code execute}, before it
   * returns (also when it then throws).
   *
   * @param result the final statistics, or {@code null} if {@code execute} throws
   */
  default void executionFinished(ExecutionResult result) {}
}
