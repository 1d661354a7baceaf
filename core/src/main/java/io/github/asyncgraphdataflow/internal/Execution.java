package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.DataFlowLogging;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.Failure;
import io.github.asyncgraphdataflow.HaltReason;
import io.github.asyncgraphdataflow.NodeStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p><b>Stall checks</b> (on by default) run on the caller of {@code execute} while it waits:
 * it wakes a few times per stall interval and lets {@link StallMonitor} read the counters,
 * without the lock; no thread is started for them, so a short execution pays nothing.
 *
 * <p><b>Data-flow logging</b>, when on, runs on one thread {@code agdf-data-flow-log} from the
 * executor's thread factory (as the workers); it only reads counters, and is stopped and
 * joined before {@code execute} returns.
 *
 * <p><b>Policies.</b> Retries, back-off and rate-limit waits run on the worker's own thread
 * (see {@link Worker}); call timeouts share one timer thread ({@link Watchdog}), made only
 * when a node has a timeout and stopped before {@code execute} returns. An error budget
 * (per node or graph-wide) halts like a failure where halting is on; the time limit and
 * {@link #cancel} halt like an interrupt of the caller, but {@code execute} returns a result
 * that says why ({@link HaltReason}).
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
  private volatile HaltReason haltReason;
  private volatile Throwable fatal;
  private volatile Thread[] threads = new Thread[0];
  /** The caller was interrupted after every node had finished; written by the caller only. */
  private boolean lateInterrupt;
  private final Watchdog watchdog;
  private final long maxErrors;
  private final AtomicLong errors = new AtomicLong();
  private final Duration timeLimit;

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
      nodes[i].destinations = wire(graph.destinations()[i]);
      nodes[i].conditions = graph.conditions()[i];
      nodes[i].errorDestinations = wire(graph.errorDestinations()[i]);
    }
    connectQueues(graph);
    remaining = nodes.length;
    long minTimeout = Long.MAX_VALUE;
    for (NodeRun n : nodes) {
      if (n.timeoutNanos > 0) {
        minTimeout = Math.min(minTimeout, n.timeoutNanos);
      }
    }
    this.watchdog = minTimeout == Long.MAX_VALUE ? null : new Watchdog(threadFactory, minTimeout);
    this.maxErrors = config.maxErrors();
    this.timeLimit = config.timeLimit();
  }

  /** The nodes at these indexes. */
  private NodeRun[] wire(int[] indexes) {
    NodeRun[] wired = new NodeRun[indexes.length];
    for (int d = 0; d < indexes.length; d++) {
      wired[d] = nodes[indexes[d]];
    }
    return wired;
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
      for (int d : graph.errorDestinations()[i]) {
        if (!sources.get(d).contains(nodes[i].name)) {
          sources.get(d).add(nodes[i].name); // an error edge feeds its destination too
        }
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
    Thread logThread = null;
    if (logging != null) {
      logThread = threadFactory.newThread(this::logPeriodically); // the user's, as the workers'
      logThread.setName("agdf-data-flow-log");
      logThread.start();
    }
    StallMonitor stall = stallWarning.isZero() ? null
        : new StallMonitor(nodes, stallWarning, logger, System.nanoTime());
    if (watchdog != null) {
      watchdog.start();
    }
    for (Thread t : threads) {
      t.start();
    }
    boolean interrupted = awaitEnd(start, stall);
    if (halted) {
      // A halt from another thread (cancel) may still be emptying the queues while every
      // worker has already seen the flag and exited: empty them here too, so the statistics
      // read next include every discarded item. Each queue's halt is idempotent under its own
      // lock, so whichever thread comes second finds nothing and counts nothing.
      for (NodeRun n : nodes) {
        n.queue.halt();
      }
    }
    if (watchdog != null) {
      watchdog.shutdown();
    }
    logSummaries();
    if (logThread != null) {
      loggingStop.countDown();
      joinUninterruptibly(logThread);
      logDataFlow();
    }
    if (lateInterrupt && !interrupted) {
      Thread.currentThread().interrupt(); // arrived after the work was done: keep it for the caller
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
        Duration.ofNanos(System.nanoTime() - start), haltReason, failures());
    if (listeners != null) {
      listeners.executionFinished(result);
    }
    return result;
  }

  /** The listeners as one, or {@code null} when none is registered. */
  Listeners listeners() {
    return listeners;
  }

  /** The call timer, made when some node has a timeout. */
  Watchdog watchdog() {
    return watchdog;
  }

  /**
   * Waits until every node finished, or the time limit is up, looking for stalls while it
   * waits (if on); on halt, at most {@code haltTimeout} more.
   */
  private boolean awaitEnd(long start, StallMonitor stallMonitor) {
    boolean interrupted = false;
    long deadline = timeLimit == null ? 0 : start + timeLimit.toNanos();
    StallMonitor stall = stallMonitor;
    long nextCheck = stall == null ? 0 : start + stall.tickNanos();
    lock.lock();
    try {
      while (remaining > 0 && !halted) {
        try {
          long now = System.nanoTime();
          if (timeLimit != null && deadline - now <= 0) {
            haltInternal(null, HaltReason.TIME_LIMIT,
                "the time limit of " + timeLimit + " is up");
          } else if (stall != null && nextCheck - now <= 0) {
            lock.unlock(); // a check reads counters, takes stacks and logs: not under the lock
            try {
              stall = checkStalls(stall, now);
            } finally {
              lock.lock();
            }
            nextCheck = now + (stall == null ? 0 : stall.tickNanos());
          } else if (timeLimit == null && stall == null) {
            changed.await();
          } else {
            long left = timeLimit == null ? Long.MAX_VALUE : deadline - now;
            changed.awaitNanos(stall == null ? left : Math.min(left, nextCheck - now));
          }
        } catch (InterruptedException e) {
          if (remaining == 0) {
            lateInterrupt = true; // every node had finished already: nothing to halt
          } else {
            interrupted = true;
            haltInternal(null, HaltReason.INTERRUPTED, "the caller of execute was interrupted");
          }
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
      joinUninterruptibly(t);
    }
    return interrupted;
  }

  /**
   * Joins a thread that has finished its work (or is about to); an interrupt arriving
   * meanwhile does not end the run: it is kept in {@code lateInterrupt} and restored on the
   * caller's thread when {@code run} returns.
   */
  private void joinUninterruptibly(Thread t) {
    while (true) {
      try {
        t.join();
        return;
      } catch (InterruptedException e) {
        lateInterrupt = true;
      }
    }
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

  /**
   * A node's call failed for good, or the node emitted a throwable.
   *
   * @param item the call's item (a start call's arguments)
   * @param startCall whether the call was a start node's call
   * @param attempts the attempts made
   */
  void failed(NodeRun node, Object item, boolean startCall, int attempts, Throwable t) {
    node.recordFailure(item, attempts, t);
    logFailure(node, item, startCall, t);
    if (listeners != null) {
      listeners.failed(node.name, t);
    }
    if (t instanceof Error) {
      fatal(node, t);
    } else if (node.spec.haltOnException()) {
      halt(node.name);
    } else if (node.maxErrors > 0 && node.err.sum() >= node.maxErrors) {
      haltInternal(node.name, HaltReason.ERROR_BUDGET, "node '" + node.name
          + "' reached its error budget of " + node.maxErrors + " errors");
    } else if (maxErrors > 0 && errors.incrementAndGet() >= maxErrors) {
      haltInternal(node.name, HaltReason.ERROR_BUDGET, "the graph reached its error budget of "
          + maxErrors + " errors, the last in node '" + node.name + "'");
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
    log(node, "", t);
  }

  /**
   * Logs a failed call with (a bounded description of) its item, or, for a start node's call,
   * its arguments if it has any; throttled as above.
   */
  private void logFailure(NodeRun node, Object item, boolean startCall, Throwable t) {
    if (startCall) { // its "item" is its arguments
      log(node, node.startArgs.isEmpty() ? " in its start call"
          : " in its start call with arguments " + Items.describe(item), t);
    } else {
      log(node, " on item " + Items.describe(item), t);
    }
  }

  private void log(NodeRun node, String onItem, Throwable t) {
    long n = node.logged.incrementAndGet();
    if (n <= LOGGED_IN_FULL || t instanceof Error) {
      logger.error("Exception in node '{}'{}", node.name, onItem, t);
    } else if (n <= LOGGED_AS_ONE_LINE) {
      logger.error("Exception in node '{}'{} (failure {}; after {}, without stack trace): {}",
          node.name, onItem, n, LOGGED_IN_FULL, t.toString());
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
      long failures = n.logged.get();
      if (failures > LOGGED_IN_FULL) {
        logger.error("Node '{}': {} failures, {} not logged in full; see exceptions()",
            n.name, count(failures), count(failures - LOGGED_IN_FULL));
      }
    }
  }

  /** Halts the graph because {@code cancel} was called; returns false if already halted. */
  public boolean cancel() {
    return haltInternal(null, HaltReason.CANCELLED, "cancelled");
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
    haltInternal(node, HaltReason.FAILURE, null);
  }

  private boolean haltInternal(String node, HaltReason reason, String message) {
    synchronized (this) {
      if (halted) {
        return false;
      }
      haltedBy = node;
      haltReason = reason;
      halted = true;
    }
    if (message == null) {
      logger.error("Graph execution halted due to an exception in node '{}'", node);
    } else if (reason == HaltReason.CANCELLED) {
      logger.info("Graph execution halted: {}", message);
    } else if (reason == HaltReason.TIME_LIMIT) {
      logger.warn("Graph execution halted: {}", message);
    } else {
      logger.error("Graph execution halted: {}", message);
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
    return true;
  }

  /**
   * Per-node statistics now.
   *
   * @return a snapshot, in node order
   */
  public Map<String, NodeStats> stats() {
    return perNode(NodeRun::stats);
  }

  /**
   * Per-node exceptions now, oldest first.
   *
   * @return a snapshot, in node order
   */
  public Map<String, List<Throwable>> exceptions() {
    return perNode(NodeRun::exceptions);
  }

  /**
   * Per-node failures with their items now, oldest first.
   *
   * @return a snapshot, in node order
   */
  public Map<String, List<Failure>> failures() {
    return perNode(NodeRun::failures);
  }

  /** One value per node, in node order, unmodifiable. */
  private <T> Map<String, T> perNode(java.util.function.Function<NodeRun, T> value) {
    Map<String, T> m = new LinkedHashMap<>();
    for (NodeRun n : nodes) {
      m.put(n.name, value.apply(n));
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** One stall check; a logger that throws turns the checks off for this run. */
  private static StallMonitor checkStalls(StallMonitor stall, long now) {
    try {
      stall.check(now);
      return stall;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void logPeriodically() {
    try {
      while (!loggingStop.await(logging.timeInterval().toNanos(), TimeUnit.NANOSECONDS)) {
        logDataFlow();
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
