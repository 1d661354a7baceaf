package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ordered output: a node with several workers whose emitted items leave in the order its
 * inputs were taken, with a bounded reorder buffer, every item accounted for on a halt.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OrderedOutputTest {
  private final RecordingLogger logger = new RecordingLogger("ordered");

  // @start region="ordered"
  static List<Integer> enrichInOrder(int n) throws InterruptedException {
    List<Integer> received = new ArrayList<>();
    AsyncGraph graph = new AsyncGraph();
    var ids = graph.addNode("ids", (Emitter<Integer> out) -> {
      for (int i = 0; i < n; i++) {
        out.emit(i);
      }
    });
    var enrich = graph.addNode((Integer id, Emitter<Integer> out) -> {
      Thread.sleep(ThreadLocalRandom.current().nextInt(3));   // a call of varying length
      out.emit(id);
    }, NodeOptions.builder().name("enrich").maxTasks(8).ordered(true).build()); // in order
    var collect = graph.addNode("collect", Nodes.sink((Integer x) -> received.add(x)));
    graph.addEdge(ids, enrich);
    graph.addEdge(enrich, collect);
    new AsyncExecutor(graph).execute();
    return received;
  }
  // @end

  @Test
  void outputLeavesInInputOrderWithRandomCallTimesAndEightWorkers() throws Exception {
    assertThat(enrichInOrder(2_000)).containsExactlyElementsOf(
        IntStream.range(0, 2_000).boxed().toList());
  }

  /** Queue sizes below and above the default queue's stash threshold (1,024). */
  @ParameterizedTest
  @ValueSource(ints = {1, 16, 4_096})
  void theItemsOfOneCallStayTogetherInTheOrderEmitted(int queueSize) throws Exception {
    List<Integer> received = new ArrayList<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("ids", range(500));
    graph.addNode((Integer id, Emitter<Integer> out) -> {
      int k = id % 4;   // 0 to 3 items per call, with sleeps in between
      for (int j = 0; j < k; j++) {
        if (ThreadLocalRandom.current().nextBoolean()) {
          Thread.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextInt(300_000)));
        }
        out.emit(id * 10 + j);
      }
    }, NodeOptions.builder().name("explode").maxTasks(8).ordered(true).queueSize(queueSize)
        .build());
    graph.addNode(Nodes.sink((Integer x) -> received.add(x)),
        NodeOptions.builder().name("collect").queueSize(queueSize).build());
    graph.addEdge("ids", "explode");
    graph.addEdge("explode", "collect");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    List<Integer> expected = new ArrayList<>();
    for (int id = 0; id < 500; id++) {
      for (int j = 0; j < id % 4; j++) {
        expected.add(id * 10 + j);
      }
    }
    assertThat(received).containsExactlyElementsOf(expected);
    assertThat(result.stats().get("explode").out()).isEqualTo(expected.size());
  }

  /** A call that emits more than a not-oldest call may hold waits for its turn, then goes on. */
  @Test
  void aCallEmittingMoreThanTheHoldLimitWaitsForItsTurn() throws Exception {
    List<Integer> received = new ArrayList<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("ids", range(8));
    graph.addNode((Integer id, Emitter<Integer> out) -> {
      if (id == 0) {
        Thread.sleep(50);   // the oldest call is slow, the others fill their buffers
      }
      for (int j = 0; j < 3_000; j++) {
        out.emit(id * 10_000 + j);
      }
    }, NodeOptions.builder().name("burst").maxTasks(4).ordered(true).build());
    graph.addNode("collect", Nodes.sink((Integer x) -> received.add(x)));
    graph.addEdge("ids", "burst");
    graph.addEdge("burst", "collect");

    new AsyncExecutor(graph).execute();

    List<Integer> expected = new ArrayList<>();
    for (int id = 0; id < 8; id++) {
      for (int j = 0; j < 3_000; j++) {
        expected.add(id * 10_000 + j);
      }
    }
    assertThat(received).containsExactlyElementsOf(expected);
  }

  /** Halting mid-way: every item is counted: delivered, or discarded where it was bound. */
  @ParameterizedTest
  @ValueSource(ints = {1, 8, 4_096})
  void haltingMidWayAccountsForEveryItem(int queueSize) throws Exception {
    AtomicInteger received = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("ids", range(5_000));
    graph.addNode((Integer id, Emitter<Integer> out) -> {
      Thread.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextInt(200_000)));
      out.emit(id);
      out.emit(-id);
    }, NodeOptions.builder().name("work").maxTasks(8).ordered(true).queueSize(queueSize)
        .build());
    graph.addNode((Integer x, Emitter<Void> out) -> {
      if (received.incrementAndGet() == 1_000) {
        throw new IllegalStateException("stop");
      }
    }, NodeOptions.builder().name("collect").haltOnException(true).queueSize(queueSize).build());
    graph.addNode("evens", Nodes.sink((Integer x) -> { }));
    graph.addEdge("ids", "work");
    graph.addEdge("work", "collect");
    graph.addEdge("work", "evens", x -> (Integer) x % 2 == 0);

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(result.halted()).isTrue();
    NodeStats work = result.stats().get("work");
    NodeStats collect = result.stats().get("collect");
    NodeStats evens = result.stats().get("evens");
    assertThat(work.in()).isEqualTo(work.calls() + work.discarded());
    assertThat(collect.in()).as("collect in == work out").isEqualTo(work.out());
    assertThat(collect.in()).isEqualTo(collect.calls() + collect.discarded());
    assertThat(collect.calls()).isEqualTo(received.get());
    assertThat(evens.in()).isEqualTo(evens.calls() + evens.discarded());
    assertThat(evens.in()).as("evens in <= work out").isLessThanOrEqualTo(work.out());
  }

  @Test
  void withOneWorkerOrderedChangesNothing() throws Exception {
    List<Integer> received = new ArrayList<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("ids", range(100));
    graph.addNode(Nodes.map((Integer x) -> x * 2),
        NodeOptions.builder().name("double").ordered(true).build());
    graph.addNode("collect", Nodes.sink((Integer x) -> received.add(x)));
    graph.addEdge("ids", "double");
    graph.addEdge("double", "collect");

    new AsyncExecutor(graph).execute();

    assertThat(received).containsExactlyElementsOf(
        IntStream.range(0, 100).map(x -> x * 2).boxed().toList());
    assertThat(NodeOptions.defaults().ordered()).isFalse();
  }

  private static SourceFunction<Integer> range(int n) {
    return out -> {
      for (int i = 0; i < n; i++) {
        out.emit(i);
      }
    };
  }
}
