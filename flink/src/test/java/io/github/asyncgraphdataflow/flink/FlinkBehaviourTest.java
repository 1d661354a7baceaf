package io.github.asyncgraphdataflow.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import io.github.asyncgraphdataflow.queue.BatchingQueue;
import io.github.asyncgraphdataflow.queue.PriorityNodeQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Halting, refused queues, unserializable items, start arguments, batching, streaming. */
class FlinkBehaviourTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.extension();

  private final String id = UUID.randomUUID().toString();

  static void numbers(int n, Emitter<Integer> out) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      out.emit(i);
    }
  }

  static AsyncGraph halting(String run, boolean graphWide) {
    AsyncGraph g = new AsyncGraph(graphWide);
    g.addNode("numbers", (Emitter<Integer> out) -> numbers(50, out));
    g.addNode((Integer x, Emitter<Integer> out) -> {
      if (x == 7) {
        throw new IllegalStateException("boom on " + x);
      }
      out.emit(x);
    }, NodeOptions.builder().name("boom").haltOnException(!graphWide).build());
    g.addNode("keep", (Integer x, Emitter<Void> out) -> TestCluster.sink(run).add(x));
    g.addEdge("numbers", "boom");
    g.addEdge("boom", "keep");
    return g;
  }

  @Test
  void aNodeThatHaltsFailsTheJobAndTheResultNamesIt() throws Exception {
    for (boolean graphWide : new boolean[] {false, true}) {
      String r = id + graphWide;
      ExecutionResult result = FlinkExecutor.builder(() -> halting(r, graphWide))
          .environment(TestCluster.env(1)).build().execute();
      assertThat(result.haltedBy()).isEqualTo("boom");
      assertThat(result.exceptions().get("boom")).isNotEmpty()
          .first().satisfies(t -> {
            assertThat(((NodeFailure) t).exceptionClassName())
                .isEqualTo(IllegalStateException.class.getName());
            assertThat(t.getMessage()).isEqualTo("boom on 7");
          });
      assertThat(TestCluster.received(r)).doesNotContain(7).hasSizeLessThan(50);
    }
  }

  record Unsendable(java.util.concurrent.locks.ReentrantLock lock) {}

  static AsyncGraph unsendable() {
    AsyncGraph g = new AsyncGraph();
    g.addNode("make", (Emitter<Unsendable> out) -> out.emit(new Unsendable(new java.util.concurrent.locks.ReentrantLock())));
    g.addNode("take", (Unsendable x, Emitter<Void> out) -> {});
    g.addEdge("make", "take");
    return g;
  }

  @Test
  void anItemFlinkCannotSerializeFailsNamingTheNodeAndTheClass() {
    assertThatThrownBy(() -> FlinkExecutor.builder(FlinkBehaviourTest::unsendable)
            .environment(TestCluster.env(1)).parallelism("take", 2).build().execute())
        .isInstanceOf(UnserializableItemException.class)
        .hasMessageContaining("node 'make' emitted an item of class " + Unsendable.class.getName())
        .satisfies(e -> assertThat(((UnserializableItemException) e).node()).isEqualTo("make"));
  }

  static AsyncGraph withQueue(boolean subclass) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("numbers", (Emitter<Integer> out) -> numbers(3, out));
    g.addNode((Integer x, Emitter<Void> out) -> {}, NodeOptions.builder()
        .name("sorted")
        .queue(subclass
            ? () -> new BatchingQueue<Integer>(2) {}
            : () -> new PriorityNodeQueue<Integer>(10, Comparator.naturalOrder()))
        .build());
    g.addEdge("numbers", "sorted");
    return g;
  }

  @Test
  void aCustomQueueThatDoesNotTranslateIsRefusedBeforeSubmission() {
    assertThatThrownBy(() -> FlinkExecutor.builder(() -> withQueue(false))
            .environment(TestCluster.env(1)).build().execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Node 'sorted' has a custom queue of class "
            + PriorityNodeQueue.class.getName() + ", which cannot run on Flink");
    assertThatThrownBy(() -> FlinkExecutor.builder(() -> withQueue(true))
            .environment(TestCluster.env(1)).build().execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Node 'sorted' has a custom queue of class "
            + FlinkBehaviourTest.class.getName() + "$");
  }

  static AsyncGraph withPolicies() {
    AsyncGraph g = new AsyncGraph();
    g.addNode((Emitter<Integer> out) -> numbers(3, out), NodeOptions.builder().name("fetch")
        .retry(io.github.asyncgraphdataflow.Retry.of(3)).timeout(Duration.ofSeconds(1)).build());
    return g;
  }

  @Test
  void policiesTheRunnerDoesNotApplyAreRefusedBeforeSubmission() {
    assertThatThrownBy(() -> FlinkExecutor.builder(FlinkBehaviourTest::withPolicies)
            .environment(TestCluster.env(1)).build().execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Node 'fetch' sets [retry, timeout], which the Flink runner "
            + "does not apply yet");
  }

  static AsyncGraph counting(String run) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("count", (Integer n, String word, Emitter<String> out) -> {
      for (int i = 0; i < n; i++) {
        out.emit(word + i);
      }
    });
    g.addNode("hello", (Emitter<String> out) -> out.emit("never called"));
    g.addNode("keep", (String x, Emitter<Void> out) -> TestCluster.sink(run).add(x));
    g.addEdge("count", "keep");
    g.addEdge("hello", "keep");
    return g;
  }

  @Test
  void startNodesWithArgumentsAreCalledOnceWithThem() throws Exception {
    String run = id;
    FlinkExecutor executor = FlinkExecutor.builder(() -> counting(run))
        .environment(TestCluster.env(2)).build();
    ExecutionResult r = executor.execute(Map.of("count", List.of(3, "w")));
    assertThat(TestCluster.received(run)).containsExactlyInAnyOrder("w0", "w1", "w2");
    assertThat(r.stats().get("count")).isEqualTo(new NodeStats(0, 3, 0, 0, 0, 0, 0, 0));
    assertThat(r.stats().get("hello")).isEqualTo(NodeStats.ZERO);
    assertThatThrownBy(() -> executor.execute(Map.of("count", List.of("three", "w"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Argument 0 of start node 'count' is a java.lang.String but the node takes "
            + "java.lang.Integer");
    assertThatThrownBy(executor::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Node 'count' has no incoming edge, so it is a start node");
  }

  static AsyncGraph batching(String run) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("numbers", (Emitter<Integer> out) -> numbers(95, out));
    g.addNode((List<Integer> batch, Emitter<Integer> out) -> {
      TestCluster.sink(run).add(batch.size());
      for (Integer x : batch) {
        out.emit(x);
      }
    }, NodeOptions.builder().name("batch").queue(() -> new BatchingQueue<Integer>(10)).build());
    g.addEdge("numbers", "batch");
    return g;
  }

  @Test
  void aBatchingQueueBySizeFlushesItsLastPartialBatchAtTheEnd() throws Exception {
    String run = id;
    ExecutionResult r = FlinkExecutor.builder(() -> batching(run))
        .environment(TestCluster.env(1)).build().execute();
    assertThat(r.stats().get("batch")).isEqualTo(new NodeStats(95, 95, 0, 0, 10, 0, 0, 0));
    List<Object> sizes = new ArrayList<>(TestCluster.received(run));
    assertThat(sizes).containsExactlyInAnyOrder(10, 10, 10, 10, 10, 10, 10, 10, 10, 5);
  }

  static AsyncGraph timedBatching(String run) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("trickle", (Emitter<Integer> out) -> {
      numbers(3, out);
      // the first three can only arrive through the time limit: the batch holds 1,000
      awaitSink(run, 1);
      out.emit(3);
    });
    g.addNode((List<Integer> batch, Emitter<Void> out) ->
        TestCluster.sink(run).add(batch), NodeOptions.builder().name("batch")
        .queue(() -> new BatchingQueue<Integer>(1000, Duration.ofMillis(50))).build());
    g.addEdge("trickle", "batch");
    return g;
  }

  static void awaitSink(String run, int size) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (TestCluster.sink(run).size() < size) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("sink " + run + " never reached " + size);
      }
      Thread.sleep(5); // polling the sink of another task; the deadline fails the node
    }
  }

  @Test
  void aBatchingQueueBySizeOrTimeReleasesAPartialBatchAfterItsMaximumWait() throws Exception {
    String run = id;
    ExecutionResult r = FlinkExecutor.builder(() -> timedBatching(run))
        .environment(TestCluster.env(1)).build().execute();
    assertThat(r.errorCount()).isZero();
    assertThat(TestCluster.received(run)).containsExactly(List.of(0, 1, 2), List.of(3));
  }

  static AsyncGraph firehose(String run, int n) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("firehose", (Emitter<Integer> out) -> {
      for (int i = 0; i < n; i++) {
        out.emit(i);
        if (i == n / 2) {
          awaitSink(run, 1); // the call is still running: its first items must be downstream
        }
      }
    });
    g.addNode("count", (Integer x, Emitter<Void> out) -> {
      if (x == 0) {
        TestCluster.sink(run).add(x);
      }
    });
    g.addEdge("firehose", "count");
    return g;
  }

  @Test
  void aCallStreamsWhatItEmitsWhileItRuns() throws Exception {
    int n = 200_000;
    String run = id;
    ExecutionResult r = FlinkExecutor.builder(() -> firehose(run, n))
        .environment(TestCluster.env(1)).build().execute();
    assertThat(r.stats().get("firehose")).isEqualTo(new NodeStats(0, n, 0, 0, 0, 0, 0, 0));
    assertThat(r.stats().get("count").in()).isEqualTo(n);
  }
}
