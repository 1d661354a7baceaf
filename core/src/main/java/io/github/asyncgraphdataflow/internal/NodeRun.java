package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.Failure;
import io.github.asyncgraphdataflow.NodeStats;
import io.github.asyncgraphdataflow.Retry;
import io.github.asyncgraphdataflow.queue.NodeQueue;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One node during one execution: its queue, its counters, its exception history, and the
 * bookkeeping that ends it.
 *
 * <p>Thread-safety: counters are {@link LongAdder}s (contention-free, readable at any time);
 * the exception history is guarded by its own monitor; {@code pendingSources} and
 * {@code liveWorkers} are atomic. The node is finished when its last worker exits, which each
 * worker does only once its queue reported end of stream (or the graph halted); then each
 * destination whose last source this was is told its sources finished.
 */
final class NodeRun {
  final String name;
  final NodeSpec spec;
  final Invoker invoker;
  final InputQueue queue;
  final int workers;
  final List<?> startArgs;
  NodeRun[] destinations = new NodeRun[0];
  /** The condition of the edge to each destination (null: none), or null when none has one. */
  java.util.function.Predicate<Object>[] conditions;
  /** The reorder buffer of an ordered node with several workers, else null. */
  final OrderGate order;
  /** The destinations of this node's error edges. */
  NodeRun[] errorDestinations = new NodeRun[0];
  /** Whether any policy (retry, timeout, rate limit) applies: false keeps the plain path. */
  final boolean policies;
  final Retry retry;
  /** The call timeout in nanoseconds, or 0. */
  final long timeoutNanos;
  /** The rate limiter, or {@code null}. */
  final RateLimiter rateLimiter;
  /** Halt the graph when {@code err} reaches this, or 0. */
  final int maxErrors;
  final AtomicInteger pendingSources;
  final AtomicInteger liveWorkers;
  final LongAdder in = new LongAdder();
  /** One per worker, each written by its worker only. */
  final WorkerCounters[] counters;
  /** The workers' threads, by worker index; set before any starts, read by the monitor. */
  final Thread[] threads;
  final LongAdder err = new LongAdder();
  final LongAdder discarded = new LongAdder();
  /** Failures logged (or throttled) so far, for the log throttle. */
  final AtomicLong logged = new AtomicLong();
  private final ArrayDeque<Failure> failures = new ArrayDeque<>();
  private final int maxExceptions;

  NodeRun(NodeSpec spec, int inDegree, List<?> startArgs, int maxExceptions) {
    this.name = spec.name();
    this.spec = spec;
    this.invoker = new Invoker(spec, FunctionInfo.of(spec.function(), spec.inputs()));
    this.queue = queueFor(spec, in, discarded);
    this.workers = spec.options().maxTasks();
    this.counters = new WorkerCounters[workers];
    this.threads = new Thread[workers];
    for (int i = 0; i < workers; i++) {
      counters[i] = new WorkerCounters();
    }
    this.startArgs = startArgs;
    this.pendingSources = new AtomicInteger(inDegree);
    this.liveWorkers = new AtomicInteger(workers);
    this.maxExceptions = maxExceptions;
    this.retry = spec.options().retry();
    this.timeoutNanos = spec.options().timeout() == null ? 0 : spec.options().timeout().toNanos();
    this.rateLimiter = spec.options().rateLimit() == null
        ? null : new RateLimiter(spec.options().rateLimit());
    this.maxErrors = spec.options().maxErrors();
    this.policies = retry.maxAttempts() > 1 || timeoutNanos > 0 || rateLimiter != null;
    this.order = spec.options().ordered() && workers > 1 ? new OrderGate(this, 2 * workers) : null;
  }

  private static InputQueue queueFor(NodeSpec spec, LongAdder in, LongAdder discarded) {
    if (spec.options().queue() == null) {
      return new BoundedQueue(spec.options().queueSize(), in, discarded);
    }
    NodeQueue<?, ?> custom = spec.options().queue().get();
    if (custom == null) {
      throw new IllegalArgumentException(
          "The queue supplier of node '" + spec.name() + "' returned null");
    }
    return new CustomQueue(custom, in, discarded);
  }

  NodeStats stats() {
    long out = 0;
    long calls = 0;
    long retries = 0;
    int active = 0;
    for (WorkerCounters c : counters) {
      out += c.out();
      calls += c.calls();
      retries += c.retries();
      active += c.active();
    }
    return new NodeStats(in.sum() + queue.handedOver(), out, err.sum(), discarded.sum(), calls,
        retries, Math.max(0, queue.size()), active);
  }

  /** Counts a failure and keeps it with its item. */
  void recordFailure(Object item, int attempts, Throwable t) {
    err.increment();
    Failure f = new Failure(name, item, t, attempts, Instant.now());
    synchronized (failures) {
      if (failures.size() == maxExceptions) {
        failures.removeFirst();
      }
      failures.addLast(f);
    }
  }

  /** Counts a failure outside any call. */
  void recordFailure(Throwable t) {
    recordFailure(null, 0, t);
  }

  List<Throwable> exceptions() {
    synchronized (failures) {
      return failures.stream().map(Failure::error).toList();
    }
  }

  List<Failure> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  /** Called by each worker as it exits; the last one finishes the node. */
  boolean workerExited() {
    if (liveWorkers.decrementAndGet() != 0) {
      return false;
    }
    finished(destinations);
    finished(errorDestinations); // an error edge counts as a source of its destination too
    return true;
  }

  /** Tells each destination this source has finished, and ends its input after the last. */
  private void finished(NodeRun[] destinationsOfOneKind) {
    for (NodeRun d : destinationsOfOneKind) {
      d.queue.sourceFinished(name);
      if (d.pendingSources.decrementAndGet() == 0) {
        d.queue.sourcesFinished();
      }
    }
  }
}
