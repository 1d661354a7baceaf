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
 * @param haltedBy the node whose failure halted the graph, or {@code null} if it ran to the end
 * @param elapsed wall time of the execution
 */
public record ExecutionResult(
    Map<String, NodeStats> stats,
    Map<String, List<Throwable>> exceptions,
    String haltedBy,
    Duration elapsed) {

  /** Copies the maps so the result is immutable. */
  public ExecutionResult {
    stats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stats));
    exceptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exceptions));
  }

  /**
   * Whether a failure halted the graph.
   *
   * @return true if halted
   */
  public boolean halted() {
    return haltedBy != null;
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
