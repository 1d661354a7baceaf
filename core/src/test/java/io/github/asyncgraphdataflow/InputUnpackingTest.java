package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a node's function is called with an item (SPEC, "input unpacking"): spread by position
 * for tuple-like items, bound by name for a {@code Map}, whole for one-input functions and with
 * unpacking off, ignored by no-input functions; a mismatch is an error of that node.
 */
class InputUnpackingTest {

  record Point(int x, int y) {}

  private final RecordingLogger logger = new RecordingLogger("unpacking");

  /** Runs a source emitting {@code items} into the node {@code adder} adds. */
  private ExecutionResult run(List<?> items, NodeAdder adder, AsyncGraph graph)
      throws InterruptedException {
    graph.addNode("src", (Emitter<Object> out) -> {
      for (Object item : items) {
        out.emit(item);
      }
    });
    Node<?, ?> node = adder.add(graph);
    graph.addEdge("src", node.name());
    return AsyncExecutor.builder(graph).logger(logger).build().execute();
  }

  @FunctionalInterface
  interface NodeAdder {
    Node<?, ?> add(AsyncGraph graph);
  }

  private ExecutionResult runInto(List<?> items, NodeAdder adder) throws InterruptedException {
    return run(items, adder, new AsyncGraph());
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void aTupleIsSpreadOverTheParametersByPosition(int maxTasks, int queueSize) throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();

    ExecutionResult result = runInto(List.of(Tuple2.of(1, 2), Tuple2.of(3, 4)), g -> g.addNode(
        (Integer foo, Integer bar, Emitter<Void> out) -> got.add(foo + "," + bar),
        Matrix.opts("node2", maxTasks, queueSize)));

    assertThat(got).containsExactlyInAnyOrder("1,2", "3,4");
    assertThat(result.stats().get("node2").err()).isZero();
  }

  @Test
  void recordsArraysListsAndPrimitiveArraysAreSpreadByPosition() throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();

    ExecutionResult result = runInto(
        List.of(new Point(1, 2), new Object[] {3, 4}, List.of(5, 6), new int[] {7, 8}),
        g -> g.addNode("node2",
            (Integer a, Integer b, Emitter<Void> out) -> got.add(a + "," + b)));

    assertThat(got).containsExactlyInAnyOrder("1,2", "3,4", "5,6", "7,8");
    assertThat(result.stats().get("node2").err()).isZero();
  }

  @Test
  void threeAndFourValuesAreSpreadOverThreeAndFourParameters() throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src3", (Emitter<Tuple3<String, Integer, Boolean>> out) ->
        out.emit(Tuple3.of("a", 1, true)));
    graph.addNode("src4", (Emitter<Tuple4<String, Integer, Boolean, Character>> out) ->
        out.emit(Tuple4.of("b", 2, false, 'c')));
    graph.addNode("three", (String s, Integer i, Boolean b, Emitter<Void> out) ->
        got.add(s + i + b));
    graph.addNode("four", (String s, Integer i, Boolean b, Character c, Emitter<Void> out) ->
        got.add(s + i + b + c));
    graph.addEdge("src3", "three");
    graph.addEdge("src4", "four");

    new AsyncExecutor(graph).execute();

    assertThat(got).containsExactlyInAnyOrder("a1true", "b2falsec");
  }

  // Parameter names are known for a method reference (the build compiles with -parameters).
  static final List<String> BOUND = Collections.synchronizedList(new ArrayList<>());

  static void node2(Integer bar, Integer foo, Emitter<Void> out) {
    BOUND.add("bar=" + bar + ",foo=" + foo);
  }

  static void node3(Integer bar, Integer foo, Integer baz, Emitter<Void> out) {
    BOUND.add("never");
  }

  /** The original's dict example: keys bound by name, whatever their order. */
  @Test
  void aMapIsBoundToTheParametersByName() throws Exception {
    BOUND.clear();

    ExecutionResult result = runInto(
        List.of(Map.of("foo", 1, "bar", 2), Map.of("foo", 3, "bar", 4)),
        g -> g.addNode(InputUnpackingTest::node2));

    assertThat(BOUND).containsExactlyInAnyOrder("bar=2,foo=1", "bar=4,foo=3");
    assertThat(result.stats().get("node2").err()).isZero();
  }

  @Test
  void aMapIsBoundByTheNamesGivenInTheOptions() throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();

    runInto(List.of(Map.of("width", 3, "height", 4)), g -> g.addNode(
        (Integer w, Integer h, Emitter<Void> out) -> got.add(w + "x" + h),
        NodeOptions.builder().name("area").parameterNames("width", "height").build()));

    assertThat(got).containsExactly("3x4");
  }

  /** The original's "dict but not enough values", with graph-wide halting. */
  @Test
  void aMapWithoutEnoughValuesIsAnErrorOfThatNode() throws Exception {
    BOUND.clear();
    AsyncGraph graph = new AsyncGraph(true);

    ExecutionResult result = run(
        List.of(Map.of("foo", 1, "bar", 2), Map.of("foo", 3, "bar", 4)),
        g -> g.addNode(InputUnpackingTest::node3), graph);

    assertThat(BOUND).isEmpty();
    assertThat(result.stats().get("src")).isEqualTo(TestStats.done(0, 2, 0, 0));
    NodeStats node3 = result.stats().get("node3");
    assertThat(node3.in()).isEqualTo(2);
    assertThat(node3.out()).isZero();
    assertThat(node3.err()).isEqualTo(1);
    assertThat(node3.discarded()).as("the second item, after the halt").isEqualTo(1);
    assertThat(result.exceptions().get("node3")).singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("missing the input 'baz'"));
  }

  @Test
  void aMapWithAnUnknownKeyOrForUnknownNamesIsAnError() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    ExecutionResult unknownKey = runInto(List.of(Map.of("foo", 1, "bar", 2, "qux", 3)),
        g -> g.addNode(InputUnpackingTest::node2));
    ExecutionResult noNames = runInto(List.of(Map.of("a", 1, "b", 2)), g -> g.addNode("lambda",
        (Integer a, Integer b, Emitter<Void> out) -> calls.incrementAndGet()));

    assertThat(unknownKey.exceptions().get("node2")).singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("'qux'"));
    assertThat(noNames.exceptions().get("lambda")).singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("parameter names"));
    assertThat(calls).hasValue(0);
  }

  /** The original's "tuple but not enough values", with graph-wide halting. */
  @Test
  void tooFewValuesIsAnErrorOfThatNode() throws Exception {
    ExecutionResult result = run(List.of(Tuple2.of(1, 2), Tuple2.of(3, 4)),
        g -> g.addNode("node3", (Integer a, Integer b, Integer c, Emitter<Void> out) -> { }),
        new AsyncGraph(true));

    NodeStats node3 = result.stats().get("node3");
    assertThat(node3.in()).isEqualTo(2);
    assertThat(node3.err()).isEqualTo(1);
    assertThat(result.haltedBy()).isEqualTo("node3");
  }

  @Test
  void tooManyValuesOrAnUnspreadableItemIsAnErrorButNotAHaltByDefault() throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();

    ExecutionResult result = runInto(
        List.of(Tuple3.of(1, 2, 3), "not a tuple", Tuple2.of(5, 6)),
        g -> g.addNode("node2", (Integer a, Integer b, Emitter<Void> out) -> got.add(a + "," + b)));

    assertThat(got).containsExactly("5,6");
    assertThat(result.stats().get("node2")).isEqualTo(TestStats.done(3, 0, 2, 0));
    assertThat(result.halted()).isFalse();
    assertThat(logger.at(org.slf4j.event.Level.ERROR)).hasSize(2);
  }

  @Test
  void aOneInputFunctionGetsTheItemWhole() throws Exception {
    ConcurrentLinkedQueue<Object> got = new ConcurrentLinkedQueue<>();
    Map<String, Integer> map = Map.of("foo", 1);

    runInto(List.of(Tuple2.of(1, 2), map, List.of(3, 4)),
        g -> g.addNode("whole", (Object item, Emitter<Void> out) -> got.add(item)));

    assertThat(got).containsExactlyInAnyOrder(Tuple2.of(1, 2), map, List.of(3, 4));
  }

  /** With unpacking off an item is never spread, so it fills exactly one input. */
  @Test
  void withUnpackingOffTheItemIsPassedWhole() throws Exception {
    ConcurrentLinkedQueue<Object> got = new ConcurrentLinkedQueue<>();

    ExecutionResult oneInput = runInto(List.of(Tuple2.of(1, 2), Map.of("foo", 1)), g -> g.addNode(
        (Object item, Emitter<Void> out) -> got.add(item),
        NodeOptions.builder().name("whole").unpackInput(false).build()));
    ExecutionResult twoInputs = runInto(List.of(Tuple2.of(1, 2)), g -> g.addNode(
        (Integer a, Integer b, Emitter<Void> out) -> got.add("spread"),
        NodeOptions.builder().name("pair").unpackInput(false).build()));

    assertThat(got).containsExactlyInAnyOrder(Tuple2.of(1, 2), Map.of("foo", 1));
    assertThat(oneInput.stats().get("whole").err()).isZero();
    assertThat(twoInputs.exceptions().get("pair")).singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("takes 2 input(s)"));
  }

  @Test
  void aNoInputFunctionIsCalledOncePerItemAndIgnoresIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    ExecutionResult result = runInto(List.of(Tuple2.of(1, 2), "x", Map.of("k", 1)),
        g -> g.addNode("ignores", (Emitter<Void> out) -> calls.incrementAndGet()));

    assertThat(calls).hasValue(3);
    assertThat(result.stats().get("ignores")).isEqualTo(TestStats.done(3, 0, 0, 0));
  }

  @Test
  void aNullItemCannotFillTwoInputsButFillsOne() throws Exception {
    ConcurrentLinkedQueue<String> got = new ConcurrentLinkedQueue<>();
    List<Object> items = new ArrayList<>();
    items.add(null);

    ExecutionResult two = runInto(items, g -> g.addNode("two",
        (Object a, Object b, Emitter<Void> out) -> got.add("two")));
    ExecutionResult one = runInto(items, g -> g.addNode("one",
        (Object a, Emitter<Void> out) -> got.add("one:" + a)));

    assertThat(got).containsExactly("one:null");
    assertThat(two.stats().get("two").err()).isEqualTo(1);
    assertThat(one.stats().get("one").err()).isZero();
  }

  @Test
  void anItemOfTheWrongTypeIsAnErrorOfThatNode() throws Exception {
    ExecutionResult result = runInto(List.of("not a number", 2),
        g -> g.addNode("twice", (Integer x, Emitter<Integer> out) -> out.emit(2 * x)));

    assertThat(result.stats().get("twice")).isEqualTo(TestStats.done(2, 1, 1, 0));
    assertThat(result.exceptions().get("twice")).singleElement()
        .isInstanceOf(ClassCastException.class);
  }
}
