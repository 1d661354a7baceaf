package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncgraphdataflow.queue.BatchingQueue;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * {@code addNode(name, function, options)} for every function shape, and a typed handle for a
 * node whose queue changes the item type (a batching queue), so the typed {@code addEdge}
 * connects into it. This class compiling is part of the test: {@code addEdge(numbers, save)}
 * only compiles because {@code save}'s handle takes {@code Integer}.
 */
class NamedNodeWithOptionsTest {
  private static final NodeOptions FOUR = NodeOptions.builder().maxTasks(4).build();

  @Test
  void everyFunctionShapeTakesANameAndOptions() {
    AsyncGraph graph = new AsyncGraph();
    Node<Object, Integer> source = graph.addNode("source", (Emitter<Integer> out) -> out.emit(1),
        FOUR);
    Node<Integer, Integer> one = graph.addNode("one", (Integer x, Emitter<Integer> out) -> { },
        FOUR);
    Node<Object, Integer> two = graph.addNode("two",
        (Integer a, Integer b, Emitter<Integer> out) -> { }, FOUR);
    Node<Object, Integer> three = graph.addNode("three",
        (Integer a, Integer b, Integer c, Emitter<Integer> out) -> { }, FOUR);
    Node<Object, Integer> four = graph.addNode("four",
        (Integer a, Integer b, Integer c, Integer d, Emitter<Integer> out) -> { }, FOUR);

    for (Node<?, ?> node : List.of(source, one, two, three, four)) {
      assertThat(node.options().maxTasks()).as(node.name()).isEqualTo(4);
      assertThat(node.options().name()).isEqualTo(node.name());
    }
    assertThat(List.of(source, one, two, three, four)).extracting(Node::inputCount)
        .containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void theSameNameInTheOptionsIsAcceptedADifferentOneRefused() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("a", (Emitter<Integer> out) -> { }, NodeOptions.builder().name("a").build());

    assertThatThrownBy(() -> graph.addNode("b", (Emitter<Integer> out) -> { },
        NodeOptions.builder().name("c").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Node 'b' is also named 'c' in its options; give the name once");
    assertThat(graph.nodes()).extracting(Node::name).containsExactly("a");
  }

  @Test
  void aBatchingNodeIsConnectedWithTheTypedAddEdge() throws Exception {
    ConcurrentLinkedQueue<List<Integer>> batches = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    Node<Object, Integer> numbers = graph.addNode("numbers", (Emitter<Integer> out) -> {
      for (int i = 0; i < 7; i++) {
        out.emit(i);
      }
    });
    Node<Integer, Void> save = graph.addNode("save",
        (List<Integer> batch, Emitter<Void> out) -> batches.add(batch),
        () -> new BatchingQueue<Integer>(3));
    Node<Integer, Void> saveWithOptions = graph.addNode("saveWithOptions",
        (List<Integer> batch, Emitter<Void> out) -> batches.add(batch),
        () -> new BatchingQueue<Integer>(7), NodeOptions.builder().maxTasks(2).build());
    graph.addEdge(numbers, save);
    graph.addEdge(numbers, saveWithOptions);

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(batches).containsExactlyInAnyOrder(
        List.of(0, 1, 2), List.of(3, 4, 5), List.of(6), List.of(0, 1, 2, 3, 4, 5, 6));
    assertThat(result.stats().get("save").in()).isEqualTo(7);
    assertThat(result.stats().get("save").calls()).isEqualTo(3);
    assertThat(saveWithOptions.options().maxTasks()).isEqualTo(2);
    assertThat(saveWithOptions.options().queue()).isNotNull();
  }
}
