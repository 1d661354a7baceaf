package io.github.asyncgraphdataflow.micrometer;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.ExecutionListener;
import io.github.asyncgraphdataflow.Node;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every call ({@code agdf.node.calls}, tag {@code outcome}) and counts failures by
 * exception class ({@code agdf.node.errors}, tag {@code exception}). Meters are looked up once
 * per node (and exception class) and kept, so a call costs one map read and one
 * {@code Timer.record}. Thread-safe: concurrent maps of thread-safe meters.
 */
final class MetricsListener implements ExecutionListener {
  private final MeterRegistry registry;
  private final Tags tags;
  private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();
  private final Map<String, Map<Class<?>, Counter>> errors = new ConcurrentHashMap<>();

  MetricsListener(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
  }

  @Override
  public void executionStarted(AsyncGraph graph) {
    for (Node<?, ?> n : graph.nodes()) {
      timers(n.name());
    }
  }

  @Override
  public void callFinished(String node, long nanos, Throwable failure) {
    timers(node)[failure == null ? 0 : 1].record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void failed(String node, Throwable failure) {
    errors.computeIfAbsent(node, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(failure.getClass(), c -> Counter.builder(MeterNames.ERRORS)
            .tags(tags).tag("node", node).tag("exception", exceptionTag(c))
            .description("failed calls plus emitted throwables, by exception class")
            .register(registry))
        .increment();
  }

  /** The simple class name, as Micrometer's HTTP meters tag exceptions; the full name if none. */
  static String exceptionTag(Class<?> c) {
    String simple = c.getSimpleName();
    return simple.isEmpty() ? c.getName() : simple;
  }

  private Timer[] timers(String node) {
    return timers.computeIfAbsent(node, n -> new Timer[] {timer(n, "success"),
        timer(n, "failure")});
  }

  private Timer timer(String node, String outcome) {
    return Timer.builder(MeterNames.CALLS).tags(tags).tag("node", node).tag("outcome", outcome)
        .description("calls of the node's function, each attempt once")
        .register(registry);
  }
}
