package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.GraphHaltedException;
import java.util.Arrays;

/**
 * One of a node's workers, and the emitter its function calls.
 *
 * <p>The loop: take a batch from the node's queue (waiting while it is empty) and call the
 * function once per item; stop at end of stream or on halt. Each {@link #emit} hands its item
 * to every destination's queue before it returns: nothing emitted is ever held in the worker,
 * so a downstream node never waits on items parked upstream, even while the emitting call
 * blocks (on I/O, say) or runs for the whole execution (a source).
 *
 * <p>Thread-safety: each call of the function gets its own {@link Call} emitter, confined to
 * this worker's thread and valid only until that call returns; {@link #emit} checks both and
 * throws otherwise, so an emitter kept past its call can never deliver anything.
 */
final class Worker implements Runnable {
  private static final int TAKE_BATCH = 256;

  private final Execution execution;
  private final NodeRun node;
  private final boolean runsStart;
  private final Object[][] buffers;
  private final int[] fill;
  private final Object[] batch;
  private Thread owner;

  Worker(Execution execution, NodeRun node, boolean runsStart) {
    this.execution = execution;
    this.node = node;
    this.runsStart = runsStart;
    int n = node.destinations.length;
    this.buffers = new Object[n][];
    this.fill = new int[n];
    for (int d = 0; d < n; d++) {
      buffers[d] = new Object[1];
    }
    this.batch = new Object[TAKE_BATCH];
  }

  @Override
  public void run() {
    owner = Thread.currentThread();
    try {
      if (runsStart && !execution.halted()) {
        invoke(null, true);
        flushAll();
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
      // empty after a normal end; after a halt, what was emitted but not handed over
      discardBuffers();
      execution.workerExited(node);
    }
  }

  private void loop() throws InterruptedException {
    while (!execution.halted()) {
      int n;
      try {
        n = node.queue.take(batch, TAKE_BATCH, node.workers);
      } catch (InterruptedException e) {
        throw e;
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
          node.discarded.add(n - i);
          Arrays.fill(batch, i, n, null);
          return;
        }
        Object item = batch[i];
        batch[i] = null;
        try {
          invoke(item, false);
        } catch (GraphHaltedException | InterruptedException e) {
          // the call ended because of the halt: the rest of the batch was never processed
          node.discarded.add(n - i - 1);
          Arrays.fill(batch, i + 1, n, null);
          throw e;
        }
      }
      flushAll();
    }
  }

  private void invoke(Object item, boolean start) throws InterruptedException {
    Call call = new Call();
    try {
      if (start) {
        node.invoker.callStart(node.startArgs, call);
      } else {
        node.invoker.call(item, call);
      }
    } catch (GraphHaltedException e) {
      throw e;
    } catch (Throwable t) {
      if (execution.halted() && isInterruption(t)) {
        throw new GraphHaltedException("halted");
      }
      execution.failed(node, t);
    } finally {
      call.open = false;
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
    node.out.increment();
    // buffer for every destination before handing any over: if a hand-over fails (halt or
    // interrupt), the copies not yet handed over are counted as delivered and discarded, so
    // every destination's in still matches this node's out
    for (int d = 0; d < fill.length; d++) {
      buffers[d][fill[d]++] = item;
    }
    try {
      for (int d = 0; d < fill.length; d++) {
        flush(d);
      }
    } catch (GraphHaltedException | InterruptedException e) {
      discardBuffers();
      throw e;
    }
  }

  private void flushAll() throws InterruptedException {
    for (int d = 0; d < fill.length; d++) {
      flush(d);
    }
  }

  private void flush(int d) throws InterruptedException {
    int n = fill[d];
    if (n == 0) {
      return;
    }
    NodeRun dest = node.destinations[d];
    dest.in.add(n);
    int put = dest.queue.putAll(buffers[d], n, node.name);
    Arrays.fill(buffers[d], 0, n, null);
    fill[d] = 0;
    if (put < n) {
      dest.discarded.add(n - put);
      if (execution.halted()) {
        throw new GraphHaltedException("The graph halted; node '" + node.name + "' emits no more");
      }
      throw new InterruptedException("interrupted while node '" + node.name
          + "' waited for room in the queue of '" + dest.name + "'");
    }
  }

  private void discardBuffers() {
    for (int d = 0; d < fill.length; d++) {
      int n = fill[d];
      if (n > 0) {
        NodeRun dest = node.destinations[d];
        dest.in.add(n);
        dest.discarded.add(n);
        Arrays.fill(buffers[d], 0, n, null);
        fill[d] = 0;
      }
    }
  }
}
