package io.github.asyncgraphdataflow.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Notices when an execution stops moving and logs one WARN saying where, with the stuck
 * workers' stacks; again only when the set of stalled nodes changes.
 *
 * <p><b>What counts as stalled.</b> A node's progress is its workers' {@code calls} (items
 * taken into a call) plus {@code out} (items emitted): a worker can only take a new item once
 * its call finished, so the sum grows whenever a call finishes and the node has more work, and
 * also while a long call emits. A node is stalled when, at every check for the interval, it had
 * input queued and a worker inside a call, and its progress did not change. The graph is
 * stalled when the progress of all nodes together did not change for the interval; then every
 * node with a worker inside a call or input queued is named.
 *
 * <p><b>Cost.</b> Nothing on the workers' path: {@link #check} reads the per-worker counters
 * (single-writer atomics) and the queues' size estimates, a few times per interval, and takes
 * stack traces ({@link Thread#getStackTrace()}, which works for virtual threads) only when it
 * logs.
 *
 * <p>Thread-safety: confined to the thread that called {@code execute}, which runs the checks
 * while it waits for the end.
 */
final class StallMonitor {
  private static final int FRAMES = 5;
  private static final int THREADS_NAMED = 3;
  private static final int STACKS_PER_NODE = 5;

  private final NodeRun[] nodes;
  private final long intervalNanos;
  private final String interval;
  private final Logger logger;
  private final long[] progress;
  private final long[] since;
  private long graphProgress;
  private long graphSince;
  private Set<String> reported = Set.of();

  StallMonitor(NodeRun[] nodes, Duration interval, Logger logger, long nowNanos) {
    this.nodes = nodes;
    this.intervalNanos = interval.toNanos();
    this.interval = format(interval);
    this.logger = logger;
    this.progress = new long[nodes.length];
    this.since = new long[nodes.length];
    java.util.Arrays.fill(since, nowNanos);
    this.graphSince = nowNanos;
  }

  /** How often {@link #check} should run: a quarter of the interval, 1 ms to 1 s. */
  long tickNanos() {
    return Math.max(1_000_000L, Math.min(1_000_000_000L, intervalNanos / 4));
  }

  /** Looks at every node once; logs if the set of stalled nodes changed. */
  void check(long nowNanos) {
    Set<String> stalled = new LinkedHashSet<>();
    long total = 0;
    for (int i = 0; i < nodes.length; i++) {
      NodeRun n = nodes[i];
      long p = progressOf(n);
      total += p;
      boolean waiting = n.queue.size() > 0 && activeOf(n) > 0;
      if (p != progress[i] || !waiting) {
        progress[i] = p;
        since[i] = nowNanos;
      } else if (nowNanos - since[i] >= intervalNanos) {
        stalled.add(n.name);
      }
    }
    if (total != graphProgress) {
      graphProgress = total;
      graphSince = nowNanos;
    }
    boolean graphStalled = nowNanos - graphSince >= intervalNanos;
    if (graphStalled) {
      for (NodeRun n : nodes) {
        if (activeOf(n) > 0 || n.queue.size() > 0) {
          stalled.add(n.name);
        }
      }
    }
    if (stalled.equals(reported)) {
      return;
    }
    if (stalled.isEmpty()) {
      logger.info("Progress resumed after a stall of node(s) {}", reported);
    } else {
      logger.warn(describe(stalled, graphStalled));
    }
    reported = stalled;
  }

  private String describe(Set<String> stalled, boolean graphStalled) {
    StringBuilder s = new StringBuilder();
    if (graphStalled) {
      s.append("The graph made no progress for ").append(interval)
          .append(" (no item taken or emitted by any node); nodes with work in hand: ");
    } else {
      s.append("No progress for ").append(interval)
          .append(" in node(s) with queued input (no item taken or emitted): ");
    }
    s.append(String.join(", ", stalled));
    for (NodeRun n : nodes) {
      if (stalled.contains(n.name)) {
        describeNode(s, n);
      }
    }
    return s.append(System.lineSeparator())
        .append("(logged again only when the set of stalled nodes changes)").toString();
  }

  private static void describeNode(StringBuilder s, NodeRun n) {
    s.append(System.lineSeparator()).append("  node '").append(n.name).append("': queued ")
        .append(n.queue.size()).append(", active ").append(activeOf(n)).append(" of ")
        .append(n.workers).append(" worker(s)");
    Map<List<String>, List<String>> byStack = new LinkedHashMap<>();
    for (int w = 0; w < n.workers; w++) {
      Thread t = n.threads[w];
      if (t != null && n.counters[w].active() != 0) {
        byStack.computeIfAbsent(topFrames(t.getStackTrace()), k -> new ArrayList<>())
            .add(t.getName());
      }
    }
    int shown = 0;
    for (Map.Entry<List<String>, List<String>> e : byStack.entrySet()) {
      if (shown++ == STACKS_PER_NODE) {
        s.append(System.lineSeparator()).append("    (").append(byStack.size() - STACKS_PER_NODE)
            .append(" more distinct stack(s) not shown)");
        break;
      }
      List<String> names = e.getValue();
      s.append(System.lineSeparator()).append("    ")
          .append(String.join(", ", names.subList(0, Math.min(THREADS_NAMED, names.size()))));
      if (names.size() > THREADS_NAMED) {
        s.append(" and ").append(names.size() - THREADS_NAMED).append(" more");
      }
      s.append(':');
      for (String frame : e.getKey()) {
        s.append(System.lineSeparator()).append("      ").append(frame);
      }
    }
  }

  /**
   * The top frames of a stack, after the JDK's own parking frames (a virtual thread's stack
   * starts with several); if none of them is outside the JDK, the topmost frame that is, after
   * "...", so the line shows where the node's code waits.
   */
  static List<String> topFrames(StackTraceElement[] stack) {
    int from = 0;
    while (from < stack.length && isParking(stack[from])) {
      from++;
    }
    List<String> frames = new ArrayList<>();
    boolean outsideJdk = false;
    for (int i = from; i < stack.length && frames.size() < FRAMES; i++) {
      frames.add(frame(stack[i]));
      outsideJdk |= !isJdk(stack[i]);
    }
    for (int i = from + FRAMES; !outsideJdk && i < stack.length; i++) {
      if (!isJdk(stack[i])) {
        frames.add("...");
        frames.add(frame(stack[i]));
        outsideJdk = true;
      }
    }
    return frames;
  }

  /** "at pkg.Class.method(File.java:12)", without the module (shorter, and what tools grep). */
  private static String frame(StackTraceElement f) {
    String where = f.isNativeMethod() ? "Native Method"
        : f.getFileName() == null ? "Unknown Source"
        : f.getLineNumber() >= 0 ? f.getFileName() + ":" + f.getLineNumber() : f.getFileName();
    return "at " + f.getClassName() + "." + f.getMethodName() + "(" + where + ")";
  }

  private static boolean isParking(StackTraceElement f) {
    String c = f.getClassName();
    return c.startsWith("jdk.internal.") || c.equals("java.lang.VirtualThread")
        || c.startsWith("java.lang.System$");
  }

  private static boolean isJdk(StackTraceElement f) {
    String c = f.getClassName();
    return c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.")
        || c.startsWith("sun.") || c.startsWith("com.sun.");
  }

  private static long progressOf(NodeRun n) {
    long p = 0;
    for (WorkerCounters c : n.counters) {
      p += c.calls() + c.out();
    }
    return p;
  }

  private static int activeOf(NodeRun n) {
    int a = 0;
    for (WorkerCounters c : n.counters) {
      a += c.active();
    }
    return a;
  }

  /** "200 ms", "30 s", "1.5 s", "2 min". */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + " min";
    }
    return ms % 1_000 == 0 ? ms / 1_000 + " s" : ms / 1_000.0 + " s";
  }
}
