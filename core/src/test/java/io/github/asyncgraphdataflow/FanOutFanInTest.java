package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fan-out broadcasts every item to every destination; fan-in merges all sources into one
 * queue; a node's {@code maxTasks} workers run concurrently, with each other and with other
 * nodes.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FanOutFanInTest {

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void fanOutSendsEveryItemToEveryDestination(int maxTasks, int queueSize) throws Exception {
    Map<String, ConcurrentLinkedQueue<Integer>> got = new ConcurrentHashMap<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      for (int i = 0; i < 500; i++) {
        out.emit(i);
      }
    }, Matrix.opts("src", maxTasks, queueSize));
    for (String d : List.of("d1", "d2", "d3")) {
      got.put(d, new ConcurrentLinkedQueue<>());
      graph.addNode((Integer x, Emitter<Void> out) -> got.get(d).add(x),
          Matrix.opts(d, maxTasks, queueSize));
      graph.addEdge("src", d);
    }

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(got.values()).allSatisfy(q -> assertThat(q).containsExactlyInAnyOrderElementsOf(range(500)));
    assertThat(result.stats().get("src").out()).isEqualTo(500);
    assertThat(List.of("d1", "d2", "d3"))
        .allSatisfy(d -> assertThat(result.stats().get(d).in()).isEqualTo(500));
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void fanInMergesEverySourceIntoOneQueue(int maxTasks, int queueSize) throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    for (String s : List.of("s1", "s2", "s3")) {
      graph.addNode(out -> {
        for (int i = 0; i < 200; i++) {
          out.emit(s + "-" + i);
        }
      }, Matrix.opts(s, maxTasks, queueSize));
    }
    graph.addNode((String x, Emitter<Void> out) -> got.add(x),
        Matrix.opts("merge", maxTasks, queueSize));
    graph.addEdge("s1", "merge");
    graph.addEdge("s2", "merge");
    graph.addEdge("s3", "merge");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(got).hasSize(600).doesNotHaveDuplicates()
        .contains("s1-0", "s2-199", "s3-100");
    assertThat(result.stats().get("merge").in()).isEqualTo(600);
  }

  /** In a diamond the sink gets each item once along each path. */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void aDiamondDeliversEachItemAlongEachPath(int maxTasks, int queueSize) throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      for (int i = 0; i < 100; i++) {
        out.emit(i);
      }
    }, Matrix.opts("src", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<String> out) -> out.emit("L" + x),
        Matrix.opts("left", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<String> out) -> out.emit("R" + x),
        Matrix.opts("right", maxTasks, queueSize));
    graph.addNode((String x, Emitter<Void> out) -> got.add(x),
        Matrix.opts("sink", maxTasks, queueSize));
    graph.addEdge("src", "left");
    graph.addEdge("src", "right");
    graph.addEdge("left", "sink");
    graph.addEdge("right", "sink");

    new AsyncExecutor(graph).execute();

    assertThat(got).hasSize(200).contains("L0", "R0", "L99", "R99").doesNotHaveDuplicates();
  }

  /** Four workers each hold an item at a four-party barrier: only concurrency trips it. */
  @Test
  void maxTasksWorkersRunTheFunctionConcurrently() throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(4);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 4; i++) {
        out.emit(i);
      }
    });
    graph.addNode((Integer x, Emitter<Void> out) -> barrier.await(30, TimeUnit.SECONDS),
        NodeOptions.builder().name("workers").maxTasks(4).build());
    graph.addEdge("src", "workers");

    ExecutionResult result = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(result.stats().get("workers")).isEqualTo(TestStats.done(4, 0, 0, 0));
  }

  @Test
  void differentNodesRunConcurrently() throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(3);
    AsyncGraph graph = new AsyncGraph();
    for (String n : List.of("a", "b", "c")) {
      graph.addNode(n, (Emitter<Void> out) -> barrier.await(30, TimeUnit.SECONDS));
    }

    ExecutionResult result = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(result.errorCount()).isZero();
  }

  /** The original's shared-state example: nodes may share a thread-safe object. */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void nodesMayShareThreadSafeState(int maxTasks, int queueSize) throws Exception {
    LongAdder total = new LongAdder();
    ConcurrentHashMap<String, Integer> seenBy = new ConcurrentHashMap<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      for (int i = 1; i <= 1_000; i++) {
        out.emit(i);
      }
    }, Matrix.opts("src", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      total.add(x);
      seenBy.merge("adder", 1, Integer::sum);
      out.emit(x);
    }, Matrix.opts("adder", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Void> out) -> seenBy.merge("counter", 1, Integer::sum),
        Matrix.opts("counter", maxTasks, queueSize));
    graph.addEdge("src", "adder");
    graph.addEdge("adder", "counter");

    new AsyncExecutor(graph).execute();

    assertThat(total.sum()).isEqualTo(500_500);
    assertThat(seenBy).containsEntry("adder", 1_000).containsEntry("counter", 1_000);
  }
}
