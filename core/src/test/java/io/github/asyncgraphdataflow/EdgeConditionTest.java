package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.event.Level;

/** Conditions on edges: routing, counting, a throwing condition, and the rules for adding. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EdgeConditionTest {
  private final RecordingLogger logger = new RecordingLogger("conditions");

  record Order(String id, long cents) {}

  static final ConcurrentLinkedQueue<String> BIG = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<String> SMALL = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<String> AUDIT = new ConcurrentLinkedQueue<>();

  // @start region="route"
  static AsyncGraph routeOrders() {
    AsyncGraph graph = new AsyncGraph();
    var orders = graph.addNode("orders", (Emitter<Order> out) -> {
      out.emit(new Order("o1", 150_00));
      out.emit(new Order("o2", 20_00));
      out.emit(new Order("o3", 99_00));
    });
    var big = graph.addNode("big", Nodes.sink((Order o) -> BIG.add(o.id())));
    var small = graph.addNode("small", Nodes.sink((Order o) -> SMALL.add(o.id())));
    var audit = graph.addNode("audit", Nodes.sink((Order o) -> AUDIT.add(o.id())));
    graph.addEdge(orders, big, o -> o.cents() >= 100_00);    // only the items that match
    graph.addEdge(orders, small, o -> o.cents() < 100_00);
    graph.addEdge(orders, audit);                             // no condition: every item
    return graph;
  }
  // @end

  @Test
  void onlyMatchingItemsGoAlongAConditionalEdgeAndOnlyTheyCountAsIn() throws Exception {
    BIG.clear();
    SMALL.clear();
    AUDIT.clear();

    ExecutionResult result = new AsyncExecutor(routeOrders()).execute();

    assertThat(BIG).containsExactly("o1");
    assertThat(SMALL).containsExactlyInAnyOrder("o2", "o3");
    assertThat(AUDIT).containsExactlyInAnyOrder("o1", "o2", "o3");
    assertThat(result.stats().get("orders").out()).isEqualTo(3);
    assertThat(result.stats().get("big")).isEqualTo(TestStats.done(1, 0, 0, 0));
    assertThat(result.stats().get("small")).isEqualTo(TestStats.done(2, 0, 0, 0));
    assertThat(result.stats().get("audit")).isEqualTo(TestStats.done(3, 0, 0, 0));
  }

  @Test
  void anItemMatchingNoEdgeGoesNowhereAndIsStillCountedAsOut() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("numbers", (Emitter<Integer> out) -> {
      for (int i = 0; i < 100; i++) {
        out.emit(i);
      }
    });
    graph.addNode("fizz", Nodes.sink((Integer x) -> { }));
    graph.addNode("buzz", Nodes.sink((Integer x) -> { }));
    graph.addEdge("numbers", "fizz", x -> (Integer) x % 3 == 0);
    graph.addEdge("numbers", "buzz", x -> (Integer) x % 5 == 0);

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(result.stats().get("numbers").out()).isEqualTo(100);
    assertThat(result.stats().get("fizz").in()).isEqualTo(34);
    assertThat(result.stats().get("buzz").in()).isEqualTo(20);
  }

  @Test
  void aThrowingConditionIsAnErrorOfTheSourceAndTheItemSkipsOnlyThatEdge() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    ConcurrentLinkedQueue<Integer> gotA = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Integer> gotB = new ConcurrentLinkedQueue<>();
    graph.addNode("src", (Emitter<Integer> out) -> {
      for (int i = 0; i < 4; i++) {
        out.emit(i);
      }
    });
    graph.addNode("a", Nodes.sink(gotA::add));
    graph.addNode("b", Nodes.sink(gotB::add));
    graph.addEdge("src", "a", x -> {
      if ((Integer) x == 2) {
        throw new IllegalStateException("no twos");
      }
      return true;
    });
    graph.addEdge("src", "b");

    ExecutionResult result = AsyncExecutor.builder(graph).logger(logger).build().execute();

    assertThat(gotA).containsExactlyInAnyOrder(0, 1, 3);
    assertThat(gotB).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(result.stats().get("src").err()).isEqualTo(1);
    assertThat(result.stats().get("src").out()).isEqualTo(4);
    assertThat(result.exceptions().get("src")).singleElement()
        .isInstanceOfSatisfying(EdgeConditionException.class, e -> {
          assertThat(e.edge()).isEqualTo(new Edge("src", "a", true));
          assertThat(e).hasMessageStartingWith("The condition of the edge src -> a threw")
              .hasCauseInstanceOf(IllegalStateException.class);
        });
    assertThat(logger.messages(Level.ERROR)).anyMatch(m -> m.contains("src"));
  }

  @Test
  void edgesShowWhetherTheyHaveACondition() {
    AsyncGraph graph = new AsyncGraph();
    var a = graph.addNode("a", (Emitter<Integer> out) -> out.emit(1));
    var b = graph.addNode("b", Nodes.sink((Integer x) -> { }));
    var c = graph.addNode("c", Nodes.sink((Number x) -> { }));
    graph.addEdge(a, b, x -> x > 0);
    graph.addEdge(a, c);

    assertThat(graph.edges()).containsExactly(new Edge("a", "b", true), new Edge("a", "c"));
    assertThat(graph.nodesToEdges().get("a")).containsExactly("b", "c");
  }

  @Test
  void theGraphPictureDrawsAConditionalEdgeDashedAndAnOrderedNodeMarked() {
    AsyncGraph graph = new AsyncGraph();
    var a = graph.addNode("a", (Emitter<Integer> out) -> out.emit(1));
    var b = graph.addNode(Nodes.map((Integer x) -> x),
        NodeOptions.builder().name("b").maxTasks(4).ordered(true).build());
    graph.addEdge(a, b, x -> x > 0);

    assertThat(graph.toMermaid()).contains("n1[\"b<br/>maxTasks 4, queue 10,000<br/>ordered output\"]")
        .endsWith("  n0 -.->|\"if\"| n1\n");
  }

  @Test
  void anEdgeCannotBeAddedTwiceWhenEitherHasACondition() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", (Emitter<Integer> out) -> out.emit(1));
    graph.addNode("b", Nodes.sink((Integer x) -> { }));
    graph.addNode("c", Nodes.sink((Integer x) -> { }));
    graph.addEdge("a", "b");
    graph.addEdge("a", "b");   // as before: an exact duplicate changes nothing
    graph.addEdge("a", "c", x -> true);

    assertThatThrownBy(() -> graph.addEdge("a", "b", x -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The graph already has an edge a -> b; ");
    assertThatThrownBy(() -> graph.addEdge("a", "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The graph already has an edge a -> c; ");
    assertThatThrownBy(() -> graph.addEdge("a", "c", x -> false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(graph.edges()).containsExactly(new Edge("a", "b"), new Edge("a", "c", true));
  }

  @Test
  void aConditionalEdgeClosingACycleIsRefused() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", Nodes.map((Integer x) -> x));
    graph.addNode("b", Nodes.map((Integer x) -> x));
    graph.addEdge("a", "b", x -> true);

    assertThatThrownBy(() -> graph.addEdge("b", "a", x -> true))
        .isInstanceOf(InvalidAsyncGraphException.class)
        .hasMessage("Graph has a cycle: the edge b -> a closes a path a -> ... -> b; "
            + "the graph is unchanged");
    assertThat(graph.edges()).containsExactly(new Edge("a", "b", true));
  }

  @Test
  void aNullConditionIsRefused() {
    AsyncGraph graph = new AsyncGraph();
    var a = graph.addNode("a", (Emitter<Integer> out) -> out.emit(1));
    var b = graph.addNode("b", Nodes.sink((Integer x) -> { }));

    assertThatThrownBy(() -> graph.addEdge("a", "b", null))
        .isInstanceOf(NullPointerException.class).hasMessage("condition");
    assertThatThrownBy(() -> graph.addEdge(a, b, (Predicate<Integer>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("condition");
    assertThat(graph.edges()).isEmpty();
  }

  @Test
  void conditionsWorkWithManyWorkersAndSmallQueues() throws Exception {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("numbers", (Emitter<Integer> out) -> {
      for (int i = 0; i < 10_000; i++) {
        out.emit(i);
      }
    });
    graph.addNode(Nodes.map((Integer x) -> x + 1),
        NodeOptions.builder().name("inc").maxTasks(8).queueSize(4).build());
    ConcurrentLinkedQueue<Integer> evens = new ConcurrentLinkedQueue<>();
    graph.addNode(Nodes.sink(evens::add),
        NodeOptions.builder().name("evens").maxTasks(3).queueSize(2).build());
    graph.addEdge("numbers", "inc");
    graph.addEdge("inc", "evens", x -> (Integer) x % 2 == 0);

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(evens).hasSize(5_000).allMatch(x -> x % 2 == 0);
    assertThat(List.copyOf(evens).stream().mapToLong(Integer::longValue).sum())
        .isEqualTo(5_000L * 5_001);
    assertThat(result.stats().get("evens")).isEqualTo(TestStats.done(5_000, 0, 0, 0));
  }
}
