package io.github.asyncgraphdataflow;

import java.time.Instant;
import java.util.Objects;

/**
 * One failure as kept by an execution ({@link AsyncExecutor#failures()},
 * {@link ExecutionResult#failures()}): which node, which input item, what was thrown, after
 * how many attempts, and when. So a failure can be acted upon (logged with its item, retried
 * later) without an error edge.
 *
 * {@snippet :
 * for (Failure f : result.failures().get("fetch")) {
 *   System.out.println(f.item() + ": " + f.error());
 * }
 * }
 *
 * <p>{@code item} is {@code null} for a failure outside any call (a custom queue that threw),
 * and the list of its start arguments for a start node's call. Keeping a failure keeps its
 * item reachable: at most {@code maxExceptions} failures are kept per node.
 *
 * @param node the node's name
 * @param item the item the failing call was given, or {@code null}
 * @param error what was thrown (or emitted)
 * @param attempts attempts made, 1 without a retry policy (0 outside any call)
 * @param at when the failure was recorded
 */
public record Failure(String node, Object item, Throwable error, int attempts, Instant at) {

  /** Checks the node, the error and the time are present. */
  public Failure {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(at, "at");
  }
}
