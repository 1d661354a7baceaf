package io.github.asyncgraphdataflow.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every workload for every library through JMH and writes {@code BENCHMARKS.md}.
 *
 * <p>Each JMH run is one fork of one case. Rounds repeat the whole plan, and within a round
 * the libraries of a workload run in an order rotated by one each round, so a burst of noise
 * on the shared machine lands on different libraries in different rounds; the table pools
 * every measured iteration of every round.
 *
 * <p>Usage: {@code Runner [--quick] [--only W1,W3] [--out BENCHMARKS.md]}; see README.md.
 */
public final class Runner {
  private static final String PKG = "io.github.asyncgraphdataflow.benchmarks.";
  private static final List<String> JVM = List.of("-XX:+UseG1GC");
  /**
   * W3 operations are short (0.1 s), and every library's JIT needs about ten of them to settle
   * (measured: ours 0.89 over operations 10-20 of a fresh JVM, 0.92 over 20-40).
   */
  private static final int W3_WARMUPS = 12;

  /** One library (or reference) in one workload. */
  record Case(String workload, String label, String lib, String benchmark,
      Map<String, String> params, Mode mode, TimeUnit unit, int warmups, int iterations,
      int rounds, List<String> jvmArgs) {}

  private final boolean quick;
  private final List<Case> plan = new ArrayList<>();
  private final Map<Case, List<double[]>> samples = new LinkedHashMap<>();

  private Runner(boolean quick) {
    this.quick = quick;
  }

  /**
   * Entry point.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) throws Exception {
    boolean quick = false;
    String only = "W1,W2,W3,W4,W5,W6,W7,WAKE";
    Path out = Path.of("BENCHMARKS.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--only" -> only = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--smoke" -> {
          Smoke.runAll(System.out);
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Runner runner = new Runner(quick);
    runner.plan(List.of(only.split(",")));
    Instant start = Instant.now();
    String loadBefore = load();
    runner.runAll();
    List<Double> heap = only.contains("W6") ? runner.heapPerTask() : List.of();
    List<String> wake = only.contains("WAKE") ? runner.wakeUpLatency() : List.of();
    String loadAfter = load();
    Duration took = Duration.between(start, Instant.now());
    String md = new Report(runner.samples, heap, wake, start, took, loadBefore, loadAfter, quick,
        versions()).render();
    Files.writeString(out, md);
    System.err.println("[runner] wrote " + out.toAbsolutePath() + " in " + took.toSeconds() + " s");
  }

  private int r(int rounds) {
    return quick ? 1 : rounds;
  }

  private int it(int n) {
    return quick ? 1 : n;
  }

  private void add(String workload, String label, String lib, String benchmark,
      Map<String, String> params, Mode mode, TimeUnit unit, int warmups, int iterations,
      int rounds, List<String> extraJvm) {
    List<String> jvm = new ArrayList<>(JVM);
    jvm.addAll(extraJvm);
    Case c = new Case(workload, label, lib, benchmark, params, mode, unit, it(warmups),
        it(iterations), r(rounds), jvm);
    plan.add(c);
    samples.put(c, new ArrayList<>());
  }

  private void plan(List<String> only) {
    List<String> libs = List.of("ours", "reactor", "rxjava", "pekko");
    List<String> w1 = List.of("ours", "reactor", "rxjava", "pekko", "vthreads", "disruptor",
        "disruptor-blocking");
    if (only.contains("W1")) {
      for (String lib : w1) {
        add("W1", lib, lib, "LibraryBenchmarks.linear", Map.of("lib", lib),
            Mode.SingleShotTime, TimeUnit.SECONDS, 3, 3, 3, List.of());
      }
    }
    for (String lib : libs) {
      if (only.contains("W2")) {
        add("W2", lib, lib, "LibraryBenchmarks.diamond", Map.of("lib", lib),
            Mode.SingleShotTime, TimeUnit.SECONDS, 3, 3, 3, List.of());
      }
      if (only.contains("W3")) {
        add("W3", lib, lib, "LibraryBenchmarks.io", Map.of("lib", lib),
            Mode.SingleShotTime, TimeUnit.SECONDS, W3_WARMUPS, 5, 3, List.of());
      }
    }
    if (only.contains("W3")) {
      for (String ref : List.of("vthreads", "floor")) {
        add("W3", ref, ref, "LibraryBenchmarks.io", Map.of("lib", ref),
            Mode.SingleShotTime, TimeUnit.SECONDS, W3_WARMUPS, 5, 3, List.of());
      }
    }
    if (only.contains("W4")) {
      for (String lib : libs) {
        for (String c : List.of("1", "2")) {
          add("W4", lib + " c=" + c, lib, "LibraryBenchmarks.cpu",
              Map.of("lib", lib, "concurrency", c), Mode.SingleShotTime, TimeUnit.SECONDS,
              1, 2, 2, List.of());
        }
      }
      add("W4", "single-thread loop", "loop", "LibraryBenchmarks.cpu", Map.of("lib", "loop"),
          Mode.SingleShotTime, TimeUnit.SECONDS, 1, 2, 2, List.of());
      add("W4", "two-thread split", "split", "LibraryBenchmarks.cpu", Map.of("lib", "split"),
          Mode.SingleShotTime, TimeUnit.SECONDS, 1, 2, 2, List.of());
    }
    if (only.contains("W5")) {
      add("W5", "build 10,000 nodes / 100,000 edges", "ours", "OursBenchmarks.build", Map.of(),
          Mode.SingleShotTime, TimeUnit.MILLISECONDS, 3, 5, 3, List.of());
      add("W5", "execute 1,000-node chain", "ours", "OursBenchmarks.executeChain", Map.of(),
          Mode.SampleTime, TimeUnit.MILLISECONDS, 2, 2, 3, List.of());
    }
    if (only.contains("W6")) {
      Map<String, String> p = Map.of("lib", "ours", "items", "10000000");
      add("W6", "ours, default heap", "ours", "LibraryBenchmarks.linear", p,
          Mode.SingleShotTime, TimeUnit.SECONDS, 2, 3, 2, List.of());
      add("W6", "ours, -Xmx64m", "ours", "LibraryBenchmarks.linear", p,
          Mode.SingleShotTime, TimeUnit.SECONDS, 2, 3, 2, List.of("-Xmx64m"));
    }
    if (only.contains("W7")) {
      add("W7", "ours", "ours", "OursBenchmarks.overhead", Map.of(), Mode.SampleTime,
          TimeUnit.MICROSECONDS, 2, 2, 3, List.of());
    }
  }

  private void runAll() throws Exception {
    int rounds = plan.stream().mapToInt(Case::rounds).max().orElse(0);
    List<String> workloads = plan.stream().map(Case::workload).distinct().toList();
    for (int round = 0; round < rounds; round++) {
      for (String w : workloads) {
        List<Case> cases = new ArrayList<>();
        for (Case c : plan) {
          if (c.workload().equals(w) && c.rounds() > round) {
            cases.add(c);
          }
        }
        java.util.Collections.rotate(cases, -round);
        for (Case c : cases) {
          System.err.printf(Locale.ROOT, "[runner] round %d/%d %s %s%n", round + 1, rounds, w,
              c.label());
          runOne(c);
        }
      }
    }
  }

  private void runOne(Case c) throws Exception {
    ChainedOptionsBuilder o = new OptionsBuilder()
        .include(PKG + c.benchmark().replace(".", "\\.") + "$")
        .forks(1)
        .mode(c.mode())
        .timeUnit(c.unit())
        .warmupIterations(c.warmups())
        .measurementIterations(c.iterations())
        .jvmArgs(c.jvmArgs().toArray(String[]::new))
        .shouldFailOnError(true)
        .verbosity(VerboseMode.NORMAL);
    if (c.mode() == Mode.SampleTime) {
      o.warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1));
    }
    for (Map.Entry<String, String> p : c.params().entrySet()) {
      o.param(p.getKey(), p.getValue());
    }
    if (!c.params().containsKey("concurrency")) {
      o.param("concurrency", "2");
    }
    Collection<RunResult> results = new org.openjdk.jmh.runner.Runner(o.build()).run();
    if (results.isEmpty()) {
      throw new IllegalStateException("JMH produced no result for " + c);
    }
    for (RunResult rr : results) {
      for (BenchmarkResult br : rr.getBenchmarkResults()) {
        for (IterationResult ir : br.getIterationResults()) {
          Iterator<Map.Entry<Double, Long>> raw = ir.getPrimaryResult().getStatistics()
              .getRawData();
          while (raw.hasNext()) {
            Map.Entry<Double, Long> e = raw.next();
            samples.get(c).add(new double[] {e.getKey(), e.getValue()});
          }
        }
      }
    }
  }

  /** The worst hand-over latency after idleness, in its own JVM: {@link WakeUpLatency}'s lines. */
  private List<String> wakeUpLatency() throws IOException, InterruptedException {
    return inOwnJvm("wake-up latency", "-XX:+UseG1GC", "WakeUpLatency",
        quick ? "2000" : "20000", "WAKEUP ");
  }

  /** W6's heap per blocked task, each measurement in its own JVM capped at 1 GiB. */
  private List<Double> heapPerTask() throws IOException, InterruptedException {
    return inOwnJvm("W6 heap per blocked task", "-Xmx1g", "OursOnly", "100000",
        "HEAP_PER_TASK_BYTES ").stream().map(Double::parseDouble).toList();
  }

  /**
   * Runs a class of this package {@code r(3)} times, each in a fresh JVM with this class path,
   * and collects what follows {@code prefix} on its output lines.
   */
  private List<String> inOwnJvm(String what, String jvmOption, String mainClass, String arg,
      String prefix) throws IOException, InterruptedException {
    List<String> found = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    for (int i = 0; i < r(3); i++) {
      System.err.println("[runner] " + what + ", run " + (i + 1));
      Process p = new ProcessBuilder(java, jvmOption, "-cp", cp, PKG + mainClass, arg)
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException(what + " failed:\n" + output);
      }
      for (String line : output.split("\n")) {
        if (line.startsWith(prefix)) {
          found.add(line.substring(prefix.length()).trim());
        }
      }
    }
    return found;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Properties versions() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Runner.class.getResourceAsStream("/agdf-benchmark-versions.properties")) {
      p.load(in);
    }
    return p;
  }

  static String utc(Instant t) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
        .format(t);
  }
}
