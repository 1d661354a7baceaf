package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.asyncgraphdataflow.queue.FifoQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code execute} returns when, and only when, every node has finished all its work, for every
 * order of {@code addNode}/{@code addEdge} calls and every topology. The class timeout is only a
 * hang guard: the original 1.6 never returns for some of these graphs.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TerminationTest {

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  private static SourceFunction<Integer> emitting(int n) {
    return out -> {
      for (int i = 0; i < n; i++) {
        out.emit(i);
      }
    };
  }

  /**
   * Regression for the original's defect: a chain {@code a -> b -> c} added as {@code c, b, a}
   * returned with {@code c} having processed none of {@code a}'s 1,000 items.
   */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void reverseInsertionOrderDeliversEveryItem(int maxTasks, int queueSize) throws Exception {
    ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Integer x, Emitter<Void> out) -> received.add(x),
        Matrix.opts("c", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x),
        Matrix.opts("b", maxTasks, queueSize));
    graph.addNode(emitting(1_000), Matrix.opts("a", maxTasks, queueSize));
    graph.addEdge("b", "c");
    graph.addEdge("a", "b");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(received).containsExactlyInAnyOrderElementsOf(range(1_000));
    assertThat(result.stats().get("c")).isEqualTo(TestStats.done(1_000, 0, 0, 0));
    assertThat(result.halted()).isFalse();
  }

  /** The original never returned for this one: reverse order and a slow middle node. */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void reverseInsertionOrderWithSlowMiddleNodeReturnsWithEveryItem(int maxTasks, int queueSize)
      throws Exception {
    ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Integer x, Emitter<Void> out) -> received.add(x),
        Matrix.opts("c", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      Thread.sleep(1); // simulated I/O
      out.emit(x);
    }, Matrix.opts("b", maxTasks, queueSize));
    graph.addNode(emitting(50), Matrix.opts("a", maxTasks, queueSize));
    graph.addEdge("b", "c");
    graph.addEdge("a", "b");

    new AsyncExecutor(graph).execute();

    assertThat(received).containsExactlyInAnyOrderElementsOf(range(50));
  }

  /** The original's own regression (its issue 15): a diamond added sink first. */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void diamondAddedInReverseOrderDeliversEveryItem(int maxTasks, int queueSize) throws Exception {
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Integer x, Emitter<Void> out) -> sink.add(x),
        Matrix.opts("sink", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x + 100),
        Matrix.opts("branchB", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x),
        Matrix.opts("branchA", maxTasks, queueSize));
    graph.addNode(emitting(4), Matrix.opts("src", maxTasks, queueSize));
    graph.addEdge("src", "branchA");
    graph.addEdge("src", "branchB");
    graph.addEdge("branchA", "sink");
    graph.addEdge("branchB", "sink");

    new AsyncExecutor(graph).execute();

    assertThat(sink).containsExactlyInAnyOrder(0, 1, 2, 3, 100, 101, 102, 103);
  }

  /** Every one of the 24 orders of adding a diamond's nodes, each with edges forward and back. */
  @Test
  void everyInsertionOrderOfADiamondDeliversEveryItem() throws Exception {
    List<String> names = List.of("src", "left", "right", "sink");
    List<List<String>> edges = List.of(
        List.of("src", "left"), List.of("src", "right"),
        List.of("left", "sink"), List.of("right", "sink"));
    for (List<String> order : permutations(names)) {
      for (boolean reverseEdges : new boolean[] {false, true}) {
        ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
        AsyncGraph graph = new AsyncGraph();
        for (String name : order) {
          NodeOptions o = NodeOptions.builder().name(name).queueSize(2).build();
          switch (name) {
            case "src" -> graph.addNode(emitting(100), o);
            case "left" -> graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x), o);
            case "right" ->
                graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x + 1_000), o);
            default -> graph.addNode((Integer x, Emitter<Void> out) -> sink.add(x), o);
          }
        }
        List<List<String>> edgeOrder = new ArrayList<>(edges);
        if (reverseEdges) {
          Collections.reverse(edgeOrder);
        }
        edgeOrder.forEach(e -> graph.addEdge(e.get(0), e.get(1)));

        new AsyncExecutor(graph).execute();

        List<Integer> expected = new ArrayList<>(range(100));
        range(100).forEach(i -> expected.add(i + 1_000));
        assertThat(sink).as("nodes added as %s, edges reversed: %s", order, reverseEdges)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void longChainAddedInShuffledOrderDeliversEveryItem(int maxTasks, int queueSize)
      throws Exception {
    int length = 60;
    List<Integer> order = new ArrayList<>(range(length));
    Collections.shuffle(order, new Random(42));
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    for (int i : order) {
      NodeOptions o = Matrix.opts("n" + i, maxTasks, queueSize);
      if (i == 0) {
        graph.addNode(emitting(300), o);
      } else if (i == length - 1) {
        graph.addNode((Integer x, Emitter<Void> out) -> sink.add(x), o);
      } else {
        graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x), o);
      }
    }
    List<Integer> edgeOrder = new ArrayList<>(range(length - 1));
    Collections.shuffle(edgeOrder, new Random(7));
    edgeOrder.forEach(i -> graph.addEdge("n" + i, "n" + (i + 1)));

    new AsyncExecutor(graph).execute();

    assertThat(sink).containsExactlyInAnyOrderElementsOf(range(300));
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void severalStartNodesAllRunAndMerge(int maxTasks, int queueSize) throws Exception {
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Integer x, Emitter<Void> out) -> sink.add(x),
        Matrix.opts("sink", maxTasks, queueSize));
    graph.addNode(emitting(200), Matrix.opts("s1", maxTasks, queueSize));
    graph.addNode(out -> {
      for (int i = 0; i < 300; i++) {
        out.emit(1_000 + i);
      }
    }, Matrix.opts("s2", maxTasks, queueSize));
    graph.addNode(out -> out.emit(-1), Matrix.opts("s3", maxTasks, queueSize));
    graph.addEdge("s1", "sink");
    graph.addEdge("s2", "sink");
    graph.addEdge("s3", "sink");

    AsyncExecutor executor = new AsyncExecutor(graph);
    assertThat(executor.startNodes()).containsOnlyKeys("s1", "s2", "s3");
    ExecutionResult result = executor.execute();

    assertThat(sink).hasSize(501).contains(-1, 0, 199, 1_000, 1_299);
    assertThat(result.stats().get("sink").in()).isEqualTo(501);
  }

  @Test
  void isolatedNodesEachRunOnceAndTheExecutionEnds() throws Exception {
    AtomicInteger a = new AtomicInteger();
    AtomicInteger b = new AtomicInteger();
    AtomicInteger c = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", (Emitter<Integer> out) -> {
      a.incrementAndGet();
      out.emit(1); // emitted to nobody
    });
    graph.addNode("b", (Emitter<Integer> out) -> b.incrementAndGet());
    graph.addNode("c", (Emitter<Integer> out) -> c.incrementAndGet());

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(List.of(a.get(), b.get(), c.get())).containsExactly(1, 1, 1);
    assertThat(result.stats().get("a")).isEqualTo(TestStats.done(0, 1, 0, 0));
  }

  @Test
  void isolatedNodeBesideAChainDoesNotHoldTheChainBack() throws Exception {
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AtomicInteger lonely = new AtomicInteger();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("lonely", (Emitter<Integer> out) -> lonely.incrementAndGet());
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> sink.add(x));
    graph.addNode("src", emitting(10));
    graph.addEdge("src", "sink");

    new AsyncExecutor(graph).execute();

    assertThat(sink).hasSize(10);
    assertThat(lonely).hasValue(1);
  }

  /**
   * Starting in the middle: the nodes upstream of the start node are not start nodes and have
   * no running upstream, so they finish at once without being called.
   */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void nonStartNodesWithNoRunningUpstreamFinishAtOnce(int maxTasks, int queueSize)
      throws Exception {
    AtomicInteger upstreamCalls = new AtomicInteger();
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      upstreamCalls.incrementAndGet();
      out.emit(-1);
    }, Matrix.opts("a", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      upstreamCalls.incrementAndGet();
      out.emit(x);
    }, Matrix.opts("b", maxTasks, queueSize));
    graph.addNode((Integer n, Emitter<Integer> out) -> {
      for (int i = 0; i < n; i++) {
        out.emit(i);
      }
    }, Matrix.opts("c", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Void> out) -> sink.add(x),
        Matrix.opts("d", maxTasks, queueSize));
    graph.addEdge("a", "b");
    graph.addEdge("b", "c");
    graph.addEdge("c", "d");

    ExecutionResult result = new AsyncExecutor(graph).execute(Map.of("c", List.of(25)));

    assertThat(upstreamCalls).hasValue(0);
    assertThat(sink).containsExactlyInAnyOrderElementsOf(range(25));
    assertThat(result.stats().get("a")).isEqualTo(NodeStats.ZERO);
    assertThat(result.stats().get("b")).isEqualTo(NodeStats.ZERO);
    assertThat(result.stats().get("c")).isEqualTo(TestStats.done(0, 25, 0, 0));
  }

  /** A branch whose only source is never started ends at once; the other branch runs. */
  @Test
  void branchWithoutARunningSourceEndsAtOnce() throws Exception {
    ConcurrentLinkedQueue<String> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("idle", (Emitter<String> out) -> out.emit("idle"));
    graph.addNode("busy", (Emitter<String> out) -> out.emit("busy"));
    graph.addNode("afterIdle", (String s, Emitter<String> out) -> out.emit(s));
    graph.addNode("sink", (String s, Emitter<Void> out) -> sink.add(s));
    graph.addEdge("idle", "afterIdle");
    graph.addEdge("afterIdle", "sink");
    graph.addEdge("busy", "sink");

    new AsyncExecutor(graph).execute(Map.of("busy", List.of()));

    assertThat(sink).containsExactly("busy");
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void nonStartNodeWithAPreloadedQueueProcessesItsItems(int maxTasks, int queueSize)
      throws Exception {
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((Integer x, Emitter<Void> out) -> sink.add(x),
        Matrix.opts("sink", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x * 10),
        Matrix.opts("preloaded", maxTasks, queueSize).toBuilder()
            .queue(() -> new FifoQueue<Integer>(queueSize).preload(range(50)))
            .build());
    graph.addEdge("preloaded", "sink");

    AsyncExecutor executor = new AsyncExecutor(graph);
    assertThat(executor.startNodes()).isEmpty();
    ExecutionResult result = executor.execute();

    assertThat(sink).containsExactlyInAnyOrderElementsOf(range(50).stream().map(i -> i * 10).toList());
    assertThat(result.stats().get("preloaded").out()).isEqualTo(50);
  }

  /** A pre-loaded node beside a real start node that is not its source: both finish. */
  @Test
  void preloadedNodeBesideNamedStartNodesStillDrainsItsQueue() throws Exception {
    ConcurrentLinkedQueue<Object> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode((String x, Emitter<Object> out) -> out.emit(x),
        NodeOptions.builder().name("preloaded")
            .queue(() -> new FifoQueue<String>(1).preload(List.of("p1", "p2"))).build());
    graph.addNode("start", (Integer n, Emitter<Object> out) -> out.emit(n));
    graph.addNode("sink", (Object x, Emitter<Void> out) -> sink.add(x));
    graph.addEdge("preloaded", "sink");
    graph.addEdge("start", "sink");

    new AsyncExecutor(graph).execute(Map.of("start", List.of(7)));

    assertThat(sink).containsExactlyInAnyOrder("p1", "p2", 7);
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void failingNodeWithoutHaltingDoesNotStopTermination(int maxTasks, int queueSize)
      throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(emitting(100), Matrix.opts("src", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      throw new IllegalStateException("always " + x);
    }, Matrix.opts("fails", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Void> out) -> { }, Matrix.opts("sink", maxTasks, queueSize));
    graph.addEdge("src", "fails");
    graph.addEdge("fails", "sink");

    ExecutionResult result = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(result.stats().get("fails")).isEqualTo(TestStats.done(100, 0, 100, 0));
    assertThat(result.stats().get("sink")).isEqualTo(NodeStats.ZERO);
  }

  @Test
  void executingTheSameGraphAgainRunsItAgainFromScratch() throws Exception {
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", emitting(10));
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> sink.add(x));
    graph.addEdge("src", "sink");
    AsyncExecutor executor = new AsyncExecutor(graph);

    executor.execute();
    executor.execute();

    assertThat(sink).hasSize(20);
  }

  /**
   * A node function that leaves its thread's interrupt flag set (as code that swallows an
   * {@link InterruptedException} and re-asserts the flag does) must not end its worker early:
   * the graph is not halting, so every item is still processed and nothing is lost.
   */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void aStrayInterruptFlagLeftByANodeFunctionLosesNoItem(int maxTasks, int queueSize)
      throws Exception {
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(emitting(200), Matrix.opts("src", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      out.emit(x);
      if (x % 50 == 0) {
        Thread.currentThread().interrupt(); // left set by "library code"
      }
    }, Matrix.opts("careless", maxTasks, queueSize));
    graph.addNode((Integer x, Emitter<Void> out) -> sink.add(x),
        Matrix.opts("sink", maxTasks, queueSize));
    graph.addEdge("src", "careless");
    graph.addEdge("careless", "sink");

    ExecutionResult result = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(result.halted()).isFalse();
    assertThat(sink).containsExactlyInAnyOrderElementsOf(range(200));
    assertThat(result.stats().get("careless")).isEqualTo(TestStats.done(200, 200, 0, 0));
  }

  /** Someone else interrupting a worker that waits for input is not a halt either. */
  @Test
  void aSpuriousInterruptOfAWaitingWorkerLosesNoItem() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ConcurrentLinkedQueue<Integer> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> {
      release.await();
      for (int i = 0; i < 10; i++) {
        out.emit(i);
      }
    });
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> sink.add(x));
    graph.addEdge("src", "sink");
    RecordingThreadFactory threads = RecordingThreadFactory.platform();
    AsyncExecutor executor = AsyncExecutor.builder(graph).threadFactory(threads).build();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        executor.execute();
      } catch (Throwable t) {
        failure.set(t);
      }
    });

    await().until(() -> threads.threads().stream().anyMatch(t -> t.getName().equals("agdf-sink-0")
        && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)));
    threads.threads().stream().filter(t -> t.getName().equals("agdf-sink-0"))
        .forEach(Thread::interrupt);
    release.countDown();
    runner.join();

    assertThat(failure.get()).isNull();
    assertThat(sink).containsExactlyInAnyOrderElementsOf(range(10));
  }

  private static List<List<String>> permutations(List<String> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<String>> result = new ArrayList<>();
    for (String first : items) {
      List<String> rest = new ArrayList<>(items);
      rest.remove(first);
      for (List<String> tail : permutations(rest)) {
        List<String> p = new ArrayList<>();
        p.add(first);
        p.addAll(tail);
        result.add(p);
      }
    }
    return result;
  }
}
