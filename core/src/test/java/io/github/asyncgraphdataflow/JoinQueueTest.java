package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncgraphdataflow.queue.JoinQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Joins across incoming edges: a node whose {@link JoinQueue} matches items of several sources
 * by key, with back-pressure per source, bounded buffers, and every unmatched item counted.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JoinQueueTest {
  private final RecordingLogger logger = new RecordingLogger("join");

  record Order(String id, long cents) {}

  record Payment(String orderId, String method) {}

  // @start region="join"
  static void joinOrdersAndPayments(AsyncGraph graph) {
    var orders = graph.addNode("orders", (Emitter<Order> out) -> {
      out.emit(new Order("o1", 1250));
      out.emit(new Order("o2", 990));
    });
    var payments = graph.addNode("payments", (Emitter<Payment> out) -> {
      out.emit(new Payment("o2", "card"));
      out.emit(new Payment("o1", "cash"));
    });
    var paid = graph.addNode(
        (Order order, Payment payment, Emitter<String> out) ->
            out.emit(order.id() + " paid " + order.cents() + " by " + payment.method()),
        NodeOptions.builder().name("paid").queue(JoinQueue.<String>builder()
            .source("orders", Order::id)              // each source with its key function
            .source("payments", Payment::orderId)
            .capacityPerSource(1_000)::build)         // a fresh queue per execution
            .build());
    graph.addEdge(orders, paid);
    graph.addEdge(payments, paid);
  }
  // @end

  @Test
  void itemsOfTwoSourcesAreJoinedByKeyInSourceOrder() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    joinOrdersAndPayments(graph);
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    var sink = graph.addNode("sink", (String s, Emitter<Void> out) -> got.add(s));
    graph.addEdge("paid", "sink");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(got).containsExactlyInAnyOrder("o1 paid 1250 by cash", "o2 paid 990 by card");
    assertThat(result.stats().get("paid")).isEqualTo(new NodeStats(4, 2, 0, 0, 2, 0, 0, 0));
    assertThat(sink.name()).isEqualTo("sink");
  }

  /**
   * The hang: one source starts 500 ms late and each sends 20,000 items. A join by
   * arrival order (a constant key) must pair them all: the early source waits while its buffer
   * is full, the late one's items free room.
   */
  @Test
  void aSourceStarting500MsLateWith20000ItemsEachIsJoinedCompletely() throws Exception {
    int n = 20_000;
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("early", counting(n, 0));
    graph.addNode("late", counting(n, 500));
    AtomicLong pairs = new AtomicLong();
    AtomicLong mismatched = new AtomicLong();
    graph.addNode((Integer a, Integer b, Emitter<Void> out) -> {
      pairs.incrementAndGet();
      if (!a.equals(b)) {
        mismatched.incrementAndGet();
      }
    }, NodeOptions.builder().name("zip").queue(JoinQueue.<Integer>builder()
        .source("early", x -> 0).source("late", x -> 0)::build).build());
    graph.addEdge("early", "zip");
    graph.addEdge("late", "zip");

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(pairs).hasValue(n);
    assertThat(mismatched).as("the i-th item of each source paired").hasValue(0);
    assertThat(result.stats().get("zip")).isEqualTo(new NodeStats(2L * n, 0, 0, 0, n, 0, 0, 0));
  }

  /** Keys arrive in a different order on each side; a capacity of 1,000 suffices to match all. */
  @Test
  void aKeyedJoinWithACapacityFinishesWithExactCounts() throws Exception {
    int n = 20_000;
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("left", (Emitter<Integer> out) -> {
      for (int i = 0; i < n; i++) {
        out.emit(i);
      }
    });
    graph.addNode("right", (Emitter<Long> out) -> {
      for (int block = 0; block < n; block += 500) {   // each block of 500 reversed
        for (int i = block + 499; i >= block; i--) {
          out.emit((long) i);
        }
      }
    });
    ConcurrentHashMap<Integer, Boolean> seen = new ConcurrentHashMap<>();
    AtomicLong wrong = new AtomicLong();
    graph.addNode((Integer l, Long r, Emitter<Void> out) -> {
      if (l.longValue() != r || seen.put(l, true) != null) {
        wrong.incrementAndGet();
      }
    }, NodeOptions.builder().name("join").maxTasks(4).queue(JoinQueue.<Long>builder()
        .source("left", (Integer i) -> (long) i).source("right", (Long x) -> x)
        .capacityPerSource(1_000)::build).build());
    graph.addEdge("left", "join");
    graph.addEdge("right", "join");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(seen).hasSize(n);
    assertThat(wrong).hasValue(0);
    assertThat(result.stats().get("join")).isEqualTo(new NodeStats(2L * n, 0, 0, 0, n, 0, 0, 0));
  }

  /** Keys that never match fill both buffers; the join evicts instead of waiting forever. */
  @Test
  void keysThatNeverMatchAreEvictedAndCountedInsteadOfHanging() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", range(0, 5_000));
    graph.addNode("b", range(5_000, 10_000));
    AtomicLong calls = new AtomicLong();
    graph.addNode((Integer x, Integer y, Emitter<Void> out) -> calls.incrementAndGet(),
        NodeOptions.builder().name("join").queue(JoinQueue.<Integer>builder().source("a", (Integer x) -> x)
            .source("b", (Integer x) -> x).capacityPerSource(100)::build).build());
    graph.addEdge("a", "join");
    graph.addEdge("b", "join");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(calls).hasValue(0);
    assertThat(result.stats().get("join"))
        .isEqualTo(new NodeStats(10_000, 0, 0, 10_000, 0, 0, 0, 0));
  }

  @Test
  void itemsLeftUnmatchedAtTheEndOfTheStreamCountAsDiscarded() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", range(0, 100));
    graph.addNode("b", range(0, 50));
    graph.addNode("c", range(25, 75));
    List<List<Integer>> got = new ArrayList<>();
    graph.addNode((Integer x, Integer y, Integer z, Emitter<Void> out) -> {
      synchronized (got) {
        got.add(List.of(x, y, z));
      }
    }, NodeOptions.builder().name("join").queue(JoinQueue.<Integer>builder().source("a", (Integer x) -> x)
        .source("b", (Integer x) -> x).source("c", (Integer x) -> x).capacityPerSource(7)::build)
        .build());
    graph.addEdge("c", "join");
    graph.addEdge("a", "join");
    graph.addEdge("b", "join");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    NodeStats join = result.stats().get("join");
    assertThat(join.in()).isEqualTo(200);
    assertThat(join.in()).as("in == 3 x calls + discarded")
        .isEqualTo(3 * join.calls() + join.discarded());
    assertThat(got).allSatisfy(t -> assertThat(t.get(1)).isEqualTo(t.get(0)).isEqualTo(t.get(2)));
  }

  @Test
  void aKeyFunctionReturningNullFailsTheEmitWithTheJoinNodeAndSourceNamed() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", range(0, 3));
    graph.addNode("b", range(0, 3));
    graph.addNode((Integer x, Integer y, Emitter<Void> out) -> { },
        NodeOptions.builder().name("join").queue(JoinQueue.<Integer>builder()
            .source("a", (Integer x) -> x == 1 ? null : x).source("b", (Integer x) -> x)::build)
            .build());
    graph.addEdge("a", "join");
    graph.addEdge("b", "join");

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(result.exceptions().get("a")).singleElement()
        .isInstanceOf(NullPointerException.class).extracting(Throwable::getMessage)
        .isEqualTo("Join node 'join': the key function of source 'a' returned null for the item 1");
    NodeStats join = result.stats().get("join");
    assertThat(join.in()).as("the refused item is counted as in").isEqualTo(5);
    assertThat(join.calls()).isEqualTo(1);
    assertThat(join.discarded()).as("the refused item and b's 1 and 2, unmatched").isEqualTo(3);
  }

  @Test
  void aJoinSourceWithoutAnEdgeIsRefusedBeforeAnythingRuns() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", range(0, 3));
    graph.addNode((Integer x, Integer y, Emitter<Void> out) -> { },
        NodeOptions.builder().name("join").queue(JoinQueue.<Integer>builder()
            .source("a", (Integer x) -> x).source("b", (Integer x) -> x)::build).build());
    graph.addEdge("a", "join");

    assertThatThrownBy(() -> new AsyncExecutor(graph).execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Join node 'join' joins source 'b', but 'b' has no edge to 'join'");
  }

  @Test
  void anEdgeFromANodeTheJoinDoesNotKnowIsRefusedBeforeAnythingRuns() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", range(0, 3));
    graph.addNode("b", range(0, 3));
    graph.addNode("x", range(0, 3));
    graph.addNode((Integer x, Integer y, Emitter<Void> out) -> { },
        NodeOptions.builder().name("join").queue(JoinQueue.<Integer>builder()
            .source("a", (Integer x) -> x).source("b", (Integer x) -> x)::build).build());
    graph.addEdge("a", "join");
    graph.addEdge("b", "join");
    graph.addEdge("x", "join");

    assertThatThrownBy(() -> new AsyncExecutor(graph).execute())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Node 'x' has an edge to join node 'join', but the join has no "
            + "key function for it");
  }

  /**
   * Two paths from one source, one of which drops items: with {@code evictWhenFull}, the
   * join keeps a sliding window per source and finishes, every item accounted for.
   */
  @Test
  void aDiamondWithAFilteringPathFinishesWithEvictWhenFull() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    var numbers = graph.addNode("numbers", range(0, 20_000));
    var evens = graph.addNode(Nodes.filter((Integer x) -> x % 2 == 0),
        NodeOptions.builder().name("evens").queueSize(16).build());
    var all = graph.addNode(Nodes.map((Integer x) -> x),
        NodeOptions.builder().name("all").queueSize(16).build());
    AtomicLong calls = new AtomicLong();
    var join = graph.addNode((Integer x, Integer y, Emitter<Void> out) -> calls.incrementAndGet(),
        NodeOptions.builder().name("join").queue(JoinQueue.<Integer>builder()
            .source("evens", (Integer x) -> x).source("all", (Integer x) -> x)
            .capacityPerSource(10).evictWhenFull(true)::build).build());
    graph.addEdge(numbers, evens);
    graph.addEdge(numbers, all);
    graph.addEdge(evens, join);
    graph.addEdge(all, join);

    ExecutionResult result = new AsyncExecutor(graph).execute();

    NodeStats s = result.stats().get("join");
    assertThat(s.in()).isEqualTo(30_000);
    assertThat(s.in()).isEqualTo(2 * s.calls() + s.discarded());
    assertThat(s.calls()).isEqualTo(calls.get()).isPositive();
  }

  @Test
  void aHaltAccountsForEveryItemTheJoinHeld() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", range(0, 5_000));
    graph.addNode("b", range(0, 5_000));
    graph.addNode((Integer x, Integer y, Emitter<Void> out) -> {
      if (x == 1_000) {
        throw new IllegalStateException("stop at 1000");
      }
    }, NodeOptions.builder().name("join").haltOnException(true).queue(JoinQueue.<Integer>builder()
        .source("a", (Integer x) -> x).source("b", (Integer x) -> x)
        .capacityPerSource(50)::build).build());
    graph.addEdge("a", "join");
    graph.addEdge("b", "join");

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(result.halted()).isTrue();
    NodeStats s = result.stats().get("join");
    long out = result.stats().get("a").out() + result.stats().get("b").out();
    assertThat(s.in()).isEqualTo(out);
    assertThat(s.in()).as("in == 2 x calls + discarded").isEqualTo(2 * s.calls() + s.discarded());
  }

  @Test
  void builderMisuseIsRefused() {
    assertThatThrownBy(() -> JoinQueue.<Integer>builder().capacityPerSource(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacityPerSource must be at least 1, was 0");
    assertThatThrownBy(() -> JoinQueue.<Integer>builder().source("a", x -> 1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A join needs at least two sources, has 1: [a]");
    assertThatThrownBy(() -> JoinQueue.<Integer>builder().source("a", x -> 1).source("a", x -> 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source 'a' is already part of the join");
    assertThatThrownBy(() -> JoinQueue.<Integer>builder().source(null, x -> 1))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> JoinQueue.<Integer>builder().source("a", null))
        .isInstanceOf(NullPointerException.class).hasMessage("key");
  }

  private static SourceFunction<Integer> range(int from, int to) {
    return out -> {
      for (int i = from; i < to; i++) {
        out.emit(i);
      }
    };
  }

  private static SourceFunction<Integer> counting(int n, long delayMillis) {
    return out -> {
      Thread.sleep(delayMillis);   // simulated late start
      for (int i = 0; i < n; i++) {
        out.emit(i);
      }
    };
  }
}
