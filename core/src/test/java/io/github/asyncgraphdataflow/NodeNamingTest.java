package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * A node's name: given, or taken from the method reference (or named class); a lambda without a
 * name is refused. Also {@link Nodes#method}, the counterpart of {@code check_async_gen}.
 */
class NodeNamingTest {

  static void extract(Emitter<String> out) throws InterruptedException {
    out.emit("a");
  }

  static void transform(String s, Emitter<String> out) throws InterruptedException {
    out.emit(s);
  }

  static void join(String a, String b, Emitter<String> out) throws InterruptedException {
    out.emit(a + b);
  }

  static boolean isShort(String s) {
    return s.length() < 3;
  }

  /** A helper object whose instance methods are nodes. */
  static final class Etl {
    private final String suffix;

    Etl(String suffix) {
      this.suffix = suffix;
    }

    void enrich(String s, Emitter<String> out) throws InterruptedException {
      out.emit(s + suffix);
    }

    String shout(String s) {
      return s.toUpperCase() + suffix;
    }
  }

  /** A named class is named after itself, decapitalized. */
  static final class Doubler implements NodeFunction<Integer, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public void apply(Integer x, Emitter<Integer> out) throws InterruptedException {
      out.emit(2 * x);
    }
  }

  @Test
  void aMethodReferenceGivesTheNodeTheMethodsName() {
    AsyncGraph graph = new AsyncGraph();
    Etl etl = new Etl("!");

    assertThat(graph.addNode(NodeNamingTest::extract).name()).isEqualTo("extract");
    assertThat(graph.addNode(NodeNamingTest::transform).name()).isEqualTo("transform");
    assertThat(graph.addNode(NodeNamingTest::join).name()).isEqualTo("join");
    assertThat(graph.addNode(etl::enrich).name()).isEqualTo("enrich");
  }

  @Test
  void adaptersOfAMethodReferenceTakeThatMethodsName() {
    AsyncGraph graph = new AsyncGraph();
    Etl etl = new Etl("!");

    assertThat(graph.addNode(Nodes.<String, Integer>map(Integer::parseInt)).name())
        .isEqualTo("parseInt");
    assertThat(graph.addNode(Nodes.filter(NodeNamingTest::isShort)).name()).isEqualTo("isShort");
    assertThat(graph.addNode(Nodes.map(etl::shout)).name()).isEqualTo("shout");
    assertThat(graph.addNode(Nodes.sink(System.out::println)).name()).isEqualTo("println");
    assertThat(graph.addNode(Nodes.flatMap(List::of)).name()).isEqualTo("of");
  }

  @Test
  void aGivenNameWinsOverTheMethodsName() {
    AsyncGraph graph = new AsyncGraph();

    Node<Object, String> a = graph.addNode("first", NodeNamingTest::extract);
    Node<Object, String> b = graph.addNode(NodeNamingTest::extract,
        NodeOptions.builder().name("second").build());

    assertThat(List.of(a.name(), b.name())).containsExactly("first", "second");
  }

  @Test
  void aLambdaWithoutANameIsRefusedWithAMessageSayingToNameIt() {
    AsyncGraph graph = new AsyncGraph();

    assertThatThrownBy(() -> graph.addNode((String s, Emitter<String> out) -> out.emit(s)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambda").hasMessageContaining("name");
    assertThatThrownBy(() -> graph.addNode(Nodes.map((String s) -> s.trim())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> graph.addNode((Emitter<String> out) -> out.emit("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(graph.nodes()).isEmpty();
  }

  @Test
  void aNamedLambdaIsAccepted() {
    AsyncGraph graph = new AsyncGraph();

    Node<String, String> n = graph.addNode("trim", Nodes.map((String s) -> s.trim()));

    assertThat(n.name()).isEqualTo("trim");
  }

  @Test
  void aNamedClassIsNamedAfterItselfAndAnAnonymousClassNeedsAName() {
    AsyncGraph graph = new AsyncGraph();

    assertThat(graph.addNode(new Doubler()).name()).isEqualTo("doubler");
    assertThatThrownBy(() -> graph.addNode(new NodeFunction<Integer, Integer>() {
      private static final long serialVersionUID = 1L;

      @Override
      public void apply(Integer x, Emitter<Integer> out) { }
    })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
  }

  @Test
  void theSameMethodTwiceNeedsASecondName() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(NodeNamingTest::transform);

    assertThatThrownBy(() -> graph.addNode(NodeNamingTest::transform))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'transform'");
    graph.addNode("transform2", NodeNamingTest::transform);
    assertThat(graph.nodes()).hasSize(2);
  }

  // ---- Nodes.method: shapes the compiler cannot check ----

  static String upper(String s) {
    return s.toUpperCase();
  }

  static void pair(String a, Integer b, Emitter<String> out) throws InterruptedException {
    out.emit(a + b);
  }

  @Test
  void aReflectiveNodeTakesTheMethodsNameAndInputsAndEmitsItsReturnValue() throws Exception {
    Method upper = NodeNamingTest.class.getDeclaredMethod("upper", String.class);
    Method pair = NodeNamingTest.class.getDeclaredMethod("pair", String.class, Integer.class,
        Emitter.class);
    ConcurrentLinkedQueue<Object> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Object> out) -> {
      out.emit("abc");
      out.emit(Tuple2.of("x", 1));
    });
    Node<Object, Object> up = graph.addNode(Nodes.method(null, upper));
    Node<Object, Object> pr = graph.addNode(Nodes.method(null, pair));
    graph.addNode("sink", (Object x, Emitter<Void> out) -> sink.add(x));
    graph.addEdge("src", "upper");
    graph.addEdge("src", "pair");
    graph.addEdge("upper", "sink");
    graph.addEdge("pair", "sink");

    ExecutionResult result = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(up.name()).isEqualTo("upper");
    assertThat(up.inputCount()).isEqualTo(1);
    assertThat(pr.name()).isEqualTo("pair");
    assertThat(pr.inputCount()).isEqualTo(2);
    // upper gets "abc" (fine) and a Tuple2 (wrong type: an error of that node);
    // pair gets the Tuple2 spread (fine) and "abc" (cannot fill two inputs: an error)
    assertThat(sink).containsExactlyInAnyOrder("ABC", "x1");
    assertThat(result.stats().get("upper").err()).isEqualTo(1);
    assertThat(result.stats().get("pair").err()).isEqualTo(1);
  }

  @Test
  void checkFunctionOnRefusesAnUncallableMethodWhenTheNodeIsAdded() throws Exception {
    Method shout = Etl.class.getDeclaredMethod("shout", String.class);
    AsyncGraph graph = new AsyncGraph();

    assertThatThrownBy(() -> graph.addNode(Nodes.method(null, shout)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shout").hasMessageContaining("target");
    assertThatThrownBy(() -> graph.addNode(Nodes.method("not an Etl", shout)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shout");
    assertThat(graph.nodes()).isEmpty();
  }

  @Test
  void checkFunctionOffDefersTheProblemToEachCallAsAnErrorOfTheNode() throws Exception {
    Method shout = Etl.class.getDeclaredMethod("shout", String.class);
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<String> out) -> {
      out.emit("a");
      out.emit("b");
    });
    graph.addNode(Nodes.method(null, shout), NodeOptions.builder().checkFunction(false).build());
    graph.addEdge("src", "shout");

    ExecutionResult result = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(result.stats().get("shout")).isEqualTo(TestStats.done(2, 0, 2, 0));
  }

  @Test
  void aReflectiveInstanceMethodWithItsTargetRuns() throws Exception {
    Method shout = Etl.class.getDeclaredMethod("shout", String.class);
    ConcurrentLinkedQueue<Object> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<String> out) -> out.emit("hi"));
    graph.addNode(Nodes.method(new Etl("?"), shout));
    graph.addNode("sink", (Object x, Emitter<Void> out) -> sink.add(x));
    graph.addEdge("src", "shout");
    graph.addEdge("shout", "sink");

    new AsyncExecutor(graph).execute();

    assertThat(sink).containsExactly("HI?");
  }
}
