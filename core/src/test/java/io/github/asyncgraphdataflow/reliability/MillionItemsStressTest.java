package io.github.asyncgraphdataflow.reliability;

import io.github.asyncgraphdataflow.TestStats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import io.github.asyncgraphdataflow.Nodes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * A long run: 1,000,000 items through ten nodes with fan-out and fan-in, four workers per node
 * and queues of 16 items, so every hand-over fights back-pressure. Every count and checksum
 * must be exact.
 */
class MillionItemsStressTest {
  private static final long N = 1_000_000;

  private static NodeOptions opts(String name) {
    return NodeOptions.builder().name(name).maxTasks(4).queueSize(16).build();
  }

  @Test
  void millionItemsThroughTenNodesArriveExactly() {
    LongAdder countA = new LongAdder();
    LongAdder sumA = new LongAdder();
    LongAdder countB = new LongAdder();
    LongAdder sumB = new LongAdder();
    LongAdder tally = new LongAdder();

    AsyncGraph graph = new AsyncGraph();
    graph.addNode(Nodes.source(() -> () -> java.util.stream.LongStream.range(0, N).iterator()),
        opts("gen"));
    graph.addNode(Nodes.map((Long x) -> 2 * x), opts("left"));
    graph.addNode(Nodes.filter((Long x) -> x % 2 == 0), opts("right"));
    graph.addNode(Nodes.map((Long x) -> x + 1), opts("merge"));
    graph.addNode(Nodes.filter((Long x) -> x % 3 == 0), opts("div3"));
    graph.addNode(Nodes.map((Long x) -> x), opts("pass"));
    graph.addNode(Nodes.map((Long x) -> x), opts("join"));
    graph.addNode(Nodes.sink((Long x) -> {
      countA.increment();
      sumA.add(x);
    }), opts("sinkA"));
    graph.addNode(Nodes.sink((Long x) -> {
      countB.increment();
      sumB.add(x);
    }), opts("sinkB"));
    graph.addNode(Nodes.sink((Long x) -> tally.increment()), opts("tally"));
    String[][] edges = {
        {"gen", "left"}, {"gen", "right"}, {"gen", "tally"}, {"left", "merge"},
        {"right", "merge"}, {"merge", "div3"}, {"merge", "pass"}, {"div3", "join"},
        {"pass", "join"}, {"join", "sinkA"}, {"join", "sinkB"}};
    for (String[] e : edges) {
      graph.addEdge(e[0], e[1]);
    }

    // the same flow, computed directly
    long merged = 0;
    long div3 = 0;
    long joinSum = 0;
    for (long x = 0; x < N; x++) {
      for (long v : x % 2 == 0 ? new long[] {2 * x + 1, x + 1} : new long[] {2 * x + 1}) {
        merged++;
        joinSum += v;
        if (v % 3 == 0) {
          div3++;
          joinSum += v;
        }
      }
    }
    long joined = merged + div3;

    ExecutionResult result = assertTimeoutPreemptively(Duration.ofMinutes(2),
        () -> new AsyncExecutor(graph).execute());

    Map<String, NodeStats> s = result.stats();
    assertThat(s.get("gen")).isEqualTo(TestStats.done(0, N, 0, 0));
    assertThat(s.get("left")).isEqualTo(TestStats.done(N, N, 0, 0));
    assertThat(s.get("right")).isEqualTo(TestStats.done(N, N / 2, 0, 0));
    assertThat(s.get("merge")).isEqualTo(TestStats.done(merged, merged, 0, 0));
    assertThat(s.get("div3")).isEqualTo(TestStats.done(merged, div3, 0, 0));
    assertThat(s.get("pass")).isEqualTo(TestStats.done(merged, merged, 0, 0));
    assertThat(s.get("join")).isEqualTo(TestStats.done(joined, joined, 0, 0));
    assertThat(s.get("sinkA")).isEqualTo(TestStats.done(joined, 0, 0, 0));
    assertThat(s.get("sinkB")).isEqualTo(TestStats.done(joined, 0, 0, 0));
    assertThat(s.get("tally")).isEqualTo(TestStats.done(N, 0, 0, 0));
    assertThat(countA.sum()).isEqualTo(joined);
    assertThat(countB.sum()).isEqualTo(joined);
    assertThat(sumA.sum()).isEqualTo(joinSum);
    assertThat(sumB.sum()).isEqualTo(joinSum);
    assertThat(tally.sum()).isEqualTo(N);
    assertThat(result.halted()).isFalse();
  }
}
