package io.github.asyncgraphdataflow.micrometer;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.ExecutionListener;
import io.github.asyncgraphdataflow.Node;
import io.github.asyncgraphdataflow.NodeStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Publishes a graph's per-node statistics as Micrometer meters, tagged {@code graph} and
 * {@code node}, in the manner of Micrometer's own {@code ExecutorServiceMetrics}.
 *
 * <p>The one-line way, with everything (counters, gauges, the call timer and the errors by
 * exception class):
 *
 * {@snippet file="GraphMetricsTest.java" region="monitor"}
 *
 * <p>The binder alone, for an executor already built: counters and gauges read from
 * {@link AsyncExecutor#dataFlowStats()}; no call timer, and {@code agdf.node.errors} without
 * the {@code exception} tag (those two need {@link #listener}):
 *
 * {@snippet file="GraphMetricsTest.java" region="binder"}
 *
 * <p><b>Cost.</b> Counters and gauges are functions over one statistics snapshot, taken when a
 * registry reads a meter and reused for {@value #SNAPSHOT_TTL_MILLIS} ms, so a scrape of every
 * meter of a 200-node graph takes one snapshot; nothing is added to the graph's hot path. The
 * listener adds one {@code Timer.record} per call and one counter increment per failure.
 *
 * <p>The meters cover the nodes the graph has when {@link #bindTo} is called.
 *
 * <p><b>Thread-safety:</b> immutable after construction; {@code bindTo} may be called from any
 * thread, also while the graph runs.
 */
public final class GraphMetrics implements MeterBinder {

  /** How long one statistics snapshot serves the meters, in milliseconds. */
  public static final long SNAPSHOT_TTL_MILLIS = 100;

  /** Gauges only: a counter named agdf.node.items.* would read items_items in Prometheus. */
  private static final String ITEMS = "items";

  private final AsyncExecutor executor;
  private final String graphName;
  private final Tags tags;
  private final boolean errorsByListener;

  /**
   * A binder for an executor's statistics.
   *
   * @param executor the executor whose statistics are published
   * @param graphName the value of the {@code graph} tag
   * @param tags more tags for every meter
   */
  public GraphMetrics(AsyncExecutor executor, String graphName, Iterable<Tag> tags) {
    this(executor, graphName, tags, false);
  }

  /**
   * A binder for an executor's statistics, with no extra tags.
   *
   * @param executor the executor whose statistics are published
   * @param graphName the value of the {@code graph} tag
   */
  public GraphMetrics(AsyncExecutor executor, String graphName) {
    this(executor, graphName, Tags.empty(), false);
  }

  private GraphMetrics(AsyncExecutor executor, String graphName, Iterable<Tag> tags,
      boolean errorsByListener) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.graphName = Objects.requireNonNull(graphName, "graphName");
    this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    this.errorsByListener = errorsByListener;
  }

  /**
   * Builds the executor with a metrics listener and binds every meter to the registry: the
   * counters and gauges of this binder, the {@code agdf.node.calls} timer and
   * {@code agdf.node.errors} by exception class.
   *
   * @param registry where the meters go
   * @param builder the executor's builder (other options already set)
   * @param graphName the value of the {@code graph} tag
   * @param tags more tags for every meter
   * @return the executor, built
   */
  public static AsyncExecutor monitor(MeterRegistry registry, AsyncExecutor.Builder builder,
      String graphName, Tag... tags) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(tags, "tags");
    AsyncExecutor executor = builder.listener(listener(registry, graphName, tags)).build();
    new GraphMetrics(executor, graphName, Tags.of(tags), true).bindTo(registry);
    return executor;
  }

  /**
   * A listener that times every call ({@code agdf.node.calls}, tag {@code outcome}) and counts
   * failures by exception class ({@code agdf.node.errors}, tag {@code exception}); register it
   * with {@link AsyncExecutor.Builder#listener}. Use it with {@link #monitor}, or alone; do
   * not combine it with a {@code GraphMetrics} binder of the same graph in one registry
   * (both would publish {@code agdf.node.errors}, with different tags).
   *
   * @param registry where the meters go
   * @param graphName the value of the {@code graph} tag
   * @param tags more tags for every meter
   * @return a thread-safe listener
   */
  public static ExecutionListener listener(MeterRegistry registry, String graphName,
      Tag... tags) {
    return new MetricsListener(registry, Tags.of(tags).and("graph",
        Objects.requireNonNull(graphName, "graphName")));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    StatsCache cache = new StatsCache(executor, Duration.ofMillis(SNAPSHOT_TTL_MILLIS));
    Tags graphTags = tags.and("graph", graphName);
    Gauge.builder(MeterNames.GRAPH_RUNNING, executor, e -> e.isRunning() ? 1 : 0)
        .tags(graphTags)
        .description("1 while an execution of the graph runs, else 0")
        .register(registry);
    for (Node<?, ?> node : executor.graph().nodes()) {
      bindNode(registry, cache, node, graphTags.and("node", node.name()));
    }
  }

  private void bindNode(MeterRegistry registry, StatsCache cache, Node<?, ?> node, Tags t) {
    String name = node.name();
    counter(registry, MeterNames.ITEMS_IN, "items delivered into the node's queue",
        null, cache, name, NodeStats::in, t);
    counter(registry, MeterNames.ITEMS_OUT, "items the node emitted",
        null, cache, name, NodeStats::out, t);
    counter(registry, MeterNames.ITEMS_DISCARDED,
        "items in the node's queue thrown away when the graph halted",
        null, cache, name, NodeStats::discarded, t);
    counter(registry, MeterNames.RETRIES, "calls attempted again after a failure",
        null, cache, name, NodeStats::retries, t);
    if (!errorsByListener) {
      counter(registry, MeterNames.ERRORS, "failed calls plus emitted throwables",
          null, cache, name, NodeStats::err, t);
    }
    gauge(registry, MeterNames.QUEUED, "items waiting in the node's queue", ITEMS,
        cache, name, NodeStats::queued, t);
    gauge(registry, MeterNames.ACTIVE, "workers inside a call of the node's function",
        BaseUnits.THREADS, cache, name, NodeStats::active, t);
    int maxTasks = node.options().maxTasks();
    Gauge.builder(MeterNames.WORKERS_MAX, () -> maxTasks).tags(t)
        .description("the node's maxTasks: how many workers may run at once")
        .baseUnit(BaseUnits.THREADS).register(registry);
    if (node.options().queue() == null) {
      int capacity = node.options().queueSize();
      gauge(registry, MeterNames.QUEUE_REMAINING, "free places in the node's bounded queue",
          ITEMS, cache, name, s -> Math.max(0, capacity - s.queued()), t);
    }
  }

  private void counter(MeterRegistry registry, String meter, String description, String unit,
      StatsCache cache, String node, ToLongFunction<NodeStats> read, Tags t) {
    FunctionCounter.builder(meter, executor, e -> read.applyAsLong(cache.get(node)))
        .tags(t).description(description).baseUnit(unit).register(registry);
  }

  private void gauge(MeterRegistry registry, String meter, String description, String unit,
      StatsCache cache, String node, ToDoubleFunction<NodeStats> read, Tags t) {
    Gauge.builder(meter, executor, e -> read.applyAsDouble(cache.get(node)))
        .tags(t).description(description).baseUnit(unit).register(registry);
  }
}
