package io.github.asyncgraphdataflow.flink;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.Node;
import io.github.asyncgraphdataflow.NodeStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the job's accumulators into an {@link ExecutionResult}. */
final class Results {
  private Results() {}

  static ExecutionResult of(AsyncGraph graph, Map<String, Object> acc, String haltedBy,
      Duration elapsed) {
    return of(graph, acc, haltedBy, elapsed, null);
  }

  static ExecutionResult of(AsyncGraph graph, Map<String, Object> acc, String haltedBy,
      Duration elapsed, NodeFailure haltCause) {
    Map<String, NodeStats> stats = new LinkedHashMap<>();
    Map<String, List<Throwable>> exceptions = new LinkedHashMap<>();
    for (Node<?, ?> node : graph.nodes()) {
      String n = node.name();
      long in = count(acc, n, "in");
      long calls = count(acc, n, "calls");
      stats.put(n, new NodeStats(in, count(acc, n, "out"), count(acc, n, "err"), 0, calls, 0, 0,
          0));
      List<Throwable> kept = new ArrayList<>();
      if (acc.get(NodePlan.ACC + n + "|exceptions") instanceof List<?> list) {
        for (Object o : list) {
          kept.add(((KeptFailure) o).toException(n));
        }
      }
      if (kept.isEmpty() && haltCause != null && n.equals(haltedBy)) {
        kept.add(haltCause);
      }
      exceptions.put(n, List.copyOf(kept));
    }
    return new ExecutionResult(stats, exceptions, haltedBy, elapsed);
  }

  private static long count(Map<String, Object> acc, String node, String what) {
    return acc.get(NodePlan.ACC + node + "|" + what) instanceof Number v ? v.longValue() : 0L;
  }
}
