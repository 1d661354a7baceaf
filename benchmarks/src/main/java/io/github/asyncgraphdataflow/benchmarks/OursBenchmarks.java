package io.github.asyncgraphdataflow.benchmarks;

import io.github.asyncgraphdataflow.AsyncGraph;
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

/** W5 and W7, which only this library runs. */
@State(Scope.Benchmark)
@Fork(1)
public class OursBenchmarks {
  /** W5 build: nodes of the layered graph. */
  @Param({"10000"})
  public int nodes;

  /** W5 build: edges of the layered graph. */
  @Param({"100000"})
  public int edges;

  /** W5 execute: length of the chain executed with one item. */
  @Param({"1000"})
  public int chain;

  private AsyncGraph built;
  private OursOnly.Chain longChain;
  private OursOnly.Chain shortChain;

  /** Builds the graphs that are executed. */
  @Setup(Level.Trial)
  public void setUp() {
    longChain = new OursOnly.Chain(chain);
    shortChain = new OursOnly.Chain(3);
  }

  /** Checks the last graph built has the expected size (outside the timed region). */
  @TearDown(Level.Iteration)
  public void checkBuilt() {
    if (built != null) {
      OursOnly.checkSize(built, nodes, edges);
      built = null;
    }
  }

  /** W5: build a layered graph of 10,000 nodes and 100,000 edges. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public AsyncGraph build() {
    built = OursOnly.layered(nodes, edges, 100);
    return built;
  }

  /** W5: execute a chain of 1,000 nodes with one item. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 3, time = 1)
  public void executeChain() throws InterruptedException {
    longChain.run();
  }

  /** W7: execute a three-node graph with one item, warm. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 3, time = 1)
  public void overhead() throws InterruptedException {
    shortChain.run();
  }
}
