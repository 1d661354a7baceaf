package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.GraphHaltedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reorder buffer of an ordered node ({@code NodeOptions.ordered(true)}, several workers).
 *
 * <p><b>Tickets.</b> Each input taken gets the next ticket, taken under {@code takeLock}
 * together with the item, so tickets follow the queue's order. {@code head} is the oldest
 * ticket not yet released. The call holding {@code head} emits straight to the destinations;
 * any other call keeps what it emits in its {@link Held} list. When a call ends, its list is
 * either released at once (it is {@code head}: its owner sends it, then advances {@code head}
 * and sends every following list that is already complete) or parked in {@code completed}
 * until {@code head} reaches it. Whether a finished call parks its list or the advancing
 * thread takes it is decided under {@code lock}, so exactly one thread sends each list, and
 * lists leave in ticket order.
 *
 * <p><b>One set of sinks.</b> The node's workers share one sink per destination, used only by
 * the thread that owns {@code head} (the call holding it, or the thread sending complete lists),
 * so a destination's queue sees the items from one producer, in order, also when it hands
 * them over through a single-producer stash. Ownership passes under {@code lock} (or through
 * the volatile {@code head}), which orders each owner's puts before the next owner's.
 *
 * <p><b>Bound.</b> A worker takes an input only while fewer than {@code window} tickets are
 * unreleased, so at most {@code window} calls' outputs are held; a call that is not
 * {@code head} holds at most {@link #MAX_HELD_PER_CALL} items, then waits in {@code emit}
 * until it is {@code head}.
 *
 * <p><b>No deadlock.</b> The call holding {@code head} never waits on this gate (it is
 * {@code head}), so it finishes as long as the node function returns and the destinations
 * take (back-pressure along edges cannot cycle in a DAG); then {@code head} advances and the
 * next waiter proceeds. Every ticket below any running ticket is running or complete, so the
 * smallest unreleased ticket always belongs to a running call or is released at once.
 *
 * <p><b>Halt.</b> {@link #halt} wakes every waiter (who then throws
 * {@link GraphHaltedException}) and throws away the parked lists; a call that ends after the
 * halt throws its own list away. Each thrown-away item is counted as {@code in} and
 * {@code discarded} at each destination it was bound for (it already counted as this node's
 * {@code out}), so the statistics still add up.
 */
final class OrderGate {
  /** The most items a call that is not the oldest holds before it waits for its turn. */
  static final int MAX_HELD_PER_CALL = 1024;

  private final NodeRun node;
  private final int window;
  private final ReentrantLock takeLock = new ReentrantLock();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition advanced = lock.newCondition();
  private final Map<Long, Held> completed = new HashMap<>();
  /** Next ticket to give out; guarded by {@code takeLock}, read under {@code lock}. */
  private volatile long next;
  /** Oldest ticket not yet released; written under {@code lock}. */
  private volatile long head;
  private volatile boolean halted;
  private InputQueue.Sink[] sinks;

  OrderGate(NodeRun node, int window) {
    this.node = node;
    this.window = window;
  }

  /** The sinks all the node's workers share; made before any thread starts. */
  InputQueue.Sink[] sinks() {
    if (sinks == null) {
      sinks = new InputQueue.Sink[node.destinations.length];
      for (int d = 0; d < sinks.length; d++) {
        sinks[d] = node.destinations[d].queue.sink(node.name);
      }
    }
    return sinks;
  }

  /** What one call emitted while it was not {@code head}: items and where each may go. */
  static final class Held {
    final List<Object> items = new ArrayList<>();
    /** Per item, the destinations whose edge condition held; null entries mean all. */
    final List<boolean[]> routes = new ArrayList<>();

    void add(Object item, boolean[] route) {
      items.add(item);
      routes.add(route);
    }

    int size() {
      return items.size();
    }
  }

  /**
   * Waits for room in the window, then takes one item and its ticket.
   *
   * @return the ticket, or -1 at end of stream or after a halt
   */
  long take(Object[] buf, int workers) throws InterruptedException {
    takeLock.lockInterruptibly();
    try {
      awaitWindow();
      if (halted) {
        return -1;
      }
      int n = node.queue.take(buf, 1, workers);
      return n < 0 ? -1 : next++;
    } finally {
      takeLock.unlock();
    }
  }

  /** A ticket for the start call (which takes no item), after waiting for the window. */
  long startTicket() throws InterruptedException {
    takeLock.lockInterruptibly();
    try {
      awaitWindow();
      return halted ? -1 : next++;
    } finally {
      takeLock.unlock();
    }
  }

  private void awaitWindow() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!halted && next - head >= window) {
        advanced.await();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether this ticket may emit straight through. */
  boolean isHead(long ticket) {
    return head == ticket;
  }

  /** A call that is not head and holds too much waits here for its turn. */
  void awaitHead(long ticket) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!halted && head != ticket) {
        advanced.await();
      }
      if (halted) {
        throw new GraphHaltedException("The graph halted; node '" + node.name
            + "' emits no more");
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * A call ended: release its list now if it is head (and every complete list after it), or
   * park it.
   *
   * @param sender sends one list along the worker's own sinks; it discards what it could not
   *     send before it throws
   */
  void finish(long ticket, Held held, Sender sender) throws InterruptedException {
    lock.lock();
    try {
      if (halted) {
        discard(held);
        return;
      }
      if (head != ticket) {
        completed.put(ticket, held);
        return;
      }
    } finally {
      lock.unlock();
    }
    Held sending = held;
    while (true) {
      sender.send(sending);
      lock.lock();
      try {
        head++;
        advanced.signalAll();
        if (halted) {
          return;
        }
        sending = completed.remove(head);
        if (sending == null) {
          return;
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** A call ended by the halt: throw its list away. */
  void abandon(Held held) {
    lock.lock();
    try {
      discard(held);
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every waiter and throws away the parked lists. */
  void halt() {
    lock.lock();
    try {
      halted = true;
      completed.values().forEach(this::discard);
      completed.clear();
      advanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Counts the items from {@code from} on as in and discarded where they were bound. */
  void discard(Held held, int from) {
    NodeRun[] dests = node.destinations;
    for (int i = from; i < held.size(); i++) {
      boolean[] route = held.routes.get(i);
      for (int d = 0; d < dests.length; d++) {
        if (route == null || route[d]) {
          dests[d].in.increment();
          dests[d].discarded.increment();
        }
      }
    }
  }

  private void discard(Held held) {
    if (held != null) {
      discard(held, 0);
    }
  }

  /** Sends a held list along a worker's sinks. */
  interface Sender {
    void send(Held held) throws InterruptedException;
  }
}
