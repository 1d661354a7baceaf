package io.github.asyncgraphdataflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.Nodes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "Beyond one machine" snippet, compiled and run: the same graph, two engines. */
class BeyondOneMachineTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.extension();

  // --- README snippet begins ---
  static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

  /** The graph, built by a static method: Flink tasks call it again to get the functions. */
  static AsyncGraph wordCount() {
    AsyncGraph graph = new AsyncGraph();
    var lines = graph.addNode("lines", (Emitter<String> out) -> {
      for (String line : List.of("to be or not to be", "that is the question")) {
        out.emit(line);
      }
    });
    var words = graph.addNode((String line, Emitter<String> out) -> {
      for (String word : line.split(" ")) {
        out.emit(word);
      }
    }, NodeOptions.builder().name("words").maxTasks(8).build());
    var count = graph.addNode("count",
        Nodes.sink((String word) -> COUNTS.computeIfAbsent(word, w -> new LongAdder()).increment()));
    graph.addEdge(lines, words);
    graph.addEdge(words, count);
    return graph;
  }

  static void runBoth() throws Exception {
    ExecutionResult here = new AsyncExecutor(wordCount()).execute();   // this JVM
    ExecutionResult there = FlinkExecutor.builder(BeyondOneMachineTest::wordCount)
        .parallelism("words", 2)     // 2 Flink subtasks, each with up to 8 calls at a time
        .build()                     // StreamExecutionEnvironment.getExecutionEnvironment()
        .execute();                  // same ExecutionResult: in/out/err per node, exceptions
    System.out.println(here.stats().get("count").in() + " = " + there.stats().get("count").in());
  }
  // --- README snippet ends ---

  @Test
  void theSameGraphRunsLocallyAndOnFlinkWithTheSameCounts() throws Exception {
    runBoth();
    assertThat(COUNTS.get("to").sum()).isEqualTo(4); // twice per run
    assertThat(COUNTS.get("question").sum()).isEqualTo(2);
    ExecutionResult onFlink = FlinkExecutor.of(BeyondOneMachineTest::wordCount).execute();
    assertThat(onFlink.stats().get("count").in()).isEqualTo(10);
    assertThat(onFlink.stats().get("words").out()).isEqualTo(10);
  }
}
