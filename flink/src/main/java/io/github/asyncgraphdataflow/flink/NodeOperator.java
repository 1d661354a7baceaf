package io.github.asyncgraphdataflow.flink;

import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.GraphHaltedException;
import io.github.asyncgraphdataflow.spi.NodeCaller;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one node in one Flink subtask. With {@code maxTasks} 1 the function is called with each
 * item on the task thread, and each emitted item is sent downstream before {@code emit}
 * returns. With more, and for the start call, up to {@code maxTasks} calls run at a time, each
 * on its own virtual thread; every item a call emits is handed to the task thread
 * through a bounded hand-off queue and sent downstream by the task thread as soon as it gets
 * to it (one "drain" mailbox letter at a time), while the call goes on: a call that emits ten
 * million items never holds them all.
 *
 * <p><b>Threads.</b> The task (mailbox) thread owns the counters, the batch being filled and
 * {@code running}; call threads only put into the hand-off queue and post letters. A call
 * queues its items and then posts a "finished" letter, which drains the queue before it counts
 * the call as done, so when {@code running} is 0 every item has been sent.
 *
 * <p><b>Bounded memory.</b> At most {@code window} emitted items wait in the hand-off queue per
 * subtask: a call that emits faster than the task thread sends waits for room. Past that,
 * Flink's own network buffers and back-pressure apply. When {@code maxTasks} calls run, the
 * task thread stops taking input (it yields to the mailbox until a call finishes).
 *
 * <p><b>Termination.</b> {@link #endInput} flushes the partial batch and yields until every
 * call has finished; every call finishes because the items it waits to hand over are drained
 * by those same yields.
 */
final class NodeOperator extends AbstractStreamOperator<Object>
    implements OneInputStreamOperator<Object, Object>, BoundedOneInput {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(NodeOperator.class);

  private final NodePlan plan;
  private final transient MailboxExecutor mailbox;
  private transient NodeCaller caller;
  private transient ExecutorService threads;
  private transient ArrayBlockingQueue<Object> handoff;
  private transient AtomicBoolean drainPosted;
  private transient volatile boolean closing;
  private transient int running;
  private transient long failureSeq;
  private transient List<Object> batch;
  private transient long batchStarted;
  private transient LongCounter in;
  private transient LongCounter out;
  private transient LongCounter err;
  private transient LongCounter calls;
  private transient FailuresAccumulator failures;

  NodeOperator(StreamOperatorParameters<Object> parameters, NodePlan plan) {
    super(parameters);
    this.plan = plan;
    this.mailbox = parameters.getMailboxExecutor();
  }

  @Override
  public void open() throws Exception {
    super.open();
    caller = NodeCaller.of(plan.factory().get(), plan.node());
    threads = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("agdf-" + plan.node() + "-", 0).factory());
    handoff = new ArrayBlockingQueue<>(plan.window());
    drainPosted = new AtomicBoolean();
    in = counter("in");
    out = counter("out");
    err = counter("err");
    calls = counter("calls");
    failures = new FailuresAccumulator(plan.maxExceptions());
    getRuntimeContext().addAccumulator(plan.counter("exceptions"), failures);
  }

  private LongCounter counter(String what) {
    LongCounter c = new LongCounter();
    getRuntimeContext().addAccumulator(plan.counter(what), c);
    return c;
  }

  @Override
  public void processElement(StreamRecord<Object> element) throws Exception {
    Object value = element.getValue();
    if (value instanceof StartToken token) {
      if (token.args() != null) {
        submit(token.args(), true);
      }
      return;
    }
    in.add(1L);
    if (plan.batchSize() == 0) {
      submit(value, false);
      return;
    }
    if (batch == null) {
      batch = new ArrayList<>(Math.min(plan.batchSize(), 1024));
      batchStarted = getProcessingTimeService().getCurrentProcessingTime();
      if (plan.maxWaitMillis() > 0) {
        long started = batchStarted;
        getProcessingTimeService().registerTimer(started + plan.maxWaitMillis(),
            now -> flushIfStarted(started));
      }
    }
    batch.add(value);
    if (batch.size() >= plan.batchSize()) {
      flushBatch();
    }
  }

  private void flushIfStarted(long started) throws InterruptedException {
    if (batch != null && batchStarted == started) {
      flushBatch();
    }
  }

  private void flushBatch() throws InterruptedException {
    List<Object> full = java.util.Collections.unmodifiableList(batch);
    batch = null;
    submit(full, false);
  }

  /**
   * Runs one call: an item's call with maxTasks 1 (and no start call of the node running) on
   * the task thread itself (emit sends at once, as a Flink map does); a start call (a generator that may run for the whole job, and
   * must not hold up the timers and mail of the task) and calls with maxTasks above 1 on a
   * virtual thread, waiting (yielding) while maxTasks calls run.
   */
  private void submit(Object item, boolean start) throws InterruptedException {
    if (plan.maxTasks() == 1 && !start && running == 0) {
      calls.add(1L);
      callInline(item);
      return;
    }
    while (running >= plan.maxTasks()) {
      mailbox.yield();
    }
    running++;
    if (!start) {
      calls.add(1L);
    }
    threads.execute(() -> call(item, start));
  }

  /** Runs on the task thread: every emitted item goes downstream before emit returns. */
  private void callInline(Object item) {
    Emitter<Object> emitter = x -> {
      if (x instanceof Throwable t) {
        failed(t);
      } else {
        deliver(x);
      }
    };
    try {
      caller.call(item, emitter);
    } catch (NodeHaltedException | UnserializableItemException e) {
      throw e; // this node's halt, or an item that could not be sent: the job fails
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** Runs on a call thread. */
  private void call(Object item, boolean start) {
    Emitter<Object> emitter = this::emit;
    Throwable failure = null;
    try {
      if (start) {
        caller.callStart((List<?>) item, emitter);
      } else {
        caller.call(item, emitter);
      }
    } catch (Throwable t) {
      failure = t;
    }
    Throwable f = failure;
    post(() -> finished(f), "call finished");
  }

  /** Hands a letter to the task thread; false if the task no longer takes letters. */
  private boolean post(org.apache.flink.util.function.ThrowingRunnable<? extends Exception> letter,
      String what) {
    if (closing) {
      return false;
    }
    try {
      mailbox.execute(letter, "%s: %s", plan.node(), what);
      return true;
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return false; // the task is ending (cancelled or failed): nothing more is sent
    }
  }

  /**
   * Runs on a call thread: the emitter. The item joins the hand-off queue (waiting while it
   * is full), and a drain letter is posted unless one is already pending.
   */
  private void emit(Object item) throws InterruptedException {
    if (closing) {
      throw new GraphHaltedException("The job is ending; node '" + plan.node()
          + "' emits no more");
    }
    handoff.put(item == null ? NULL : item instanceof Throwable t ? new Emitted(t) : item);
    if (drainPosted.compareAndSet(false, true) && !post(this::drain, "items")) {
      throw new GraphHaltedException("The job is ending; node '" + plan.node()
          + "' emits no more");
    }
  }

  /** Runs on the task thread: sends what waits in the hand-off queue, a window at a time. */
  private void drain() {
    drainPosted.set(false);
    for (int i = 0; i < plan.window(); i++) {
      Object x = handoff.poll();
      if (x == null) {
        return;
      }
      if (x instanceof Emitted e) {
        failed(e.failure());
      } else {
        deliver(x == NULL ? null : x);
      }
    }
    if (!handoff.isEmpty() && drainPosted.compareAndSet(false, true)) {
      post(this::drain, "items");
    }
  }

  private void deliver(Object item) {
    out.add(1L);
    try {
      output.collect(new StreamRecord<>(item));
    } catch (NodeHaltedException | UnserializableItemException e) {
      throw e; // from a chained operator downstream: not this node's item
    } catch (RuntimeException e) {
      throw new UnserializableItemException(plan.node(),
          item == null ? "null" : item.getClass().getName(), e);
    }
  }

  /** A throwable the function emitted: an error of the node, in order with its items. */
  private record Emitted(Throwable failure) {}

  private static final Object NULL = new Object();

  private void finished(Throwable failure) {
    drain(); // this call's items were queued before this letter: send them first
    running--;
    if (failure != null) {
      failed(failure);
    }
  }

  private void failed(Throwable t) {
    err.add(1L);
    failures.add(KeptFailure.of(failureSeq++, t));
    if (caller.haltOnException()) {
      throw new NodeHaltedException(plan.node(), t);
    }
    LOG.warn("node '{}' failed: {}", plan.node(), t.toString());
  }

  @Override
  public void endInput() throws Exception {
    if (batch != null) {
      flushBatch();
    }
    while (running > 0) {
      mailbox.yield();
    }
  }

  @Override
  public void close() throws Exception {
    closing = true;
    if (threads != null) {
      threads.shutdownNow();
    }
    super.close();
  }
}
