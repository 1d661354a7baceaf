package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.Edge;
import io.github.asyncgraphdataflow.EdgeConditionException;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.GraphHaltedException;
import java.util.Arrays;
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
 * <p>An edge with a condition gets only the items the condition accepts (evaluated once per
 * item and edge, in {@code emit}). An ordered node's worker takes one item at a time with a
 * ticket from the node's {@link OrderGate}; a call that is not the oldest holds what it emits
 * until its turn (see there).
 *
 * <p>Thread-safety: each call of the function gets its own {@link Call} emitter, confined to
 * this worker's thread and valid only until that call returns; {@code emit} checks both and
 * throws otherwise, so an emitter kept past its call can never deliver anything. The
 * {@code out} counter has this worker as its only writer and is read by anyone.
 */
final class Worker implements Runnable {
  private static final int TAKE_BATCH = 256;

  private final Execution execution;
  private final NodeRun node;
  private final boolean runsStart;
  private final InputQueue.Sink[] sinks;
  private final WorkerCounters counters;
  private final Listeners listeners;
  private final Object[] batch;
  private final Predicate<Object>[] conditions;
  private final OrderGate order;
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
    // a worker of many takes at most its fair share (BoundedQueue.take): 1,000 workers need
    // not allocate 256 slots each
    this.batch = new Object[node.workers == 1 ? TAKE_BATCH : Math.max(1,
        Math.min(TAKE_BATCH, node.spec.options().queueSize() / (4 * node.workers)))];
    this.conditions = node.conditions;
    this.order = node.order;
  }

  @Override
  public void run() {
    owner = Thread.currentThread();
    try {
      if (runsStart && !execution.halted()) {
        long ticket = order == null ? -1 : order.startTicket();
        if (ticket >= 0 || order == null) {
          invoke(null, true, ticket);
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
      }
      execution.workerExited(node);
    }
  }

  private void loop() throws InterruptedException {
    while (!execution.halted()) {
      int n;
      long ticket = -1;
      try {
        if (order == null) {
          n = node.queue.take(batch, batch.length, node.workers);
        } else {
          ticket = order.take(batch, node.workers);
          n = ticket < 0 ? -1 : 1;
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
        WorkerCounters.increment(counters.calls);
        try {
          invoke(item, false, ticket);
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

  private void invoke(Object item, boolean start, long ticket) throws InterruptedException {
    Call call = new Call(ticket);
    long began = listeners == null ? 0 : System.nanoTime();
    Throwable thrown = null;
    counters.active.lazySet(1);
    try {
      if (start) {
        node.invoker.callStart(node.startArgs, call);
      } else {
        node.invoker.call(item, call);
      }
    } catch (GraphHaltedException e) {
      thrown = e;
      abandon(call);
      throw e;
    } catch (Throwable t) {
      thrown = t;
      if (execution.halted() && isInterruption(t)) {
        abandon(call);
        throw new GraphHaltedException("halted");
      }
      execution.failed(node, t);
    } finally {
      call.open = false;
      counters.active.lazySet(0);
      if (listeners != null) {
        listeners.callFinished(node.name, System.nanoTime() - began, thrown);
      }
      if (!execution.halted()) {
        // An interrupt flag the function left set is not a halt (a halt sets halted() before
        // it interrupts): clear it, or it would end this worker's next wait for input early.
        Thread.interrupted();
      }
    }
    if (ticket >= 0) {
      order.finish(ticket, call.held == null ? new OrderGate.Held() : call.held, this::send);
    }
  }

  /** The call ended by the halt: what it held never leaves. */
  private void abandon(Call call) {
    if (call.held != null) {
      order.abandon(call.held);
      call.held = null;
    }
  }

  /** Sends a held list in order; on a halt, counts the rest as discarded where it was bound. */
  private void send(OrderGate.Held held) throws InterruptedException {
    for (int i = 0; i < held.size(); i++) {
      try {
        deliver(held.items.get(i), held.routes.get(i));
      } catch (GraphHaltedException | InterruptedException e) {
        order.discard(held, i + 1);
        throw e;
      } catch (RuntimeException e) {
        execution.failed(node, e); // a custom queue refused it (counted there); go on
      }
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
    private boolean open = true;
    /** The ticket of an ordered node's call, else -1. */
    private final long ticket;
    /** What this call emitted while it was not the oldest (ordered nodes only). */
    private OrderGate.Held held;

    Call(long ticket) {
      this.ticket = ticket;
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
    if (item instanceof Throwable t) {
      execution.failed(node, t);
      return;
    }
    WorkerCounters.increment(counters.out);
    boolean[] route = conditions == null ? null : route(item);
    if (call.ticket >= 0) {
      if (!order.isHead(call.ticket)) {
        if (call.held == null) {
          call.held = new OrderGate.Held();
        }
        call.held.add(item, route);
        if (call.held.size() < OrderGate.MAX_HELD_PER_CALL) {
          return;
        }
        order.awaitHead(call.ticket);
        sendHeld(call); // this item included
        return;
      }
      if (call.held != null) {
        sendHeld(call); // the call became the oldest: what it held goes first
      }
    }
    deliver(item, route);
  }

  private void sendHeld(Call call) throws InterruptedException {
    OrderGate.Held held = call.held;
    call.held = null;
    send(held);
  }

  /** Per destination, whether its edge's condition accepts the item. */
  private boolean[] route(Object item) {
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
        execution.failed(node, new EdgeConditionException(
            new Edge(node.name, node.destinations[d].name, true), e));
      }
    }
    return route;
  }

  private void deliver(Object item, boolean[] route) throws InterruptedException {
    // every destination gets the item, even when a hand-over fails: each sink counts it (as
    // in, and as discarded if it was not delivered), so in and out always agree
    InterruptedException interrupted = null;
    GraphHaltedException haltedNow = null;
    RuntimeException refused = null;
    for (int d = 0; d < sinks.length; d++) {
      if (route != null && !route[d]) {
        continue;
      }
      try {
        sinks[d].put(item);
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
    if (refused != null) {
      throw refused;
    }
  }
}
