package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * {@code addNode} returns a typed {@link Node}; an edge between handles compiles only when what
 * the source emits fits what the destination takes. That this class compiles is the test of the
 * positive cases; the negative cases are in comments, since they must not compile.
 */
class TypedHandlesTest {

  static void read(Emitter<String> out) throws InterruptedException {
    out.emit("1");
    out.emit("22");
  }

  static void parse(String s, Emitter<Integer> out) throws InterruptedException {
    out.emit(Integer.parseInt(s));
  }

  static void half(Number n, Emitter<Double> out) throws InterruptedException {
    out.emit(n.doubleValue() / 2);
  }

  @Test
  void typedEdgesCompileWhereTheTypesFitAndRun() throws Exception {
    ConcurrentLinkedQueue<Object> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    Node<Object, String> read = graph.addNode(TypedHandlesTest::read);
    Node<String, Integer> parse = graph.addNode(TypedHandlesTest::parse);
    Node<Number, Double> half = graph.addNode(TypedHandlesTest::half);
    Node<Object, Void> collect = graph.addNode("collect", Nodes.sink(sink::add));

    graph.addEdge(read, parse);   // String -> String
    graph.addEdge(parse, half);   // Integer -> Number: a destination may take a supertype
    graph.addEdge(half, collect); // Double -> Object
    graph.addEdge(parse, collect); // Integer -> Object
    // These do not compile, which is the point of typed handles:
    //   graph.addEdge(parse, parse);  // Integer emitted, String taken
    //   graph.addEdge(half, parse);   // Double emitted, String taken
    //   graph.addEdge(read, half);    // String emitted, Number taken

    new AsyncExecutor(graph).execute();

    assertThat(sink).containsExactlyInAnyOrder(1, 22, 0.5, 11.0);
  }

  @Test
  void nodesTakingNoInputOrSeveralInputsAcceptAnyItem() throws Exception {
    ConcurrentLinkedQueue<Object> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    Node<Object, Tuple2<String, Integer>> pairs = graph.addNode("pairs",
        (Emitter<Tuple2<String, Integer>> out) -> out.emit(Tuple2.of("a", 1)));
    Node<Object, String> joined = graph.addNode("joined",
        (String s, Integer i, Emitter<String> out) -> out.emit(s + i));
    Node<Object, String> ticks = graph.addNode("ticks", (Emitter<String> out) -> out.emit("tick"));
    Node<Object, Void> collect = graph.addNode("collect", Nodes.sink(sink::add));

    graph.addEdge(pairs, joined); // spread over (String, Integer) at run time
    graph.addEdge(joined, ticks); // a no-input node ignores what it gets
    graph.addEdge(ticks, collect);

    new AsyncExecutor(graph).execute();

    assertThat(sink).containsExactly("tick");
  }
}
