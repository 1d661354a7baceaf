package io.github.asyncgraphdataflow.live;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeStats;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes one statistics snapshot per tick on the view's own thread, turns it into the
 * {@code /stats.json} document, and hands that one document to every Server-Sent Events client:
 * however many pages are open, the graph is read once per tick, and never on a worker's thread.
 *
 * <p>Thread-safety: {@link #tick} runs on the single ticker thread only (it alone touches the
 * rate history and the error cache); the latest document is published under a lock, and
 * clients wait for the next one on a condition of that lock. {@link #close} wakes every
 * waiting client, so none outlives the view.
 */
final class StatsFeed {
  /** One published document. */
  record Tick(long seq, String json) {}

  private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final AsyncExecutor executor;
  private final GraphModel model;
  private final LiveListener listener;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition published = lock.newCondition();
  private final ArrayDeque<long[]> history = new ArrayDeque<>();
  private final String[] lastError;
  private final long[] errSeen;
  private Tick latest = new Tick(0, "{}");
  private boolean closed;
  private boolean seenRunning;
  private long runStart;
  private long runEnd;

  StatsFeed(AsyncExecutor executor, GraphModel model, LiveListener listener) {
    this.executor = executor;
    this.model = model;
    this.listener = listener;
    this.lastError = new String[model.nodes.size()];
    this.errSeen = new long[model.nodes.size()];
  }

  /** Reads the statistics once and publishes the document; called on the ticker thread. */
  void tick() {
    long now = System.nanoTime();
    boolean running = executor.isRunning();
    Map<String, NodeStats> stats = executor.dataFlowStats();
    int n = model.nodes.size();
    NodeStats[] s = new NodeStats[n];
    long[] sample = new long[n + 1];
    sample[n] = now;
    for (int i = 0; i < n; i++) {
      s[i] = stats.getOrDefault(model.nodes.get(i).name(), NodeStats.ZERO);
      sample[i] = model.source[i] ? s[i].out() : s[i].calls() + s[i].err();
    }
    String state = state(running, now, s);
    if (!history.isEmpty() && restarted(history.peekLast(), sample, n)) {
      history.clear(); // a new run: counters started again from zero
    }
    history.addLast(sample);
    while (history.size() > 2 && now - history.peekFirst()[n] > RATE_WINDOW_NANOS) {
      history.removeFirst();
    }
    long[] first = history.peekFirst();
    double seconds = (now - first[n]) / 1e9;
    updateErrors(s);
    Json j = new Json().beginObject().member("state", state)
        .member("haltedBy", listener == null ? null : listener.haltedBy)
        .member("elapsedMs", elapsedMillis(running, now)).name("nodes").beginArray();
    for (int i = 0; i < n; i++) {
      double rate = seconds <= 0 || !running ? 0 : Math.max(0, sample[i] - first[i]) / seconds;
      j.beginObject().member("name", model.nodes.get(i).name())
          .member("in", s[i].in()).member("out", s[i].out()).member("err", s[i].err())
          .member("discarded", s[i].discarded()).member("calls", s[i].calls())
          .member("retries", s[i].retries()).member("queued", s[i].queued())
          .member("active", s[i].active()).member("rate", rate)
          .member("lastError", lastError[i]).endObject();
    }
    String json = j.endArray().endObject().toString();
    lock.lock();
    try {
      latest = new Tick(latest.seq() + 1, json);
      published.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private static boolean restarted(long[] before, long[] now, int n) {
    for (int i = 0; i < n; i++) {
      if (now[i] < before[i]) {
        return true;
      }
    }
    return false;
  }

  private String state(boolean running, long now, NodeStats[] s) {
    if (running && !seenRunning) {
      seenRunning = true;
      runStart = listener != null && listener.started ? listener.startedNanos : now;
    }
    if (!running && seenRunning) {
      seenRunning = false;
      runEnd = now;
    }
    if (listener != null) {
      ExecutionResult r = listener.result;
      if (listener.halted || (r != null && r.halted())) {
        return "halted";
      }
      if (running) {
        return "running";
      }
      return r != null ? "finished" : listener.started ? "running" : "waiting";
    }
    return running ? "running" : runEnd != 0 || anyActivity(s) ? "finished" : "waiting";
  }

  /** Whether a run has happened, also one too short for a tick to see it running. */
  private static boolean anyActivity(NodeStats[] s) {
    for (NodeStats x : s) {
      if (x.in() + x.out() + x.err() + x.calls() > 0) {
        return true;
      }
    }
    return false;
  }

  private long elapsedMillis(boolean running, long now) {
    if (listener != null && listener.result != null) {
      return listener.result.elapsed().toMillis();
    }
    if (runStart == 0) {
      return 0;
    }
    return TimeUnit.NANOSECONDS.toMillis((running ? now : runEnd) - runStart);
  }

  /** The last failure per node: from the listener, or (without one) read when err grew. */
  private void updateErrors(NodeStats[] s) {
    Map<String, List<Throwable>> kept = null;
    for (int i = 0; i < s.length; i++) {
      String node = model.nodes.get(i).name();
      if (s[i].err() < errSeen[i]) {
        lastError[i] = null; // a new run
      }
      Throwable t = null;
      if (listener != null) {
        t = listener.lastError.get(node);
      } else if (s[i].err() > errSeen[i]) {
        if (kept == null) {
          kept = executor.exceptions();
        }
        List<Throwable> list = kept.getOrDefault(node, List.of());
        t = list.isEmpty() ? null : list.get(list.size() - 1);
      }
      if (t != null) {
        lastError[i] = describe(t);
      }
      errSeen[i] = s[i].err();
    }
  }

  static String describe(Throwable t) {
    String name = t.getClass().getSimpleName().isEmpty() ? t.getClass().getName()
        : t.getClass().getSimpleName();
    String text = t.getMessage() == null ? name : name + ": " + t.getMessage();
    return text.length() > 300 ? text.substring(0, 297) + "..." : text;
  }

  /** The latest document. */
  Tick latest() {
    lock.lock();
    try {
      return latest;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for a document newer than {@code seen}.
   *
   * @return the document, or {@code null} if the view closed or the wait timed out
   */
  Tick next(long seen, long timeoutNanos) throws InterruptedException {
    lock.lock();
    try {
      long left = timeoutNanos;
      while (!closed && latest.seq() <= seen) {
        if (left <= 0) {
          return null;
        }
        left = published.awaitNanos(left);
      }
      return closed ? null : latest;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every waiting client for good. */
  void close() {
    lock.lock();
    try {
      closed = true;
      published.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
