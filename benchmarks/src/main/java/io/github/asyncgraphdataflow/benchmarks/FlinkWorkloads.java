package io.github.asyncgraphdataflow.benchmarks;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.flink.FlinkExecutor;
import io.github.asyncgraphdataflow.flink.GraphFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Flink column of W1 and W3: the same graphs run by {@code FlinkExecutor} on a MiniCluster
 * of 2 TaskManagers x 2 slots in this JVM, started once before any measurement (its start-up
 * is excluded and printed). Per run it reports the job's wall time from submission to result
 * (task deployment included) and the in-graph span (first item emitted to last item received
 * by the sink); the local executor runs the same graphs in the same JVM for reference.
 *
 * <p>Run with {@code mvn -q -pl benchmarks -am package -DskipTests -Pflink}. Not a JMH
 * benchmark: a Flink job's deployment costs about a second, so one run is one measurement.
 */
public final class FlinkWorkloads {
  static final int W1_ITEMS = 5_000_000;
  static final int W3_ITEMS = 20_000;
  static final long W3_WAIT_MS = 5;
  static final int W3_CONCURRENCY = 1_000;
  static final int ROUNDS = 2;

  static final LongAdder COUNT = new LongAdder();
  static final LongAdder SUM = new LongAdder();
  static final AtomicLong FIRST = new AtomicLong();
  static final AtomicLong LAST = new AtomicLong();

  private FlinkWorkloads() {}

  static void source(int n, Emitter<Integer> out) throws InterruptedException {
    FIRST.compareAndSet(0, System.nanoTime());
    for (int i = 0; i < n; i++) {
      out.emit(i);
    }
  }

  static void sink(Integer x, Emitter<Void> out) {
    COUNT.increment();
    SUM.add(x);
    LAST.accumulateAndGet(System.nanoTime(), Math::max);
  }

  /** W1: source -> map x+1 -> sink. */
  static AsyncGraph linear() {
    AsyncGraph g = new AsyncGraph();
    g.addNode("source", (Emitter<Integer> out) -> source(W1_ITEMS, out));
    g.addNode("map", (Integer x, Emitter<Integer> out) -> out.emit(x + 1));
    g.addNode("sink", FlinkWorkloads::sink);
    g.addEdge("source", "map");
    g.addEdge("map", "sink");
    return g;
  }

  /** W3: source -> wait 5 ms (1,000 at a time) -> sink. */
  static AsyncGraph io(int maxTasks) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("source", (Emitter<Integer> out) -> source(W3_ITEMS, out));
    g.addNode((Integer x, Emitter<Integer> out) -> {
      Thread.sleep(W3_WAIT_MS);
      out.emit(x);
    }, NodeOptions.builder().name("wait").maxTasks(maxTasks).build());
    g.addNode("sink", FlinkWorkloads::sink);
    g.addEdge("source", "wait");
    g.addEdge("wait", "sink");
    return g;
  }

  static AsyncGraph ioAll() {
    return io(W3_CONCURRENCY);
  }

  static AsyncGraph ioHalf() {
    return io(W3_CONCURRENCY / 2);
  }

  /** One measured run: wall and span in ms. */
  record Run(double wallMs, double spanMs) {}

  interface Body {
    ExecutionResult run() throws Exception;
  }

  static Run measure(String what, long items, long expectedSum, Body body) throws Exception {
    COUNT.reset();
    SUM.reset();
    FIRST.set(0);
    LAST.set(0);
    long t0 = System.nanoTime();
    ExecutionResult r = body.run();
    long t1 = System.nanoTime();
    if (COUNT.sum() != items || SUM.sum() != expectedSum || r.errorCount() != 0) {
      throw new IllegalStateException(what + ": count " + COUNT.sum() + " sum " + SUM.sum()
          + " errors " + r.errorCount() + ", expected " + items + " and " + expectedSum);
    }
    return new Run((t1 - t0) / 1e6, (LAST.get() - FIRST.get()) / 1e6);
  }

  static String row(String workload, String engine, long items, List<Run> runs) {
    List<Double> wall = new ArrayList<>();
    List<Double> span = new ArrayList<>();
    runs.forEach(r -> {
      wall.add(r.wallMs());
      span.add(r.spanMs());
    });
    Collections.sort(wall);
    Collections.sort(span);
    double w = wall.get(wall.size() / 2);
    double s = span.get(span.size() / 2);
    return String.format(Locale.ROOT, "| %s | %s | %,.0f ms | %,.0f ms | %s |", workload,
        engine, w, s, workload.startsWith("W1")
            ? String.format(Locale.ROOT, "%.2f M items/s (span)", items / s / 1e3)
            : String.format(Locale.ROOT, "ideal/actual %.2f (span)",
                W3_ITEMS * (double) W3_WAIT_MS / W3_CONCURRENCY / s));
  }

  /**
   * Runs the workloads and prints a Markdown table.
   *
   * @param args ignored
   * @throws Exception if a run fails its check
   */
  public static void main(String[] args) throws Exception {
    Configuration c = FlinkExecutor.loopbackConfiguration();
    long s0 = System.nanoTime();
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
        .setConfiguration(c).setNumTaskManagers(2).setNumSlotsPerTaskManager(2).build())) {
      cluster.start();
      int port = cluster.getRestAddress().get().getPort();
      System.out.printf(Locale.ROOT, "MiniCluster (2 TaskManagers x 2 slots) started in %.0f ms "
          + "(excluded below)%n", (System.nanoTime() - s0) / 1e6);
      long w1Sum = (long) W1_ITEMS * (W1_ITEMS + 1) / 2;
      long w3Sum = (long) W3_ITEMS * (W3_ITEMS - 1) / 2;
      List<String> rows = new ArrayList<>();
      List<Run> w1Local = new ArrayList<>();
      List<Run> w1Flink = new ArrayList<>();
      List<Run> w3Local = new ArrayList<>();
      List<Run> w3Flink = new ArrayList<>();
      List<Run> w3Flink2 = new ArrayList<>();
      for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
        Run a = measure("W1 local", W1_ITEMS, w1Sum,
            () -> new AsyncExecutor(linear()).execute());
        Run b = measure("W1 flink", W1_ITEMS, w1Sum, () -> onFlink(port, 1,
            FlinkWorkloads::linear, null));
        Run d = measure("W3 local", W3_ITEMS, w3Sum,
            () -> new AsyncExecutor(ioAll()).execute());
        Run e = measure("W3 flink", W3_ITEMS, w3Sum, () -> onFlink(port, 1,
            FlinkWorkloads::ioAll, null));
        Run f = measure("W3 flink x2", W3_ITEMS, w3Sum, () -> onFlink(port, 1,
            FlinkWorkloads::ioHalf, "wait"));
        if (round > 0) {
          w1Local.add(a);
          w1Flink.add(b);
          w3Local.add(d);
          w3Flink.add(e);
          w3Flink2.add(f);
        }
        System.out.println("round " + round + ": " + List.of(a, b, d, e, f));
      }
      rows.add("| workload | engine | wall (median) | span (median) | throughput |");
      rows.add("|---|---|---|---|---|");
      rows.add(row("W1 linear, 5,000,000 items", "AsyncExecutor", W1_ITEMS, w1Local));
      rows.add(row("W1 linear, 5,000,000 items", "Flink, parallelism 1", W1_ITEMS, w1Flink));
      rows.add(row("W3 I/O, 20,000 x 5 ms at 1,000", "AsyncExecutor", W3_ITEMS, w3Local));
      rows.add(row("W3 I/O, 20,000 x 5 ms at 1,000", "Flink, parallelism 1 x maxTasks 1,000",
          W3_ITEMS, w3Flink));
      rows.add(row("W3 I/O, 20,000 x 5 ms at 1,000", "Flink, `wait` parallelism 2 x maxTasks 500",
          W3_ITEMS, w3Flink2));
      rows.forEach(System.out::println);
    }
  }

  private static ExecutionResult onFlink(int port, int parallelism, GraphFactory graph,
      String twoSubtasks) throws Exception {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createRemoteEnvironment("127.0.0.1", port);
    env.setParallelism(parallelism);
    FlinkExecutor.Builder b = FlinkExecutor.builder(graph).environment(env);
    if (twoSubtasks != null) {
      b.parallelism(twoSubtasks, 2);
    }
    return b.build().execute();
  }
}
