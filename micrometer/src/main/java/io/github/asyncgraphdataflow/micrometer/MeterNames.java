package io.github.asyncgraphdataflow.micrometer;

/**
 * The names of the meters {@link GraphMetrics} publishes, for dashboards and tests. Every
 * meter is tagged {@code graph} and, except {@link #GRAPH_RUNNING}, {@code node}.
 */
public final class MeterNames {
  /** FunctionCounter: items delivered into the node's queue ({@code NodeStats.in}). */
  public static final String ITEMS_IN = "agdf.node.items.in";
  /** FunctionCounter: items the node emitted ({@code NodeStats.out}). */
  public static final String ITEMS_OUT = "agdf.node.items.out";
  /** FunctionCounter: items thrown away by a halt ({@code NodeStats.discarded}). */
  public static final String ITEMS_DISCARDED = "agdf.node.items.discarded";
  /**
   * Counter (tag {@code exception}: the failure's simple class name) with the listener; a
   * FunctionCounter of {@code NodeStats.err} without that tag with the binder alone.
   */
  public static final String ERRORS = "agdf.node.errors";
  /** FunctionCounter: attempts made again after a failure ({@code NodeStats.retries}). */
  public static final String RETRIES = "agdf.node.retries";
  /** Timer of every call of the node's function (tag {@code outcome}: success, failure). */
  public static final String CALLS = "agdf.node.calls";
  /** Gauge: items waiting in the node's queue now ({@code NodeStats.queued}). */
  public static final String QUEUED = "agdf.node.queued";
  /** Gauge: free places in the node's default bounded queue ({@code queueSize - queued}). */
  public static final String QUEUE_REMAINING = "agdf.node.queue.remaining";
  /** Gauge: workers inside a call now ({@code NodeStats.active}). */
  public static final String ACTIVE = "agdf.node.active";
  /** Gauge: the node's {@code maxTasks}. */
  public static final String WORKERS_MAX = "agdf.node.workers.max";
  /** Gauge: 1 while the graph runs, else 0 (tag {@code graph} only). */
  public static final String GRAPH_RUNNING = "agdf.graph.running";

  private MeterNames() {}
}
