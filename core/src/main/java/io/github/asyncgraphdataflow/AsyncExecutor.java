package io.github.asyncgraphdataflow;

import io.github.asyncgraphdataflow.internal.Execution;
import io.github.asyncgraphdataflow.internal.ExecutionConfig;
import io.github.asyncgraphdataflow.internal.GraphSnapshot;
import io.github.asyncgraphdataflow.internal.StartNodes;
import io.github.asyncgraphdataflow.internal.StderrLogger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes an {@link AsyncGraph}: every node's workers run concurrently on virtual threads,
 * items flow along the edges through bounded queues, and {@link #execute} returns when every
 * node has finished all its work.
 *
 * {@snippet file="QuickstartTest.java" region="quickstart"}
 *
 * <p><b>Start nodes.</b> By default the nodes with no incoming edge are started, each called
 * once with no argument. {@link #execute(Map)} names the start nodes instead, with the
 * arguments each is called with.
 *
 * <p><b>Termination</b> does not depend on the order nodes and edges were added, nor on timing:
 * a node ends when all its sources have ended and its queue is drained (see the design note on
 * {@code internal.Execution}). After {@code execute} returns no thread of the execution runs.
 *
 * <p><b>Failures</b> are counted per node ({@link #dataFlowStats()}), kept (the most recent
 * {@code maxExceptions} per node, {@link #exceptions()}) and logged at ERROR with the node's
 * name. A failure halts the graph only where halting is on (graph-wide or per node); an
 * {@link Error} always halts it and is rethrown by {@code execute}.
 *
 * <p><b>Thread-safety:</b> statistics and exceptions may be read from any thread at any time,
 * also during an execution. One executor runs one execution at a time ({@code execute} while
 * another call runs throws {@link IllegalStateException}); use one executor per concurrent run.
 */
public final class AsyncExecutor {
  /**
   * This class's SLF4J logger; with no SLF4J provider bound, a last-resort logger writing WARN
   * and ERROR to standard error, so failures are never invisible.
   */
  private static final Logger DEFAULT_LOGGER = StderrLogger.orFallback(
      LoggerFactory.getILoggerFactory(), AsyncExecutor.class.getName(), System.err);

  private final AsyncGraph graph;
  private final Logger logger;
  private final int maxExceptions;
  private final ThreadFactory threadFactory;
  private final Duration haltTimeout;
  private final List<ExecutionListener> listeners;
  private final Duration stallWarning;
  private final long maxErrors;
  private final Duration timeLimit;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile DataFlowLogging logging;
  private volatile Execution current;
  private volatile Map<String, List<?>> startNodes;

  /**
   * Creates an executor with the defaults: the class's own logger, 1,000 exceptions kept per
   * node, virtual threads.
   *
   * @param graph the graph to execute
   */
  public AsyncExecutor(AsyncGraph graph) {
    this(builder(graph));
  }

  private AsyncExecutor(Builder b) {
    this.graph = b.graph;
    this.logger = b.logger;
    this.maxExceptions = b.maxExceptions;
    this.threadFactory = b.threadFactory;
    this.haltTimeout = b.haltTimeout;
    this.listeners = List.copyOf(b.listeners);
    this.stallWarning = b.stallWarning;
    this.maxErrors = b.maxErrors;
    this.timeLimit = b.timeLimit;
  }

  /**
   * A builder for an executor with non-default options.
   *
   * @param graph the graph to execute
   * @return a new builder
   */
  public static Builder builder(AsyncGraph graph) {
    return new Builder(graph);
  }

  /**
   * The graph this executor runs.
   *
   * @return the graph
   */
  public AsyncGraph graph() {
    return graph;
  }

  /**
   * The start nodes and their arguments: those of the last {@code execute}, or the default
   * ones (nodes with no incoming edge, no arguments) before the first.
   *
   * @return an unmodifiable map from node name to arguments
   * @throws InvalidAsyncGraphException if there is none
   * @throws IllegalArgumentException before the first {@code execute}, if a node with no
   *     incoming edge takes inputs: start nodes get no arguments by default (the message names
   *     the node; pass its arguments to {@link #execute(Map)})
   */
  public Map<String, List<?>> startNodes() {
    Map<String, List<?>> s = startNodes;
    return s != null ? s : StartNodes.defaults(graph.snapshot());
  }

  /**
   * Runs the graph from its default start nodes (those with no incoming edge), each called
   * once with no argument, and waits until every node has finished.
   *
   * @return the statistics and exceptions of this run, and whether it halted
   * @throws InvalidAsyncGraphException if the graph has no start node
   * @throws InterruptedException if the calling thread is interrupted; the graph is halted
   *     and its workers stopped before this is thrown
   */
  public ExecutionResult execute() throws InterruptedException {
    return run(null);
  }

  /**
   * Runs the graph from the given start nodes, each called once with its arguments, and
   * waits until every node has finished.
   *
   * {@snippet :
   * executor.execute(Map.of("fetch", List.of("https://example.org/api", 3)));
   * }
   *
   * @param startNodes node name to the arguments it is called with ({@code List.of()} for
   *     none); a node taking no input ignores its arguments
   * @return the statistics and exceptions of this run, and whether it halted
   * @throws IllegalArgumentException if a node does not exist, or its arguments do not fit
   * @throws InvalidAsyncGraphException if the map is empty
   * @throws InterruptedException if the calling thread is interrupted; the graph is halted
   *     and its workers stopped before this is thrown
   */
  public ExecutionResult execute(Map<String, ? extends List<?>> startNodes)
      throws InterruptedException {
    return run(Objects.requireNonNull(startNodes, "startNodes"));
  }

  private ExecutionResult run(Map<String, ? extends List<?>> requested)
      throws InterruptedException {
    GraphSnapshot snapshot = graph.snapshot();
    Map<String, List<?>> args = requested == null
        ? StartNodes.defaults(snapshot)
        : StartNodes.validate(snapshot, requested);
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("This executor is already running an execution; "
          + "create another AsyncExecutor to run the graph concurrently");
    }
    try {
      Execution execution = new Execution(snapshot, args,
          new ExecutionConfig(graph, logger, maxExceptions, threadFactory, haltTimeout, logging,
              listeners, stallWarning, maxErrors, timeLimit));
      startNodes = args;
      current = execution;
      return execution.run();
    } finally {
      running.set(false);
    }
  }

  /**
   * Per node, the statistics of the running or last execution ({@link NodeStats}: counters
   * and live gauges); safe to read during a run, and cheap enough to read many times a second.
   *
   * @return an unmodifiable snapshot in node order; before the first execution, every node of
   *     the graph with {@link NodeStats#ZERO}
   */
  public Map<String, NodeStats> dataFlowStats() {
    return fromCurrent(Execution::stats, NodeStats.ZERO);
  }

  /**
   * Per node, the most recent exceptions (at most {@code maxExceptions}), oldest first, of the
   * running or last execution; safe to read during a run.
   *
   * @return an unmodifiable snapshot in node order; before the first execution, every node of
   *     the graph with an empty list
   */
  public Map<String, List<Throwable>> exceptions() {
    return fromCurrent(Execution::exceptions, List.of());
  }

  /**
   * Per node, the most recent failures with the item each failed call was given (at most
   * {@code maxExceptions}), oldest first, of the running or last execution: the same failures
   * as {@link #exceptions()}; safe to read during a run.
   *
   * {@snippet :
   * executor.failures().forEach((node, failures) -> failures.forEach(f ->
   *     System.out.println(node + " failed on " + f.item() + ": " + f.error())));
   * }
   *
   * @return an unmodifiable snapshot in node order; before the first execution, every node of
   *     the graph with an empty list
   */
  public Map<String, List<Failure>> failures() {
    return fromCurrent(Execution::failures, List.of());
  }

  /**
   * A per-node map of the running or last execution, or, before the first one, every node of
   * the graph with {@code none}.
   */
  private <T> Map<String, T> fromCurrent(
      java.util.function.Function<Execution, Map<String, T>> read, T none) {
    Execution e = current;
    if (e != null) {
      return read.apply(e);
    }
    Map<String, T> m = new LinkedHashMap<>();
    for (Node<?, ?> n : graph.nodes()) {
      m.put(n.name(), none);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Halts the running execution, from any thread, with the same accounting as any halt:
   * running calls are interrupted, retries and waits stop, queued items are counted as
   * discarded, and {@code execute} returns a result whose {@link ExecutionResult#haltReason()}
   * is {@link HaltReason#CANCELLED}.
   *
   * {@snippet :
   * Thread.ofVirtual().start(() -> executor.execute());
   * // ... later, from any thread:
   * executor.cancel();
   * }
   *
   * @return true if this call halted a running execution; false if none was running or it
   *     had already halted
   */
  public boolean cancel() {
    Execution e = current;
    return e != null && running.get() && e.cancel();
  }

  /**
   * Whether an execution is running now.
   *
   * @return true between the start of {@code execute} and its return
   */
  public boolean isRunning() {
    return running.get();
  }

  /** Turns on data-flow logging with the defaults (every node, every 60 s). */
  public void turnOnDataFlowLogging() {
    turnOnDataFlowLogging(DataFlowLogging.defaults());
  }

  /**
   * Turns on data-flow logging for the next executions: one line per node every interval, on a
   * clock, and once more at the end.
   *
   * @param options format, node filter, interval and logger
   * @throws IllegalArgumentException if the filter names a node the graph does not have
   */
  public void turnOnDataFlowLogging(DataFlowLogging options) {
    Objects.requireNonNull(options, "options");
    for (String node : options.nodeFilter()) {
      graph.node(node);
    }
    this.logging = options;
  }

  /** Turns data-flow logging off for the next executions. */
  public void turnOffDataFlowLogging() {
    this.logging = null;
  }

  /**
   * The data-flow logging settings, if on.
   *
   * @return the settings, or {@code null} when off
   */
  public DataFlowLogging dataFlowLogging() {
    return logging;
  }

  /** Builds an {@link AsyncExecutor}. Not thread-safe. */
  public static final class Builder {
    private final AsyncGraph graph;
    private Logger logger = DEFAULT_LOGGER;
    private int maxExceptions = 1_000;
    private ThreadFactory threadFactory = Thread.ofVirtual().factory();
    private Duration haltTimeout = Duration.ofSeconds(10);
    private final List<ExecutionListener> listeners = new ArrayList<>();
    private Duration stallWarning = Duration.ofSeconds(30);
    private long maxErrors;
    private Duration timeLimit;

    private Builder(AsyncGraph graph) {
      this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * Where failures and halts are logged (default: this class's logger; when no SLF4J
     * provider is bound, a fallback that writes WARN and ERROR to standard error). A logger
     * given here is used as is, also a no-operation one.
     *
     * @param logger an SLF4J logger
     * @return this builder
     */
    public Builder logger(Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /**
     * How many of the most recent exceptions are kept per node (default 1,000).
     *
     * @param maxExceptions at least 1
     * @return this builder
     */
    public Builder maxExceptions(int maxExceptions) {
      if (maxExceptions < 1) {
        throw new IllegalArgumentException("maxExceptions must be at least 1, was " + maxExceptions);
      }
      this.maxExceptions = maxExceptions;
      return this;
    }

    /**
     * Makes the workers' threads (default: virtual threads). Each thread is named
     * {@code agdf-<node>-<worker>}.
     *
     * @param threadFactory the factory
     * @return this builder
     */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * How long a halted execution waits for workers that ignore interrupts before
     * {@code execute} returns without them, logging them by name (default 10 s).
     *
     * @param haltTimeout zero or more
     * @return this builder
     */
    public Builder haltTimeout(Duration haltTimeout) {
      Objects.requireNonNull(haltTimeout, "haltTimeout");
      if (haltTimeout.isNegative()) {
        throw new IllegalArgumentException("haltTimeout must not be negative, was " + haltTimeout);
      }
      this.haltTimeout = haltTimeout;
      return this;
    }

    /**
     * Adds a listener that hears every execution's calls, failures, halt and end (see
     * {@link ExecutionListener}); may be called several times, listeners are called in the
     * order they were added.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ExecutionListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * How long a node may hold queued input without taking or emitting an item, or the whole
     * graph go without any node taking or emitting one, before a WARN line names the stalled
     * node(s), their queue depths and active workers, and the top stack frames of each worker
     * inside a call (default 30 s; {@link Duration#ZERO} turns stall warnings off). The line
     * is logged again only when the set of stalled nodes changes; an INFO line says when
     * progress resumes. The check runs on the thread that called {@code execute}, while it
     * waits, a few times per interval, and costs the workers nothing.
     *
     * {@snippet :
     * AsyncExecutor executor = AsyncExecutor.builder(graph)
     *     .stallWarning(Duration.ofMinutes(2)) // or Duration.ZERO: never
     *     .build();
     * }
     *
     * @param interval zero (off) or more; at least 1 ms when on
     * @return this builder
     */
    public Builder stallWarning(Duration interval) {
      Objects.requireNonNull(interval, "stallWarning");
      if (interval.isNegative() || (!interval.isZero() && interval.toMillis() < 1)) {
        throw new IllegalArgumentException(
            "stallWarning must be zero (off) or at least 1 ms, was " + interval);
      }
      this.stallWarning = interval;
      return this;
    }

    /**
     * Halts the graph when its nodes' errors reach this many in total (an error budget for
     * the whole graph; see also {@link NodeOptions.Builder#maxErrors} per node). The result
     * says {@link HaltReason#ERROR_BUDGET} and names the node of the last error.
     *
     * @param maxErrors at least 1
     * @return this builder
     */
    public Builder maxErrors(long maxErrors) {
      if (maxErrors < 1) {
        throw new IllegalArgumentException("maxErrors must be at least 1, was " + maxErrors);
      }
      this.maxErrors = maxErrors;
      return this;
    }

    /**
     * Halts an execution that runs longer than this, with the same accounting as any halt;
     * {@code execute} then returns a result whose {@link ExecutionResult#haltReason()} is
     * {@link HaltReason#TIME_LIMIT} (and logs a WARN line).
     *
     * {@snippet :
     * AsyncExecutor executor = AsyncExecutor.builder(graph).timeLimit(Duration.ofMinutes(5)).build();
     * }
     *
     * @param timeLimit positive
     * @return this builder
     */
    public Builder timeLimit(Duration timeLimit) {
      Objects.requireNonNull(timeLimit, "timeLimit");
      if (timeLimit.isNegative() || timeLimit.isZero()) {
        throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
      }
      this.timeLimit = timeLimit;
      return this;
    }

    /**
     * Builds the executor.
     *
     * @return a new executor
     */
    public AsyncExecutor build() {
      return new AsyncExecutor(this);
    }
  }
}
