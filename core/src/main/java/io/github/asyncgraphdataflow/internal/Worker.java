package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.DeadLetter;
import io.github.asyncgraphdataflow.Edge;
import io.github.asyncgraphdataflow.EdgeConditionException;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.GraphHaltedException;
import io.github.asyncgraphdataflow.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One of a node's workers, and the emitter its function calls.
 *
 * <p>The loop: take a batch from the node's queue (waiting while it is empty) and call the
 * function once per item; stop at end of stream or on halt. Each {@link #emit} hands its item
 * to every destination's queue before it returns (through the worker's {@link InputQueue.Sink}
 * for that destination, without a lock in the common case): nothing emitted is ever held back,
 * so a downstream node never waits on items parked upstream, even while the emitting call
 * blocks (on I/O, say) or runs for the whole execution (a source).
 *
 * <p><b>Policies.</b> A node with a retry policy, a call timeout or a rate limit takes
 * {@link #invokeWithPolicies}: before each attempt it waits for the rate limiter; the watchdog
 * times each attempt; a failed attempt is tried again after a back-off sleep when the policy
 * allows, its held emits dropped (see {@link Retry}). Every wait there is a sleep with a
 * deadline that a halt's interrupt ends at once. A node without them takes the plain path,
 * unchanged. A call that fails for good also sends a {@link DeadLetter} along the node's
 * error edges.
 *
 * <p><b>Conditions and order.</b> An edge with a condition gets only the items the condition
 * accepts (evaluated once per item and edge, when the item is handed over). An ordered node's
 * worker takes one item at a time with a ticket from the node's {@link OrderGate}; while its
 * item is not the oldest, what it hands over is parked until its turn (see there).
 *
 * <p>Thread-safety: each call of the function gets its own {@link Call} emitter, confined to
 * this worker's thread and valid only until that call returns; {@code emit} checks both and
 * throws otherwise, so an emitter kept past its call can never deliver anything. The
 * {@code out} counter has this worker as its only writer and is read by anyone.
 */
final class Worker implements Runnable {
  private final Execution execution;
  private final NodeRun node;
  private final boolean runsStart;
  private final InputQueue.Sink[] sinks;
  private final InputQueue.Sink[] errorSinks;
  private final WorkerCounters counters;
  private final Listeners listeners;
  private final Object[] batch;
  /** This worker's buffer for a call's held emits (one call at a time), made on first use. */
  private ArrayList<Object> heldBuffer;
  /** This worker's call clock, registered at its first call with a timeout. */
  private Watchdog.Slot clock;
  private final Predicate<Object>[] conditions;
  private final OrderGate order;
  /** The ticket of the item being processed by an ordered node, else -1. */
  private long ticket = -1;
  /** What this worker handed over for its ticket while it was not the oldest. */
  private OrderGate.Held parked;
  private Thread owner;

  Worker(Execution execution, NodeRun node, int index, boolean runsStart) {
    this.execution = execution;
    this.node = node;
    this.runsStart = runsStart;
    this.counters = node.counters[index];
    this.listeners = execution.listeners();
    if (node.order != null) {
      this.sinks = node.order.sinks();
    } else {
      this.sinks = new InputQueue.Sink[node.destinations.length];
      for (int d = 0; d < sinks.length; d++) {
        sinks[d] = node.destinations[d].queue.sink(node.name);
      }
    }
    this.conditions = node.conditions;
    this.order = node.order;
    this.errorSinks = new InputQueue.Sink[node.errorDestinations.length];
    for (int d = 0; d < errorSinks.length; d++) {
      errorSinks[d] = node.errorDestinations[d].queue.sink(node.name);
    }
    // a worker of many takes at most its share: 1,000 workers need not allocate 256 slots each
    this.batch = new Object[InputQueue.share(node.spec.options().queueSize(), node.workers)];
  }

  @Override
  public void run() {
    owner = Thread.currentThread();
    try {
      if (runsStart && !execution.halted()) {
        long t = order == null ? -1 : order.startTicket();
        if (t >= 0 || order == null) {
          invoke(null, true, t);
        }
      }
      loop();
    } catch (GraphHaltedException | InterruptedException e) {
      // the graph halted (or the worker was interrupted by the halt): stop quietly
    } catch (Throwable t) {
      // outside any call: a custom queue failed, or an Error; record it and stop the graph
      node.recordFailure(t);
      execution.logFailure(node, t);
      execution.fatal(node, t);
    } finally {
      if (execution.halted()) {
        for (InputQueue.Sink sink : sinks) {
          sink.discard();
        }
        for (InputQueue.Sink sink : errorSinks) {
          sink.discard();
        }
      }
      execution.workerExited(node);
    }
  }

  private void loop() throws InterruptedException {
    while (!execution.halted()) {
      int n;
      long t = -1;
      try {
        if (order == null) {
          n = node.queue.take(batch, batch.length, node.workers);
        } else {
          t = order.take(batch, node.workers);
          n = t < 0 ? -1 : 1;
        }
      } catch (InterruptedException e) {
        if (execution.halted()) {
          throw e;
        }
        continue; // not the halt's interrupt: this worker still has work to wait for
      } catch (RuntimeException e) {
        // a custom queue failed: its content can no longer be trusted
        node.recordFailure(e);
        execution.logFailure(node, e);
        execution.halt(node.name);
        return;
      }
      if (n < 0) {
        return;
      }
      for (int i = 0; i < n; i++) {
        if (execution.halted()) {
          discardRest(i, n);
          return;
        }
        Object item = batch[i];
        batch[i] = null;
        counters.addCall();
        try {
          invoke(item, false, t);
        } catch (GraphHaltedException | InterruptedException e) {
          // the call ended because of the halt: the rest of the batch is never processed
          discardRest(i + 1, n);
          throw e;
        }
      }
    }
  }

  private void discardRest(int from, int n) {
    node.discarded.add(n - from);
    Arrays.fill(batch, from, n, null);
  }

  private void invoke(Object item, boolean start, long t) throws InterruptedException {
    if (t < 0) {
      invoke(item, start);
      return;
    }
    ticket = t;
    try {
      invoke(item, start);
    } catch (Throwable e) {
      // only a halt (or a failure that halts the graph) ends a call here: what it parked
      // never leaves, and counts as discarded where it was bound
      ticket = -1;
      if (parked != null) {
        order.abandon(parked);
        parked = null;
      }
      throw e;
    }
    ticket = -1;
    OrderGate.Held held = parked == null ? new OrderGate.Held() : parked;
    parked = null;
    order.finish(t, held, this::send);
  }

  /** Sends a parked list in order; on a halt, counts the rest as discarded where it was bound. */
  private void send(OrderGate.Held held) throws InterruptedException {
    for (int i = 0; i < held.size(); i++) {
      RuntimeException refused;
      try {
        refused = handOver(sinks, held.routes.get(i), held.items.get(i));
      } catch (GraphHaltedException | InterruptedException e) {
        order.discard(held, i + 1);
        throw e;
      }
      if (refused != null) {
        // a custom queue refused it (counted there)
        execution.failed(node, null, false, 1, refused);
      }
    }
  }

  private void sendParked() throws InterruptedException {
    OrderGate.Held held = parked;
    parked = null;
    send(held);
  }

  /** Per destination, whether its edge's condition accepts the item. */
  private boolean[] route(Call call, Object item) {
    boolean[] route = new boolean[sinks.length];
    for (int d = 0; d < route.length; d++) {
      Predicate<Object> condition = conditions[d];
      if (condition == null) {
        route[d] = true;
        continue;
      }
      try {
        route[d] = condition.test(item);
      } catch (RuntimeException e) {
        execution.failed(node, call.item(), call.start, call.attempt, new EdgeConditionException(
            new Edge(node.name, node.destinations[d].name, true), e));
      }
    }
    return route;
  }

  private void invoke(Object item, boolean start) throws InterruptedException {
    if (node.policies) {
      invokeWithPolicies(item, start);
      return;
    }
    Call call = new Call(item, start, 1, null);
    Throwable failure = attempt(call);
    if (failure != null) {
      failForGood(call, failure);
    }
  }

  /** Rate limit, timeout and retry around the calls of one item; see {@link Retry}. */
  private void invokeWithPolicies(Object item, boolean start) throws InterruptedException {
    Retry retry = node.retry;
    boolean hold = retry.maxAttempts() > 1 && retry.holdLimit() > 0;
    Call previous = null;
    Throwable failure = null;
    for (int attempt = 1; ; attempt++) {
      try {
        if (previous != null) {
          long wait = backoffNanos(retry, attempt - 1, failure);
          RateLimiter.sleepUntil(System.nanoTime() + wait, execution);
        }
        if (node.rateLimiter != null) {
          node.rateLimiter.acquire(execution);
        }
      } catch (GraphHaltedException e) {
        if (previous != null) {
          // the halt ended the wait for another attempt: the last failure is final (its dead
          // letter is counted as in and discarded at the dead-letter node)
          try {
            failForGood(previous, failure);
          } catch (GraphHaltedException | InterruptedException stopped) {
            // expected: the graph has halted
          }
        }
        throw e;
      }
      if (previous != null) {
        counters.addRetry();
      }
      if (hold) {
        if (heldBuffer == null) {
          heldBuffer = new ArrayList<>();
        }
        heldBuffer.clear(); // empty unless a halt ended the previous call mid-way
      }
      Call call = new Call(item, start, attempt, hold ? heldBuffer : null);
      failure = attempt(call);
      if (failure == null) {
        release(call);
        return;
      }
      if (attempt >= retry.maxAttempts() || call.streamed || execution.halted()
          || !retry.retries(failure)) {
        try {
          release(call); // the last attempt's emits go on, before its failure, as without a policy
        } finally {
          failForGood(call, failure);
        }
        return;
      }
      if (call.held != null) {
        call.held.clear(); // a retried attempt's emits are dropped: the next attempt emits again
        call.held = null;
      }
      previous = call;
    }
  }

  private static long backoffNanos(Retry retry, int attempt, Throwable failure) {
    Duration hinted = retry.delay(attempt, failure);
    long nanos = saturatedNanos(hinted);
    if (retry.jitter() == 0.0 || nanos == 0 || !hinted.equals(retry.delay(attempt))) {
      return nanos; // a failure's own hint is used as is
    }
    double spread = retry.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return (long) (nanos * (1.0 + spread));
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  /**
   * One call of the function.
   *
   * @return what it threw (a {@link TimeoutException} if its time ran out), or {@code null}
   * @throws GraphHaltedException if the halt ended the call
   */
  private Throwable attempt(Call call) throws InterruptedException {
    long began = listeners == null ? 0 : System.nanoTime();
    Watchdog.Slot timer = null;
    if (node.timeoutNanos > 0) {
      if (clock == null) {
        clock = execution.watchdog().register();
      }
      timer = clock;
      timer.arm(node.timeoutNanos);
    }
    Throwable thrown = null;
    boolean stoppedByHalt = false;
    counters.active(true);
    try {
      if (call.start) {
        node.invoker.callStart(node.startArgs, call);
      } else {
        node.invoker.call(call.input, call);
      }
    } catch (GraphHaltedException e) {
      thrown = e;
      throw e;
    } catch (Throwable t) {
      thrown = t;
      // decided here, before listeners run: a halt that comes after the call failed on its
      // own must not turn that failure into "stopped by the halt"
      stoppedByHalt = execution.halted() && isInterruption(t);
    } finally {
      call.open = false;
      // after disarm() the timer cannot interrupt this thread any more (see Watchdog)
      if (timer != null && timer.disarm() && !execution.halted()
          && !(thrown instanceof GraphHaltedException)) {
        thrown = timedOut(thrown);
      }
      counters.active(false);
      if (listeners != null) {
        listeners.callFinished(node.name, System.nanoTime() - began, thrown);
      }
      if (!execution.halted()) {
        // An interrupt flag the function (or its timer) left set is not a halt (a halt sets
        // halted() before it interrupts): clear it, or it would end the next wait early.
        // (read first: clearing the flag of a virtual thread costs more than reading it)
        if (Thread.currentThread().isInterrupted()) {
          Thread.interrupted();
        }
      }
    }
    if (stoppedByHalt) {
      throw new GraphHaltedException("halted");
    }
    return thrown;
  }

  private Throwable timedOut(Throwable thrown) {
    TimeoutException e = new TimeoutException("A call of node '" + node.name
        + "' took longer than its timeout of " + Duration.ofNanos(node.timeoutNanos)
        + " and was interrupted");
    if (thrown != null) {
      e.initCause(thrown);
    }
    return e;
  }

  /** The call failed for good: count, log and keep it, and send it along the error edges. */
  private void failForGood(Call call, Throwable failure) throws InterruptedException {
    execution.failed(node, call.item(), call.start, call.attempt, failure);
    deadLetter(call, failure);
  }

  private void deadLetter(Call call, Throwable failure) throws InterruptedException {
    if (errorSinks.length == 0) {
      return;
    }
    Object letter = new DeadLetter<>(node.name, call.item(), failure, call.attempt);
    RuntimeException refused = handOver(errorSinks, null, letter);
    if (refused != null) {
      // a custom queue of the dead-letter node refused it: counted there, and logged here
      execution.failed(node, call.item(), call.start, call.attempt, refused);
    }
  }

  /** Hands the held emits of a call on, in order; later emits of that call go on at once. */
  private void release(Call call) throws InterruptedException {
    List<Object> held = call.held;
    if (held == null) {
      return;
    }
    call.held = null;
    try {
      for (int i = 0; i < held.size(); i++) {
        deliver(call, held.set(i, null));
      }
    } finally {
      held.clear(); // the worker's buffer, ready for its next call
    }
  }

  private static boolean isInterruption(Throwable t) {
    return t instanceof InterruptedException
        || t instanceof java.nio.channels.ClosedByInterruptException
        || t instanceof java.io.InterruptedIOException
        || Thread.currentThread().isInterrupted();
  }

  /** The emitter of one call of the function; written and read only by the worker thread. */
  private final class Call implements Emitter<Object> {
    private final Object input;
    private final boolean start;
    private final int attempt;
    /** Emits held back until the attempt succeeds, or {@code null} when they go on at once. */
    private List<Object> held;
    /** Whether an emit of this call already went on (so it cannot be retried). */
    private boolean streamed;
    private boolean open = true;

    Call(Object input, boolean start, int attempt, List<Object> held) {
      this.input = input;
      this.start = start;
      this.attempt = attempt;
      this.held = held;
    }

    /** The item as failures and dead letters show it: a start call's arguments. */
    Object item() {
      return start ? node.startArgs : input;
    }

    @Override
    public void emit(Object item) throws InterruptedException {
      Worker.this.emit(this, item);
    }
  }

  private void emit(Call call, Object item) throws InterruptedException {
    // the thread is checked first: only the owner may read call.open
    if (Thread.currentThread() != owner || !call.open) {
      throw new IllegalStateException("The emitter of node '" + node.name + "' was used "
          + (Thread.currentThread() != owner ? "from another thread" : "after its call returned")
          + "; emit only from the node function's own thread, while it runs");
    }
    if (execution.halted()) {
      throw new GraphHaltedException("The graph halted; node '" + node.name + "' emits no more");
    }
    if (call.held != null) {
      if (call.held.size() < node.retry.holdLimit()) {
        call.held.add(item);
        return;
      }
      release(call); // past the hold limit: this attempt streams, and cannot be retried
    }
    call.streamed = true;
    deliver(call, item);
  }

  /** Hands one emitted item to every destination (a throwable: counts it as a failure). */
  private void deliver(Call call, Object item) throws InterruptedException {
    if (item instanceof Throwable t) {
      execution.failed(node, call.item(), call.start, call.attempt, t);
      deadLetter(call, t);
      return;
    }
    counters.addOut();
    boolean[] route = conditions == null ? null : route(call, item);
    if (ticket >= 0) {
      if (!order.isHead(ticket)) {
        if (parked == null) {
          parked = new OrderGate.Held();
        }
        parked.add(item, route);
        if (parked.size() < OrderGate.MAX_HELD_PER_CALL) {
          return;
        }
        order.awaitHead(ticket);
        sendParked(); // this item included
        return;
      }
      if (parked != null) {
        sendParked(); // the item became the oldest: what it parked goes first
      }
    }
    RuntimeException refused = handOver(sinks, route, item);
    if (refused != null) {
      throw refused;
    }
  }

  /**
   * Puts the item into every sink its route allows ({@code null}: all), even when a hand-over
   * fails: each sink counts it (as in, and as discarded if it was not delivered), so in and out
   * always agree.
   *
   * @return a custom queue's refusal, if any (the other sinks still got the item)
   */
  private static RuntimeException handOver(InputQueue.Sink[] targets, boolean[] route,
      Object item) throws InterruptedException {
    InterruptedException interrupted = null;
    GraphHaltedException haltedNow = null;
    RuntimeException refused = null;
    for (int d = 0; d < targets.length; d++) {
      if (route != null && !route[d]) {
        continue; // the edge's condition does not accept it
      }
      try {
        targets[d].put(item);
      } catch (GraphHaltedException e) {
        haltedNow = e;
      } catch (InterruptedException e) {
        interrupted = e;
      } catch (RuntimeException e) {
        refused = e; // a custom queue refused the item: the other destinations still get it
      }
    }
    if (haltedNow != null) {
      throw haltedNow;
    }
    if (interrupted != null) {
      throw interrupted;
    }
    return refused;
  }
}
