package io.github.asyncgraphdataflow.benchmarks;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.Node;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.Retry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of node policies that never fire: W1 (source, map x+1, sink; 5,000,000 items)
 * with no policy, with a retry policy on every node that never retries (every call
 * succeeds, so the cost is holding each call's emits and releasing them), with a retry
 * policy that streams ({@code holdLimit(0)}), and with a call timeout on every node that
 * never fires (one timer token per call).
 *
 * {@snippet lang=sh :
 * java -jar benchmarks/target/benchmarks.jar PolicyBenchmarks -f 2 -wi 3 -i 5
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class PolicyBenchmarks {
  /** none, retry (held emits), retryStreaming (holdLimit 0), timeout. */
  @Param({"none", "retry", "retryStreaming", "timeout"})
  public String policy;

  /** Items the source emits. */
  @Param({"5000000"})
  public int items;

  private NodeOptions options(String name) {
    NodeOptions.Builder b = NodeOptions.builder().name(name);
    return switch (policy) {
      case "none" -> b.build();
      case "retry" -> b.retry(Retry.of(3).backoff(Duration.ZERO)).build();
      case "retryStreaming" -> b.retry(Retry.of(3).backoff(Duration.ZERO).holdLimit(0)).build();
      case "timeout" -> b.timeout(Duration.ofMinutes(1)).build();
      default -> throw new IllegalArgumentException("policy " + policy);
    };
  }

  /** W1 with the policy on every node. */
  @Benchmark
  public void linear() throws InterruptedException {
    AsyncGraph g = new AsyncGraph();
    Node<Object, Integer> src = g.addNode(OursLibrary.range(items), options("source"));
    Node<Integer, Integer> map =
        g.addNode((Integer x, Emitter<Integer> out) -> out.emit(x + 1), options("map"));
    OursLibrary.Sum s = new OursLibrary.Sum();
    Node<Integer, Void> sink = g.addNode(OursLibrary.sink(s), options("sink"));
    g.addEdge(src, map);
    g.addEdge(map, sink);
    OursLibrary.check(new AsyncExecutor(g).execute(), "W1 " + policy);
    Check.result("W1 " + policy, items, s.count, Check.linearSum(items), s.sum);
  }
}
