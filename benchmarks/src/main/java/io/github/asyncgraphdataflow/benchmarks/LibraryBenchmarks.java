package io.github.asyncgraphdataflow.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W1-W4, one JMH benchmark per workload, the library a parameter. One operation is one whole
 * run of the workload (single-shot time, in seconds), checked by the library implementation;
 * the runner turns times into items per second. W6's throughput half is {@link #linear} with
 * 10,000,000 items in a JVM started with {@code -Xmx64m}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
@Fork(1)
public class LibraryBenchmarks {
  /**
   * ours, reactor, rxjava, pekko; references: vthreads, disruptor and disruptor-blocking (W1);
   * for {@link #cpu} also loop and split; for {@link #io} also floor (the sleeps alone).
   */
  @Param({"ours", "reactor", "rxjava", "pekko"})
  public String lib;

  /** Items the source emits; 0 means the workload's standard size. */
  @Param({"0"})
  public int items;

  /** W4: parallel workers of the middle stage. */
  @Param({"2"})
  public int concurrency;

  private Library library;

  /** Starts the library (Pekko's actor system) once per fork. */
  @Setup(Level.Trial)
  public void start() {
    if (!lib.equals("loop") && !lib.equals("split") && !lib.equals("floor")) {
      library = Library.of(lib);
    }
  }

  /** Stops it. */
  @TearDown(Level.Trial)
  public void stop() {
    if (library != null) {
      library.close();
    }
  }

  private int size(int standard) {
    return items == 0 ? standard : items;
  }

  /** W1 linear, 5,000,000 items by default. */
  @Benchmark
  public void linear() throws Exception {
    library.linear(size(5_000_000));
  }

  /** W2 diamond, 2,000,000 source items by default. */
  @Benchmark
  public void diamond() throws Exception {
    library.diamond(size(2_000_000));
  }

  /** W3 I/O-bound, 20,000 items by default. */
  @Benchmark
  public void io() throws Exception {
    if (lib.equals("floor")) {
      References.sleepFloor(size(20_000));
    } else {
      library.io(size(20_000));
    }
  }

  /** W4 CPU-bound, 200,000 items by default. */
  @Benchmark
  public void cpu() throws Exception {
    int n = size(Work.STANDARD_ITEMS);
    switch (lib) {
      case "loop" -> References.loop(n);
      case "split" -> References.split(n);
      default -> library.cpu(n, concurrency);
    }
  }
}
