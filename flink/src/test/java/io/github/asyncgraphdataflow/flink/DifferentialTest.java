package io.github.asyncgraphdataflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeStats;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.helpers.NOPLogger;

/**
 * Random graphs (fan-out, fan-in, several start nodes, 1-4 concurrent calls, Flink
 * parallelism 1-2 per node, batching queues, seeded failures, filters and emitted exceptions)
 * run on the local executor and on Flink: per node {@code in}, {@code out}, {@code err} and
 * {@code calls} must be equal, and so must the multiset of items reaching each sink.
 */
class DifferentialTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.extension();

  static final int TRIES = 12;

  @Test
  void randomGraphsGiveTheSameCountsAndItemsOnFlinkAsLocally() throws Exception {
    for (long seed = 1; seed <= TRIES; seed++) {
      RandomGraph spec = RandomGraph.random(seed * 7919);
      String local = UUID.randomUUID().toString();
      String flink = UUID.randomUUID().toString();
      ExecutionResult expected = AsyncExecutor.builder(spec.build(local))
          .logger(NOPLogger.NOP_LOGGER).build().execute();
      FlinkExecutor.Builder onFlink = FlinkExecutor.builder(() -> spec.build(flink))
          .environment(env());
      for (int i = 0; i < spec.nodes().size(); i++) {
        onFlink.parallelism(RandomGraph.name(i), spec.nodes().get(i).parallelism());
      }
      ExecutionResult actual = onFlink.build().execute();
      String what = spec.toString();
      assertThat(counts(actual.stats(), spec)).as(what)
          .isEqualTo(counts(expected.stats(), spec));
      for (int i = 0; i < spec.nodes().size(); i++) {
        if (spec.isSink(i)) {
          String n = RandomGraph.name(i);
          assertThat(TestCluster.received(flink + "|" + n)).as(what + " sink " + n)
              .containsExactlyInAnyOrderElementsOf(TestCluster.received(local + "|" + n));
        }
        String n = RandomGraph.name(i);
        assertThat(actual.exceptions().get(n)).as(what + " exceptions of " + n)
            .hasSize(expected.exceptions().get(n).size());
      }
    }
  }

  @Test
  void theExampleGraphsGiveTheSameCountsAndItemsOnFlinkAsLocally() throws Exception {
    compare("BasicThreeNodes", ExampleShapes::basicThreeNodes, null);
    compare("Branching", ExampleShapes::branching, null);
    compare("CombineSources", ExampleShapes::combineSources, null);
    compare("NoEdges", ExampleShapes::noEdges, null);
    compare("CustomStartNodeArgs", ExampleShapes::customStartNodeArgs,
        ExampleShapes.CUSTOM_START_ARGS);
    compare("RaisingAnException", ExampleShapes::raisingAnException, null);
    compare("BatchingAndUnpacking", ExampleShapes::batchingAndUnpacking, null);
  }

  /** A graph built for a run id, by a serializable reference to a static method. */
  interface Shape extends java.io.Serializable {
    io.github.asyncgraphdataflow.AsyncGraph build(String run);
  }

  private static void compare(String what, Shape shape, Map<String, List<?>> args)
      throws Exception {
    String local = UUID.randomUUID().toString();
    String flink = UUID.randomUUID().toString();
    AsyncExecutor executor =
        AsyncExecutor.builder(shape.build(local)).logger(NOPLogger.NOP_LOGGER).build();
    ExecutionResult expected = args == null ? executor.execute() : executor.execute(args);
    FlinkExecutor onFlink = FlinkExecutor.builder(() -> shape.build(flink)).environment(env())
        .build();
    ExecutionResult actual = args == null ? onFlink.execute() : onFlink.execute(args);
    Map<String, List<Long>> e = new java.util.TreeMap<>();
    Map<String, List<Long>> a = new java.util.TreeMap<>();
    expected.stats().forEach((n, s) -> e.put(n, List.of(s.in(), s.out(), s.err(), s.calls())));
    actual.stats().forEach((n, s) -> a.put(n, List.of(s.in(), s.out(), s.err(), s.calls())));
    assertThat(a).as(what).isEqualTo(e);
    for (String node : expected.stats().keySet()) {
      assertThat(TestCluster.received(flink + "|" + node)).as(what + " " + node)
          .containsExactlyInAnyOrderElementsOf(TestCluster.received(local + "|" + node));
      assertThat(actual.exceptions().get(node)).as(what + " exceptions of " + node)
          .map(Throwable::getMessage)
          .containsExactlyInAnyOrderElementsOf(expected.exceptions().get(node).stream()
              .map(Throwable::getMessage).toList());
    }
  }

  private static StreamExecutionEnvironment env() {
    return TestCluster.env(1);
  }

  /**
   * in, out, err and calls per node. A batching node with parallelism p makes its batches per
   * subtask, so it may call its function up to p - 1 more times (with partial batches): its
   * calls are checked against that bound here instead of compared.
   */
  private static Map<String, List<Long>> counts(Map<String, NodeStats> stats, RandomGraph g) {
    Map<String, List<Long>> c = new java.util.TreeMap<>();
    for (int i = 0; i < g.nodes().size(); i++) {
      RandomGraph.Node node = g.nodes().get(i);
      NodeStats s = stats.get(RandomGraph.name(i));
      long calls = s.calls();
      if (node.batch() > 0 && !g.isStart(i)) {
        long batches = (s.in() + node.batch() - 1) / node.batch();
        assertThat(calls).as(g + " batches of n" + i)
            .isBetween(batches, batches + node.parallelism() - 1);
        calls = -1;
      }
      c.put(RandomGraph.name(i), List.of(s.in(), s.out(), s.err(), calls));
    }
    return c;
  }
}
