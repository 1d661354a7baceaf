package io.github.asyncgraphdataflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one call of {@link AsyncExecutor#execute} did: the same statistics and exceptions the
 * executor exposes, frozen at the end of the run, plus whether and where it halted.
 *
 * @param stats per node, in the order nodes were added
 * @param exceptions per node, oldest first, at most {@code maxExceptions} each
 * @param haltedBy the node whose failure (or error budget) halted the graph, or {@code null}
 *     if it ran to the end or something else halted it
 * @param elapsed wall time of the execution
 * @param haltReason why the graph halted, or {@code null} if it ran to the end
 * @param failures per node, the same failures as {@code exceptions} with the item each call
 *     was given, oldest first
 */
public record ExecutionResult(
    Map<String, NodeStats> stats,
    Map<String, List<Throwable>> exceptions,
    String haltedBy,
    Duration elapsed,
    HaltReason haltReason,
    Map<String, List<Failure>> failures) {

  /** Copies the maps so the result is immutable. */
  public ExecutionResult {
    stats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stats));
    exceptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exceptions));
    if (haltReason == null && haltedBy != null) {
      haltReason = HaltReason.FAILURE;
    }
    failures = failures == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failures));
  }

  /**
   * A result without a halt reason (a halt by a node is a {@link HaltReason#FAILURE}) and
   * without failures.
   *
   * @param stats per node
   * @param exceptions per node
   * @param haltedBy the halting node, or {@code null}
   * @param elapsed wall time
   */
  public ExecutionResult(Map<String, NodeStats> stats, Map<String, List<Throwable>> exceptions,
      String haltedBy, Duration elapsed) {
    this(stats, exceptions, haltedBy, elapsed, null, null);
  }

  /**
   * Whether the graph halted (a failure, an error budget, the time limit, a cancel).
   *
   * @return true if halted
   */
  public boolean halted() {
    return haltReason != null;
  }

  /**
   * The node whose failure halted the graph.
   *
   * @return the node's name, if halted
   */
  public Optional<String> haltingNode() {
    return Optional.ofNullable(haltedBy);
  }

  /**
   * The total of {@code err} over every node.
   *
   * @return the number of errors in this run
   */
  public long errorCount() {
    return stats.values().stream().mapToLong(NodeStats::err).sum();
  }
}
