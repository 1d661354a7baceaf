package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.DataFlowLogging;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;

/**
 * One run of a graph.
 *
 * <h2>Design</h2>
 *
 * <p><b>Threads.</b> Each node gets {@code maxTasks} workers, each on its own thread from the
 * executor's {@link ThreadFactory} (virtual threads by default), all started at once. A worker
 * takes a batch of items from its node's queue and calls the node function on each. The
 * caller of {@code execute} only waits.
 *
 * <p><b>Hand-over.</b> Each emit hands its item to every destination's queue before it
 * returns, so no item is held back while its emitter blocks on something else (I/O, or a
 * source's long-running call). To keep that cheap, a queue of 1,024 items or more gives each
 * producing worker a small single-producer ring ({@link Stash}) that the queue's workers drain
 * directly: an emit is a release store into a slot, and items still move between threads in
 * batches (see {@link BoundedQueue} for the protocol and why no wake-up is lost).
 *
 * <p><b>Back-pressure.</b> Every queue is bounded; a worker handing items to a full queue
 * waits for room. A queue with stashes holds at most its capacity plus one stash per
 * producing worker (at most 16 stashes of at most 256 items).
 *
 * <p><b>Termination, and why it is guaranteed.</b> A node is finished when its last worker
 * exits. A worker exits when its queue reports end of stream: empty, and told that every source
 * node has finished. A node with no incoming edge is told so at the start. Since the graph is
 * acyclic, by induction along a topological order every node's sources finish (provided node
 * functions return), so every queue reaches end of stream and every worker exits. Blocked
 * puts cannot deadlock: a put waits only on a queue whose workers are taking, and the chain of
 * waits follows edges, so it ends at a node whose put does not wait. This needs no global item
 * count and does not depend on the order nodes or edges were added. The caller waits until
 * every node is finished, then joins every worker thread: when {@code execute} returns, no
 * thread of the execution runs.
 *
 * <p><b>Halting.</b> The first failure where halting is on (or any {@link Error}, or an
 * interrupt of the caller) sets {@code halted}, empties every queue (counting the items as
 * discarded), wakes every waiting worker and interrupts every worker thread. From then on no
 * node emits ({@code emit} throws) and no queued item is processed. A worker that ignores the
 * interrupt is waited for {@code haltTimeout}; then {@code execute} returns anyway and logs
 * the stuck nodes by name.
 *
 * <p><b>Monitor thread.</b> When data-flow logging or stall warnings are on (stall warnings
 * are by default), one virtual thread {@code agdf-monitor} keeps the clock for both: it logs
 * the data flow every interval and lets {@link StallMonitor} look at the counters a few times
 * per stall interval. It only reads counters and takes stack traces, never touches a queue's
 * lock, and is stopped and joined before {@code execute} returns.
 *
 * <p><b>Statistics</b> are safe to read at any time: {@code in}, {@code err} and
 * {@code discarded} are {@link java.util.concurrent.atomic.LongAdder}s (plus the number of
 * items ever put into the node's stashes, for {@code in}), {@code out} is one single-writer
 * counter per worker. Each only grows, and all are exact after {@code execute} returns.
 */
public final class Execution {
  private final NodeRun[] nodes;
  private final Logger logger;
  private final ThreadFactory threadFactory;
  private final Duration haltTimeout;
  private final DataFlowLogging logging;
  private final Logger loggingLogger;
  private final Listeners listeners;
  private final io.github.asyncgraphdataflow.AsyncGraph graph;
  private final Duration stallWarning;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final CountDownLatch loggingStop = new CountDownLatch(1);
  private int remaining;
  private volatile boolean halted;
  private volatile String haltedBy;
  private volatile Throwable fatal;
  private Thread[] threads;

  /**
   * Prepares a run.
   *
   * @param graph the graph snapshot
   * @param startArgs the start nodes and their arguments, already validated
   * @param config the executor's settings
   */
  public Execution(GraphSnapshot graph, Map<String, List<?>> startArgs, ExecutionConfig config) {
    this.logger = config.logger();
    this.threadFactory = config.threadFactory();
    this.haltTimeout = config.haltTimeout();
    this.logging = config.logging();
    this.listeners = Listeners.of(config.listeners(), logger);
    this.graph = config.graph();
    this.stallWarning = config.stallWarning();
    this.loggingLogger = logging == null || logging.logger() == null ? logger : logging.logger();
    List<NodeSpec> specs = graph.nodes();
    int[] inDegrees = graph.inDegrees();
    nodes = new NodeRun[specs.size()];
    for (int i = 0; i < nodes.length; i++) {
      NodeSpec spec = specs.get(i);
      nodes[i] = new NodeRun(spec, inDegrees[i], startArgs.get(spec.name()),
          config.maxExceptions());
    }
    for (int i = 0; i < nodes.length; i++) {
      int[] dests = graph.destinations()[i];
      NodeRun[] wired = new NodeRun[dests.length];
      for (int d = 0; d < dests.length; d++) {
        wired[d] = nodes[dests[d]];
      }
      nodes[i].destinations = wired;
      nodes[i].conditions = graph.conditions()[i];
    }
    connectQueues(graph);
    remaining = nodes.length;
  }

  /** Tells each queue its node and sources; a queue may refuse them (nothing has run yet). */
  private void connectQueues(GraphSnapshot graph) {
    List<List<String>> sources = new ArrayList<>();
    for (NodeRun ignored : nodes) {
      sources.add(new ArrayList<>());
    }
    for (int i = 0; i < nodes.length; i++) {
      for (int d : graph.destinations()[i]) {
        sources.get(d).add(nodes[i].name);
      }
    }
    for (int i = 0; i < nodes.length; i++) {
      nodes[i].queue.connect(nodes[i].name, List.copyOf(sources.get(i)));
    }
  }

  /**
   * Runs the graph to the end, or until it halts.
   *
   * @return what happened
   * @throws InterruptedException if the caller was interrupted (the graph is halted first)
   */
  public ExecutionResult run() throws InterruptedException {
    long start = System.nanoTime();
    List<Thread> all = new ArrayList<>();
    for (NodeRun node : nodes) {
      for (int i = 0; i < node.workers; i++) {
        Thread t = threadFactory.newThread(new Worker(this, node, i, i == 0 && node.startArgs != null));
        t.setName("agdf-" + node.name + "-" + i);
        node.threads[i] = t;
        all.add(t);
      }
    }
    threads = all.toArray(Thread[]::new);
    if (listeners != null) {
      listeners.executionStarted(graph);
    }
    for (NodeRun node : nodes) {
      if (node.pendingSources.get() == 0) {
        node.queue.sourcesFinished();
      }
    }
    StallMonitor stall = stallWarning.isZero() ? null
        : new StallMonitor(nodes, stallWarning, logger, System.nanoTime());
    Thread monitor = logging == null && stall == null ? null
        : Thread.ofVirtual().name("agdf-monitor").start(() -> monitor(stall));
    for (Thread t : threads) {
      t.start();
    }
    boolean interrupted = awaitEnd();
    logSummaries();
    if (monitor != null) {
      loggingStop.countDown();
      monitor.join();
    }
    if (logging != null) {
      logDataFlow();
    }
    Throwable error = fatal;
    if (interrupted || error instanceof Error) {
      if (listeners != null) {
        listeners.executionFinished(null);
      }
      if (interrupted) {
        throw new InterruptedException("execute was interrupted; the graph was halted");
      }
      throw (Error) error;
    }
    ExecutionResult result = new ExecutionResult(stats(), exceptions(), haltedBy,
        Duration.ofNanos(System.nanoTime() - start));
    if (listeners != null) {
      listeners.executionFinished(result);
    }
    return result;
  }

  /** The listeners as one, or {@code null} when none is registered. */
  Listeners listeners() {
    return listeners;
  }

  /** Waits until every node finished; on halt, at most {@code haltTimeout} more. */
  private boolean awaitEnd() {
    boolean interrupted = false;
    lock.lock();
    try {
      while (remaining > 0 && !halted) {
        try {
          changed.await();
        } catch (InterruptedException e) {
          interrupted = true;
          haltInternal(null, "the caller of execute was interrupted");
        }
      }
      long left = haltTimeout.toNanos();
      while (remaining > 0 && left > 0) {
        try {
          left = changed.awaitNanos(left);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (remaining > 0) {
        List<String> stuck = new ArrayList<>();
        for (NodeRun n : nodes) {
          if (n.liveWorkers.get() > 0) {
            stuck.add(n.name + " (" + n.liveWorkers.get() + " worker(s))");
          }
        }
        logger.warn("Execution halted, but these nodes ignore interrupts and are still running "
            + "after {}: {}; execute returns without them", haltTimeout, stuck);
        return interrupted;
      }
    } finally {
      lock.unlock();
    }
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    return interrupted;
  }

  boolean halted() {
    return halted;
  }

  void workerExited(NodeRun node) {
    if (node.workerExited()) {
      lock.lock();
      try {
        remaining--;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** A node's call failed, or the node emitted a throwable. */
  void failed(NodeRun node, Throwable t) {
    node.recordFailure(t);
    logFailure(node, t);
    if (listeners != null) {
      listeners.failed(node.name, t);
    }
    if (t instanceof Error) {
      fatal(node, t);
    } else if (node.spec.haltOnException()) {
      halt(node.name);
    }
  }

  /** Failures of one node logged in full, with stack trace. */
  static final int LOGGED_IN_FULL = 10;
  /** Up to this many failures of a node, the ones past {@link #LOGGED_IN_FULL} get one line. */
  static final int LOGGED_AS_ONE_LINE = 100;

  /**
   * Logs a failure, throttled per node so a node failing on every item cannot flood the log:
   * its first {@value #LOGGED_IN_FULL} failures (and every {@link Error}) at ERROR with the
   * stack trace; failures up to
   * the {@value #LOGGED_AS_ONE_LINE}th one line each (exception class and message); after
   * that, one line at each power of ten (1,000th, 10,000th, ...). {@link #logSummaries} then
   * says, per node, how many were not logged in full.
   */
  void logFailure(NodeRun node, Throwable t) {
    long n = node.failures.incrementAndGet();
    if (n <= LOGGED_IN_FULL || t instanceof Error) {
      logger.error("Exception in node '{}'", node.name, t);
    } else if (n <= LOGGED_AS_ONE_LINE) {
      logger.error("Exception in node '{}' (failure {}; after {}, without stack trace): {}",
          node.name, n, LOGGED_IN_FULL, t.toString());
    } else if (isPowerOfTen(n)) {
      logger.error("Node '{}' has failed {} times; failures past the {}th are no longer logged "
          + "one by one; the most recent are in exceptions()", node.name, n, LOGGED_AS_ONE_LINE);
    }
  }

  private static String count(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  private static boolean isPowerOfTen(long n) {
    while (n % 10 == 0) {
      n /= 10;
    }
    return n == 1;
  }

  /** At the end of a run: one line per node with failures not logged in full. */
  private void logSummaries() {
    for (NodeRun n : nodes) {
      long failures = n.failures.get();
      if (failures > LOGGED_IN_FULL) {
        logger.error("Node '{}': {} failures, {} not logged in full; see exceptions()",
            n.name, count(failures), count(failures - LOGGED_IN_FULL));
      }
    }
  }

  /**
   * A failure the graph cannot go on after (an {@link Error}, or a failure outside any call,
   * already recorded): always halts; {@code execute} rethrows the first {@link Error}.
   */
  void fatal(NodeRun node, Throwable t) {
    if (t instanceof Error) {
      synchronized (this) {
        if (fatal == null) {
          fatal = t;
        }
      }
    }
    halt(node.name);
  }

  void halt(String node) {
    haltInternal(node, null);
  }

  private void haltInternal(String node, String reason) {
    synchronized (this) {
      if (halted) {
        return;
      }
      haltedBy = node;
      halted = true;
    }
    if (node != null) {
      logger.error("Graph execution halted due to an exception in node '{}'", node);
    } else {
      logger.error("Graph execution halted: {}", reason);
    }
    if (listeners != null) {
      listeners.halted(node);
    }
    for (NodeRun n : nodes) {
      n.queue.halt();
      if (n.order != null) {
        n.order.halt();
      }
    }
    for (Thread t : threads) {
      t.interrupt();
    }
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Per-node statistics now.
   *
   * @return a snapshot, in node order
   */
  public Map<String, NodeStats> stats() {
    Map<String, NodeStats> m = new LinkedHashMap<>();
    for (NodeRun n : nodes) {
      m.put(n.name, n.stats());
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Per-node exceptions now, oldest first.
   *
   * @return a snapshot, in node order
   */
  public Map<String, List<Throwable>> exceptions() {
    Map<String, List<Throwable>> m = new LinkedHashMap<>();
    for (NodeRun n : nodes) {
      m.put(n.name, n.exceptions());
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The monitor thread's clock: data-flow logging every interval (if on) and stall checks
   * (if on), until the execution ends ({@code loggingStop}); stall checks stop at a halt.
   */
  private void monitor(StallMonitor stall) {
    long logEvery = logging == null ? Long.MAX_VALUE : logging.timeInterval().toNanos();
    long checkEvery = stall == null ? Long.MAX_VALUE : stall.tickNanos();
    long sinceLog = 0;
    long sinceCheck = 0;
    long last = System.nanoTime();
    try {
      while (!loggingStop.await(Math.min(logEvery - sinceLog, checkEvery - sinceCheck),
          TimeUnit.NANOSECONDS)) {
        long now = System.nanoTime();
        sinceLog += now - last;
        sinceCheck += now - last;
        last = now;
        if (sinceLog >= logEvery) {
          logDataFlow();
          sinceLog = 0;
        }
        if (sinceCheck >= checkEvery) {
          if (!halted) {
            stall.check(now);
          }
          sinceCheck = 0;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void logDataFlow() {
    for (NodeRun n : nodes) {
      if (logging.nodeFilter().isEmpty() || logging.nodeFilter().contains(n.name)) {
        loggingLogger.info(logging.format(n.name, n.stats()));
      }
    }
  }
}
