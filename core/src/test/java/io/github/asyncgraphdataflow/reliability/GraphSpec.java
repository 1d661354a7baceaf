package io.github.asyncgraphdataflow.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A randomly generated test graph, as plain data so that jqwik can shrink it and print it.
 *
 * <p>Node {@code i} is named {@code n<i>}; every edge goes from a lower to a higher index, so
 * the graph is acyclic and index order is a topological order. Nodes are added in
 * {@code nodeOrder}; edges in list order, each either as soon as both its nodes exist
 * ({@code eagerEdges}) or after all nodes. Which nodes start, which fail on which item, and
 * which sleep, all follow from {@code seed} and the per-node settings, never from the clock.
 * So do the policies of {@link #ordered(int) ordered output} (about one node in three) and
 * {@link #condition(int, int) edge conditions} (about one edge in three).
 *
 * @param nodes per node settings, by index
 * @param edges the edges, in the order they are added
 * @param nodeOrder the order nodes are added, a permutation of the indexes
 * @param eagerEdges add each edge as soon as both its ends exist
 * @param seed mixes into every per-item decision
 * @param maxExceptions the executor's setting
 * @param platformThreads workers on platform threads instead of virtual threads
 * @param halt where halting is on
 * @param policies per node retry and timeout settings, by index (empty: none anywhere)
 * @param errorEdges error edges ({@code addErrorEdge}), {@code from < to}, added after the
 *     edges
 */
record GraphSpec(
    List<NodeSpec> nodes,
    List<EdgeSpec> edges,
    List<Integer> nodeOrder,
    boolean eagerEdges,
    long seed,
    int maxExceptions,
    boolean platformThreads,
    Halt halt,
    List<PolicySpec> policies,
    List<EdgeSpec> errorEdges) {

  /** A graph without policies or error edges. */
  static GraphSpec of(List<NodeSpec> nodes, List<EdgeSpec> edges, List<Integer> nodeOrder,
      boolean eagerEdges, long seed, int maxExceptions, boolean platformThreads, Halt halt) {
    return new GraphSpec(nodes, edges, nodeOrder, eagerEdges, seed, maxExceptions,
        platformThreads, halt, List.of(), List.of());
  }

  /** This graph with per-node policies and error edges. */
  GraphSpec withPolicies(List<PolicySpec> newPolicies, List<EdgeSpec> newErrorEdges) {
    return new GraphSpec(nodes, edges, nodeOrder, eagerEdges, seed, maxExceptions,
        platformThreads, halt, newPolicies, newErrorEdges);
  }

  /**
   * One node's policies.
   *
   * @param attempts the retry policy's attempts (1: no retry); only the test's transient
   *     failures are retried, never its deliberate ones
   * @param transientPerMille chance per item (per start call) that its first attempts fail
   *     transiently, after emitting: 1 to {@code attempts - 1} of them, so a later attempt
   *     always succeeds
   * @param backoffNanos the back-off between attempts
   * @param timeout a generous call timeout (30 s), which only adds the timer's work
   */
  record PolicySpec(int attempts, int transientPerMille, int backoffNanos, boolean timeout) {
    static final PolicySpec NONE = new PolicySpec(1, 0, 0, false);

    @Override
    public String toString() {
      return "{attempts=" + attempts + ", transient=" + transientPerMille + "‰, backoff="
          + backoffNanos + "ns" + (timeout ? ", timeout" : "") + "}";
    }
  }

  PolicySpec policy(int v) {
    return policies.isEmpty() ? PolicySpec.NONE : policies.get(v);
  }

  List<Integer> errorSourcesOf(int v) {
    return errorEdges.stream().filter(e -> e.to() == v).map(EdgeSpec::from).toList();
  }

  /** Most items delivered along all edges in one try, so a try stays fast. */
  static final long DELIVERY_BUDGET = 20_000;

  /** Where halting is on. */
  enum Halt { OFF, GRAPH, SOME_NODES }

  /**
   * One node's settings.
   *
   * @param maxTasks workers
   * @param queueSize input queue capacity
   * @param items how many items it emits when it is a start node
   * @param failPerMille chance per item (in 1/1000) that the node fails on it
   * @param filterPerMille chance per item that the node emits nothing for it
   * @param delayEvery about one item in this many makes the node sleep briefly (0: never)
   * @param halts per-node halting switch (used when {@code halt == SOME_NODES})
   * @param customQueue a custom {@code FifoQueue} of {@code queueSize} instead of the default
   */
  record NodeSpec(
      int maxTasks, int queueSize, int items, int failPerMille, int filterPerMille,
      int delayEvery, boolean halts, boolean customQueue) {
    @Override
    public String toString() {
      return "{tasks=" + maxTasks + ", queue=" + queueSize + ", items=" + items
          + ", fail=" + failPerMille + "‰, filter=" + filterPerMille + "‰, delayEvery="
          + delayEvery + (halts ? ", halts" : "") + (customQueue ? ", FifoQueue" : "") + "}";
    }
  }

  /**
   * An edge by node index, {@code from < to}.
   *
   * @param from source index
   * @param to destination index
   */
  record EdgeSpec(int from, int to) {
    @Override
    public String toString() {
      return "n" + from + "->n" + to;
    }
  }

  /** Drops edges from the end until the items delivered stay within the budget. */
  GraphSpec withinBudget() {
    List<EdgeSpec> kept = new ArrayList<>(edges);
    while (!kept.isEmpty() && deliveries(kept) > DELIVERY_BUDGET) {
      kept.remove(kept.size() - 1);
    }
    return new GraphSpec(nodes, List.copyOf(kept), nodeOrder, eagerEdges, seed, maxExceptions,
        platformThreads, halt, policies, errorEdges);
  }

  private long deliveries(List<EdgeSpec> es) {
    int n = nodes.size();
    long[] reach = new long[n];
    boolean[] hasInput = new boolean[n];
    es.forEach(e -> hasInput[e.to()] = true);
    long total = 0;
    for (int v = 0; v < n; v++) {
      if (!hasInput[v]) {
        reach[v] = nodes.get(v).items();
      }
      for (EdgeSpec e : es) {
        if (e.to() == v) {
          reach[v] += reach[e.from()];
        }
      }
      if (hasInput[v]) {
        total += reach[v];
      }
      if (total > DELIVERY_BUDGET) {
        return total;
      }
    }
    return total;
  }

  /** Whether node v keeps its output in input order ({@code ordered(true)}). */
  boolean ordered(int v) {
    return Math.floorMod(hash(seed, v, -1), 3) == 0;
  }

  /**
   * The condition of the edge from -> to: how many items in 1,000 pass it, or -1 when the edge
   * has no condition.
   */
  int condition(int from, int to) {
    long h = hash(seed, from, to);
    return Math.floorMod(h, 3) == 0 ? Math.floorMod(h >>> 8, 1_001) : -1;
  }

  /** Whether an item of this value passes the edge from -> to (always, without condition). */
  boolean passes(int from, int to, long value) {
    int perMille = condition(from, to);
    return perMille < 0 || Math.floorMod(hash(value, from, to) >>> 20, 1_000) < perMille;
  }

  private static long hash(long a, long b, long c) {
    long x = a ^ (b * 0x9E3779B97F4A7C15L) ^ (c * 0xC2B2AE3D27D4EB4FL) ^ 0x5DEECE66DL;
    x ^= x >>> 33;
    x *= 0xFF51AFD7ED558CCDL;
    x ^= x >>> 33;
    x *= 0xC4CEB9FE1A85EC53L;
    x ^= x >>> 33;
    return x;
  }

  boolean isStart(int v) {
    return edges.stream().noneMatch(e -> e.to() == v)
        && errorEdges.stream().noneMatch(e -> e.to() == v);
  }

  List<Integer> sourcesOf(int v) {
    return edges.stream().filter(e -> e.to() == v).map(EdgeSpec::from).toList();
  }

  boolean halts(int v) {
    return halt == Halt.GRAPH || (halt == Halt.SOME_NODES && nodes.get(v).halts());
  }

  static String name(int v) {
    return "n" + v;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Graph of ").append(nodes.size()).append(" nodes, halt=")
        .append(halt).append(", seed=").append(seed).append(", maxExceptions=")
        .append(maxExceptions).append(platformThreads ? ", platform threads" : "")
        .append('\n');
    for (int v = 0; v < nodes.size(); v++) {
      sb.append("  n").append(v).append(isStart(v) ? " (start) " : " ").append(nodes.get(v))
          .append(policy(v).equals(PolicySpec.NONE) ? "" : " " + policy(v))
          .append(ordered(v) ? " ordered" : "").append('\n');
    }
    sb.append("  edges: ").append(edges.stream().map(e -> e + (condition(e.from(), e.to()) < 0
        ? "" : "[" + condition(e.from(), e.to()) + "‰]")).toList()).append('\n');
    if (!errorEdges.isEmpty()) {
      sb.append("  error edges: ").append(errorEdges).append('\n');
    }
    sb.append("  added: nodes ")
        .append(nodeOrder.stream().map(GraphSpec::name).collect(Collectors.joining(", ")))
        .append(eagerEdges ? "; each edge as soon as its nodes exist" : "; then edges in order");
    return sb.toString();
  }
}
