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

  /**
   * Fails fast when this run did not go cleanly: throws if any node has an {@code err} or the
   * graph halted, and otherwise returns this result.
   *
   * {@snippet :
   * ExecutionResult result = new AsyncExecutor(graph).execute().throwIfFailed();
   * }
   *
   * @return this result, when no node failed and the graph did not halt
   * @throws GraphExecutionException naming every failing node with its {@code err} count and
   *     its oldest kept and most recent exception (the cause is the first failing node's most
   *     recent exception; the other nodes' most recent ones are suppressed exceptions of it)
   */
  public ExecutionResult throwIfFailed() {
    if (errorCount() == 0 && !halted()) {
      return this;
    }
    StringBuilder message = new StringBuilder();
    List<Throwable> latest = new java.util.ArrayList<>();
    int failing = 0;
    for (Map.Entry<String, NodeStats> e : stats.entrySet()) {
      long err = e.getValue().err();
      if (err == 0) {
        continue;
      }
      failing++;
      List<Throwable> kept = exceptions.getOrDefault(e.getKey(), List.of());
      message.append(failing == 1 ? "" : "; ").append("node '").append(e.getKey())
          .append("' err=").append(err);
      if (!kept.isEmpty()) {
        Throwable last = kept.get(kept.size() - 1);
        latest.add(last);
        if (kept.size() > 1) {
          message.append(", oldest kept: ").append(kept.get(0));
        }
        message.append(", last: ").append(last);
      }
    }
    String head = failing == 0 ? "The graph execution failed"
        : "The graph execution had failures in " + failing + " node(s): ";
    if (halted()) {
      message.append(failing == 0 ? "" : "; ").append(haltDescription());
    }
    GraphExecutionException failure = new GraphExecutionException(
        head + (failing == 0 ? ": " : "") + message, latest.isEmpty() ? null : latest.get(0), this);
    for (int i = 1; i < latest.size(); i++) {
      failure.addSuppressed(latest.get(i));
    }
    throw failure;
  }

  /**
   * A summary table: one row per node with {@code in}, {@code out}, {@code err},
   * {@code discarded} and {@code calls}, then whether and by which node the graph halted and
   * how long the run took.
   *
   * @return the table, several lines
   */
  @Override
  public String toString() {
    String[] head = {"node", "in", "out", "err", "discarded", "calls"};
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(head);
    for (Map.Entry<String, NodeStats> e : stats.entrySet()) {
      NodeStats s = e.getValue();
      rows.add(new String[] {e.getKey(), num(s.in()), num(s.out()), num(s.err()),
          num(s.discarded()), num(s.calls())});
    }
    int[] width = new int[head.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder b = new StringBuilder("ExecutionResult (")
        .append(halted() ? haltDescription() : "ran to the end")
        .append(", ").append(num(errorCount())).append(" error(s), ")
        .append(elapsed == null ? "?" : elapsed.toMillis() + " ms").append(")");
    for (String[] row : rows) {
      b.append(System.lineSeparator());
      for (int c = 0; c < row.length; c++) {
        String cell = row[c];
        String pad = " ".repeat(width[c] - cell.length());
        b.append(c == 0 ? cell + pad : "  " + pad + cell); // names left, numbers right
      }
    }
    return b.toString();
  }

  private String haltDescription() {
    if (haltedBy == null) {
      return "halted (" + haltReason + ")";
    }
    return "halted by node '" + haltedBy + "'"
        + (haltReason == HaltReason.FAILURE ? "" : " (" + haltReason + ")");
  }

  private static String num(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
