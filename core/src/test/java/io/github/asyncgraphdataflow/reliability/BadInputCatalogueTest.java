package io.github.asyncgraphdataflow.reliability;

import io.github.asyncgraphdataflow.TestStats;
import io.github.asyncgraphdataflow.Retry;
import io.github.asyncgraphdataflow.RateLimit;
import io.github.asyncgraphdataflow.DeadLetter;
import java.io.IOException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.DataFlowLogging;
import io.github.asyncgraphdataflow.Edge;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.InvalidAsyncGraphException;
import io.github.asyncgraphdataflow.Node;
import io.github.asyncgraphdataflow.NodeFunction;
import io.github.asyncgraphdataflow.NodeFunction2;
import io.github.asyncgraphdataflow.NodeFunction3;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import io.github.asyncgraphdataflow.Nodes;
import io.github.asyncgraphdataflow.SourceFunction;
import io.github.asyncgraphdataflow.queue.BatchingQueue;
import io.github.asyncgraphdataflow.queue.FifoQueue;
import io.github.asyncgraphdataflow.queue.JoinQueue;
import io.github.asyncgraphdataflow.queue.NodeQueue;
import io.github.asyncgraphdataflow.queue.PriorityNodeQueue;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every invalid use of the public API, one by one: each is refused with a specific exception
 * whose message names the argument or the node at fault. The "Errors" section of the root
 * README lists this catalogue as a table; keep the two in step.
 */
class BadInputCatalogueTest {

  private static final SourceFunction<String> NOTHING = out -> { };

  /** Asserts the call throws exactly {@code type} with every fragment in its message. */
  private static void refused(
      ThrowingCallable call, Class<? extends Throwable> type, String... fragments) {
    var thrown = assertThatThrownBy(call).isExactlyInstanceOf(type);
    for (String f : fragments) {
      thrown.hasMessageContaining(f);
    }
  }

  static void take(Integer x, Emitter<String> out) throws InterruptedException {
    out.emit("took " + x);
  }

  static void pair(String a, Integer b, Emitter<String> out) throws InterruptedException {
    out.emit(a + b);
  }

  /** An instance method, for {@link Nodes#method}. */
  void instanceStep(String s, Emitter<String> out) throws InterruptedException {
    out.emit(s);
  }

  @Nested
  class BuildingAGraph {
    private final AsyncGraph graph = new AsyncGraph();

    @Test
    void nodeNameNullOrBlank() {
      refused(() -> graph.addNode((String) null, NOTHING), NullPointerException.class, "name");
      refused(() -> graph.addNode("", NOTHING), IllegalArgumentException.class, "name");
      refused(() -> graph.addNode("  ", NOTHING), IllegalArgumentException.class, "name");
      assertThat(graph.nodes()).isEmpty();
    }

    @Test
    void nodeFunctionNull() {
      refused(() -> graph.addNode("a", (SourceFunction<String>) null),
          NullPointerException.class, "function of node 'a'");
      refused(() -> graph.addNode("a", (NodeFunction<String, String>) null),
          NullPointerException.class, "function of node 'a'");
      refused(() -> graph.addNode("a", (NodeFunction3<String, String, String, String>) null,
          NodeOptions.defaults()), NullPointerException.class, "function of node 'a'");
      refused(() -> graph.addNode((NodeFunction2<String, String, String>) null,
          NodeOptions.defaults()), NullPointerException.class, "function");
      assertThat(graph.nodes()).isEmpty();
    }

    @Test
    void nameAndOptionsNameDiffer() {
      refused(() -> graph.addNode("a", NOTHING, NodeOptions.builder().name("b").build()),
          IllegalArgumentException.class,
          "Node 'a' is also named 'b' in its options; give the name once");
      assertThat(graph.nodes()).isEmpty();
    }

    @Test
    void queueGivenTwice() {
      refused(() -> graph.addNode("a", (List<String> batch, Emitter<String> out) -> { },
          () -> new BatchingQueue<String>(2),
          NodeOptions.builder().queue(() -> new FifoQueue<>(1)).build()),
          IllegalArgumentException.class, "Node 'a' is given a queue twice");
      assertThat(graph.nodes()).isEmpty();
    }

    @Test
    void nodeOptionsNull() {
      refused(() -> graph.addNode(NOTHING, null), NullPointerException.class, "options");
    }

    @Test
    void lambdaWithoutName() {
      refused(() -> graph.addNode((Emitter<String> out) -> out.emit("x")),
          IllegalArgumentException.class, "lambda has no name");
    }

    @Test
    void duplicateNodeName() {
      graph.addNode("a", NOTHING);
      refused(() -> graph.addNode("a", NOTHING), IllegalArgumentException.class, "'a'");
      assertThat(graph.nodes()).hasSize(1);
    }

    @Test
    void parameterNamesOfTheWrongCount() {
      refused(() -> graph.addNode(BadInputCatalogueTest::pair,
              NodeOptions.builder().parameterNames("only").build()),
          IllegalArgumentException.class, "'pair'", "takes 2 inputs", "1 names");
    }

    @Test
    void edgeWithNullOrUnknownNode() {
      graph.addNode("a", NOTHING);
      refused(() -> graph.addEdge((String) null, "a"), NullPointerException.class, "source");
      refused(() -> graph.addEdge("a", (String) null), NullPointerException.class, "destination");
      refused(() -> graph.addEdge("a", "nope"), IllegalArgumentException.class, "'nope'");
      refused(() -> graph.addEdge("nope", "a"), IllegalArgumentException.class, "'nope'");
      assertThat(graph.edges()).isEmpty();
    }

    @Test
    void edgeWithNullOrForeignHandle() {
      Node<Object, String> a = graph.addNode("a", NOTHING);
      Node<Object, String> foreign = new AsyncGraph().addNode("b", NOTHING);
      refused(() -> graph.addEdge(null, a), NullPointerException.class, "source");
      refused(() -> graph.addEdge(a, null), NullPointerException.class, "destination");
      refused(() -> graph.addEdge(a, foreign), IllegalArgumentException.class,
          "'b'", "another graph");
      refused(() -> graph.addEdge(foreign, a), IllegalArgumentException.class,
          "'b'", "another graph");
      assertThat(graph.edges()).isEmpty();
    }

    @Test
    void selfEdge() {
      graph.addNode("a", NOTHING);
      refused(() -> graph.addEdge("a", "a"), InvalidAsyncGraphException.class,
          "Graph has a cycle", "a -> a", "self-edge");
      assertThat(graph.edges()).isEmpty();
    }

    @Test
    void edgeClosingACycle() {
      for (String n : List.of("a", "b", "c")) {
        graph.addNode(n, NOTHING);
      }
      graph.addEdge("a", "b");
      graph.addEdge("b", "c");
      Set<Edge> before = graph.edges();
      refused(() -> graph.addEdge("b", "a"), InvalidAsyncGraphException.class,
          "Graph has a cycle", "b -> a");
      refused(() -> graph.addEdge("c", "a"), InvalidAsyncGraphException.class,
          "Graph has a cycle", "c -> a");
      assertThat(graph.edges()).as("the graph is unchanged").isEqualTo(before);
      assertThat(graph.nodesToEdges().get("c")).isEmpty();
      assertThat(graph.sourceNodes()).containsExactly("a");
    }

    @Test
    void duplicateEdgeIsNotAnError() {
      graph.addNode("a", NOTHING);
      graph.addNode("b", (String s, Emitter<String> out) -> { });
      graph.addEdge("a", "b");
      graph.addEdge("a", "b");
      assertThat(graph.edges()).containsExactly(new Edge("a", "b"));
    }

    @Test
    void lookingUpANullOrUnknownNode() {
      refused(() -> graph.node(null), NullPointerException.class, "name");
      refused(() -> graph.node("nope"), IllegalArgumentException.class, "'nope'");
    }

    @Test
    void edgeRecordWithNull() {
      refused(() -> new Edge(null, "b"), NullPointerException.class, "source");
      refused(() -> new Edge("a", null), NullPointerException.class, "destination");
    }
  }

  @Nested
  class NodeOptionsAndAdapters {

    @Test
    void nonPositiveWorkersOrQueueSize() {
      refused(() -> NodeOptions.builder().maxTasks(0), IllegalArgumentException.class,
          "maxTasks", "was 0");
      refused(() -> NodeOptions.builder().maxTasks(-3), IllegalArgumentException.class,
          "maxTasks", "was -3");
      refused(() -> NodeOptions.builder().queueSize(0), IllegalArgumentException.class,
          "queueSize", "was 0");
      refused(() -> NodeOptions.builder().queueSize(-1), IllegalArgumentException.class,
          "queueSize", "was -1");
      refused(() -> new NodeOptions(null, false, true, 0, 1, null, true, List.of()),
          IllegalArgumentException.class, "maxTasks");
      refused(() -> new NodeOptions(null, false, true, 1, 0, null, true, List.of()),
          IllegalArgumentException.class, "queueSize");
    }

    @Test
    void nullNameQueueOrParameterNames() {
      refused(() -> NodeOptions.builder().name(null), NullPointerException.class, "name");
      refused(() -> NodeOptions.builder().name(""), IllegalArgumentException.class, "name");
      refused(() -> NodeOptions.builder().queue(null), NullPointerException.class, "queue");
      refused(() -> NodeOptions.builder().parameterNames((String[]) null),
          NullPointerException.class, "names");
      refused(() -> NodeOptions.builder().parameterNames("a", null),
          NullPointerException.class, "names[1]");
    }

    @Test
    void nullFunctionsGivenToNodes() {
      refused(() -> Nodes.map(null), NullPointerException.class, "mapper");
      refused(() -> Nodes.filter(null), NullPointerException.class, "predicate");
      refused(() -> Nodes.flatMap(null), NullPointerException.class, "mapper");
      refused(() -> Nodes.flatMapStream(null), NullPointerException.class, "mapper");
      refused(() -> Nodes.sink(null), NullPointerException.class, "consumer");
      refused(() -> Nodes.source(null), NullPointerException.class, "generator");
      refused(() -> Nodes.method(null, null), NullPointerException.class, "method");
    }

    @Test
    void reflectiveNodeWithoutOrWithWrongTarget() throws Exception {
      Method m = BadInputCatalogueTest.class.getDeclaredMethod(
          "instanceStep", String.class, Emitter.class);
      AsyncGraph graph = new AsyncGraph();
      refused(() -> graph.addNode(Nodes.method(null, m)), IllegalArgumentException.class,
          "instanceStep", "needs a target");
      refused(() -> graph.addNode(Nodes.method("not a test", m)),
          IllegalArgumentException.class, "instanceStep", "not an instance of");
      assertThat(graph.nodes()).isEmpty();
    }
  }

  @Nested
  class CustomQueues {

    @Test
    void nonPositiveCapacities() {
      refused(() -> new FifoQueue<String>(0), IllegalArgumentException.class, "capacity");
      refused(() -> new PriorityNodeQueue<String>(0, Comparator.naturalOrder()),
          IllegalArgumentException.class, "capacity");
      refused(() -> new BatchingQueue<String>(0), IllegalArgumentException.class, "batchSize");
      refused(() -> new BatchingQueue<String>(5, null, 4), IllegalArgumentException.class,
          "capacity", "batchSize");
    }

    @Test
    void nullOrNonPositiveArguments() {
      refused(() -> new FifoQueue<String>(1).preload(null), NullPointerException.class,
          "preloaded");
      refused(() -> new PriorityNodeQueue<String>(1, null), NullPointerException.class, "order");
      refused(() -> new BatchingQueue<String>(1, (Duration) null), NullPointerException.class,
          "maxWait");
      refused(() -> new BatchingQueue<String>(1, Duration.ZERO), IllegalArgumentException.class,
          "maxWait");
      refused(() -> new BatchingQueue<String>(1, Duration.ofSeconds(-1)),
          IllegalArgumentException.class, "maxWait");
    }

    @Test
    void queueSupplierReturningNull() {
      AsyncGraph graph = new AsyncGraph();
      Supplier<NodeQueue<String, String>> nothing = () -> null;
      graph.addNode("a", NOTHING);
      graph.addNode((String s, Emitter<String> out) -> { },
          NodeOptions.builder().name("b").queue(nothing).build());
      graph.addEdge("a", "b");
      refused(() -> new AsyncExecutor(graph).execute(), IllegalArgumentException.class,
          "'b'", "returned null");
    }
  }

  /** Conditions on edges and joins (issue 9, items 6 and 7). */
  @Nested
  class ConditionsAndJoins {
    private final AsyncGraph graph = new AsyncGraph();

    @Test
    void nullCondition() {
      var a = graph.addNode("a", NOTHING);
      var b = graph.addNode("b", (String s, Emitter<String> out) -> { });
      refused(() -> graph.addEdge("a", "b", null), NullPointerException.class, "condition");
      refused(() -> graph.addEdge(a, b, (Predicate<String>) null), NullPointerException.class,
          "condition");
      assertThat(graph.edges()).isEmpty();
    }

    @Test
    void edgeAddedTwiceWithACondition() {
      graph.addNode("a", NOTHING);
      graph.addNode("b", (String s, Emitter<String> out) -> { });
      graph.addNode("c", (String s, Emitter<String> out) -> { });
      graph.addEdge("a", "b");
      graph.addEdge("a", "c", x -> true);
      refused(() -> graph.addEdge("a", "b", x -> true), IllegalArgumentException.class,
          "The graph already has an edge a -> b", "combine the conditions");
      refused(() -> graph.addEdge("a", "c"), IllegalArgumentException.class,
          "The graph already has an edge a -> c");
      assertThat(graph.edges()).containsExactly(new Edge("a", "b"), new Edge("a", "c", true));
    }

    @Test
    void conditionalEdgeClosingACycle() {
      graph.addNode("a", (String s, Emitter<String> out) -> { });
      graph.addNode("b", (String s, Emitter<String> out) -> { });
      graph.addEdge("a", "b", x -> true);
      refused(() -> graph.addEdge("b", "a", x -> true), InvalidAsyncGraphException.class,
          "Graph has a cycle", "b -> a");
      assertThat(graph.edges()).containsExactly(new Edge("a", "b", true));
    }

    @Test
    void joinQueueBuilderMisuse() {
      refused(() -> JoinQueue.<String>builder().capacityPerSource(0),
          IllegalArgumentException.class, "capacityPerSource must be at least 1, was 0");
      refused(() -> JoinQueue.<String>builder().source(null, x -> "k"),
          NullPointerException.class, "name");
      refused(() -> JoinQueue.<String>builder().source("a", null), NullPointerException.class,
          "key");
      refused(() -> JoinQueue.<String>builder().source("a", x -> "k").source("a", x -> "j"),
          IllegalArgumentException.class, "source 'a' is already part of the join");
      refused(() -> JoinQueue.<String>builder().source("a", x -> "k").build(),
          IllegalStateException.class, "A join needs at least two sources, has 1: [a]");
    }

    private void joinOf(String... sources) {
      JoinQueue.Builder<Object> join = JoinQueue.builder();
      for (String s : sources) {
        join.source(s, x -> x);
      }
      graph.addNode((String x, String y, Emitter<String> out) -> { },
          NodeOptions.builder().name("join").queue(join::build).build());
    }

    @Test
    void joinSourceWithoutAnEdge() {
      graph.addNode("a", NOTHING);
      joinOf("a", "b");
      graph.addEdge("a", "join");
      refused(() -> new AsyncExecutor(graph).execute(), IllegalArgumentException.class,
          "Join node 'join' joins source 'b', but 'b' has no edge to 'join'");
    }

    @Test
    void edgeIntoAJoinFromANodeWithoutAKeyFunction() {
      graph.addNode("a", NOTHING);
      graph.addNode("b", NOTHING);
      graph.addNode("x", NOTHING);
      joinOf("a", "b");
      graph.addEdge("a", "join");
      graph.addEdge("b", "join");
      graph.addEdge("x", "join");
      refused(() -> new AsyncExecutor(graph).execute(), IllegalArgumentException.class,
          "Node 'x' has an edge to join node 'join', but the join has no key function for it",
          ".source(\"x\", keyFunction)");
    }

    @Test
    void joinKeyFunctionReturningNull() throws Exception {
      graph.addNode("a", (Emitter<Integer> out) -> out.emit(1));
      graph.addNode("b", (Emitter<Integer> out) -> out.emit(1));
      graph.addNode((Integer x, Integer y, Emitter<String> out) -> { },
          NodeOptions.builder().name("join").queue(JoinQueue.builder()
              .source("a", x -> null).source("b", x -> x)::build).build());
      graph.addEdge("a", "join");
      graph.addEdge("b", "join");
      var result = AsyncExecutor.builder(graph).logger(new RecordingLogger()).build()
          .execute();
      assertThat(result.exceptions().get("a")).singleElement()
          .isExactlyInstanceOf(NullPointerException.class)
          .extracting(Throwable::getMessage)
          .isEqualTo("Join node 'join': the key function of source 'a' returned null for the "
              + "item 1");
      assertThat(result.stats().get("join").discarded()).isEqualTo(2);
    }
  }

  @Nested
  class Executing {

    @Test
    void executorOptionsNullOrOutOfRange() {
      AsyncGraph graph = new AsyncGraph();
      refused(() -> new AsyncExecutor(null), NullPointerException.class, "graph");
      refused(() -> AsyncExecutor.builder(null), NullPointerException.class, "graph");
      var b = AsyncExecutor.builder(graph);
      refused(() -> b.logger(null), NullPointerException.class, "logger");
      refused(() -> b.maxExceptions(0), IllegalArgumentException.class, "maxExceptions", "was 0");
      refused(() -> b.maxExceptions(-1), IllegalArgumentException.class, "maxExceptions");
      refused(() -> b.threadFactory(null), NullPointerException.class, "threadFactory");
      refused(() -> b.haltTimeout(null), NullPointerException.class, "haltTimeout");
      refused(() -> b.haltTimeout(Duration.ofMillis(-1)), IllegalArgumentException.class,
          "haltTimeout");
      refused(() -> b.stallWarning(null), NullPointerException.class, "stallWarning");
      refused(() -> b.stallWarning(Duration.ofMillis(-1)), IllegalArgumentException.class,
          "stallWarning must be zero (off) or at least 1 ms, was PT-0.001S");
    }

    @Test
    void graphWithoutStartNodes() {
      AsyncExecutor executor = new AsyncExecutor(new AsyncGraph());
      refused(executor::execute, InvalidAsyncGraphException.class, "no start nodes");
      refused(executor::startNodes, InvalidAsyncGraphException.class, "no start nodes");
      AsyncGraph graph = new AsyncGraph();
      graph.addNode("a", NOTHING);
      refused(() -> new AsyncExecutor(graph).execute(Map.of()),
          InvalidAsyncGraphException.class, "no start nodes");
    }

    @Test
    void startNodesNullOrUnknown() {
      AsyncGraph graph = new AsyncGraph();
      graph.addNode("a", NOTHING);
      AsyncExecutor executor = new AsyncExecutor(graph);
      refused(() -> executor.execute(null), NullPointerException.class, "startNodes");
      refused(() -> executor.execute(Map.of("nope", List.of())), IllegalArgumentException.class,
          "'nope'");
      Map<String, List<?>> nullName = new HashMap<>();
      nullName.put(null, List.of());
      refused(() -> executor.execute(nullName), NullPointerException.class,
          "startNodes", "null node name");
      Map<String, List<?>> nullArgs = new HashMap<>();
      nullArgs.put("a", null);
      refused(() -> executor.execute(nullArgs), NullPointerException.class, "'a'", "List.of()");
    }

    @Test
    void startArgumentsOfTheWrongNumberOrType() {
      AsyncGraph graph = new AsyncGraph();
      graph.addNode(BadInputCatalogueTest::take);
      graph.addNode(BadInputCatalogueTest::pair);
      AsyncExecutor executor = new AsyncExecutor(graph);
      refused(() -> executor.execute(Map.of("take", List.of())), IllegalArgumentException.class,
          "'take'", "takes 1 input(s)", "given 0");
      refused(() -> executor.execute(Map.of("take", List.of(1, 2))),
          IllegalArgumentException.class, "'take'", "given 2");
      refused(() -> executor.execute(Map.of("take", List.of("one"))),
          IllegalArgumentException.class, "'take'", "java.lang.String", "java.lang.Integer");
      refused(() -> executor.execute(Map.of("pair", List.of("a", "b"))),
          IllegalArgumentException.class, "Argument 1", "'pair'", "java.lang.Integer");
      refused(() -> executor.execute(Map.of("pair", List.of("a"))),
          IllegalArgumentException.class, "'pair'", "takes 2 input(s)");
      assertThat(executor.dataFlowStats()).as("nothing ran")
          .allSatisfy((node, s) -> assertThat(s).isEqualTo(NodeStats.ZERO));
    }

    @Test
    void startNodeThatNeedsArgumentsButGetsNoneByDefault() {
      AsyncGraph graph = new AsyncGraph();
      graph.addNode(BadInputCatalogueTest::take);
      refused(() -> new AsyncExecutor(graph).execute(), IllegalArgumentException.class,
          "'take'", "execute(Map.of(\"take\"");
    }

    @Test
    void argumentsGivenToANodeWithoutInputAreIgnored() throws Exception {
      AsyncGraph graph = new AsyncGraph();
      graph.addNode("hello", (Emitter<String> out) -> out.emit("hello"));
      graph.addNode("sink", (String s, Emitter<Void> out) -> { });
      graph.addEdge("hello", "sink");
      var result = new AsyncExecutor(graph).execute(Map.of("hello", List.of(1, "two", 3.0)));
      assertThat(result.stats().get("sink")).isEqualTo(TestStats.done(1, 0, 0, 0));
    }

    @Test
    void executeWhileTheSameExecutorRuns() throws Exception {
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch finish = new CountDownLatch(1);
      AsyncGraph graph = new AsyncGraph();
      graph.addNode("wait", (Emitter<Void> out) -> {
        running.countDown();
        finish.await();
      });
      AsyncExecutor executor = new AsyncExecutor(graph);
      ExecutorService caller = Executors.newSingleThreadExecutor();
      try {
        Future<?> first = caller.submit(() -> executor.execute());
        running.await();
        refused(executor::execute, IllegalStateException.class, "already running",
            "another AsyncExecutor");
        finish.countDown();
        first.get();
      } finally {
        caller.shutdownNow();
      }
    }
  }

  @Nested
  class DataFlowLoggingOptions {

    @Test
    void nullOptions() {
      AsyncExecutor executor = new AsyncExecutor(new AsyncGraph());
      refused(() -> executor.turnOnDataFlowLogging(null), NullPointerException.class, "options");
      refused(() -> DataFlowLogging.builder().nodeFormat(null), NullPointerException.class,
          "nodeFormat");
      refused(() -> DataFlowLogging.builder().nodeFilter(null), NullPointerException.class,
          "nodeFilter");
      refused(() -> DataFlowLogging.builder().timeInterval(null), NullPointerException.class,
          "timeInterval");
      refused(() -> DataFlowLogging.builder().logger(null), NullPointerException.class, "logger");
    }

    @Test
    void unknownPlaceholderInTheFormat() {
      refused(() -> DataFlowLogging.builder().nodeFormat("{node}: {inn}").build(),
          IllegalArgumentException.class, "nodeFormat", "{inn}");
    }

    @Test
    void nonPositiveInterval() {
      refused(() -> DataFlowLogging.builder().timeInterval(Duration.ZERO).build(),
          IllegalArgumentException.class, "timeInterval");
      refused(() -> DataFlowLogging.builder().timeInterval(Duration.ofSeconds(-5)).build(),
          IllegalArgumentException.class, "timeInterval");
    }

    @Test
    void nullNodeInTheFilter() {
      Set<String> withNull = new HashSet<>();
      withNull.add("a");
      withNull.add(null);
      refused(() -> DataFlowLogging.builder().nodeFilter(withNull).build(),
          NullPointerException.class, "nodeFilter");
    }

    @Test
    void unknownNodeInTheFilter() {
      AsyncGraph graph = new AsyncGraph();
      graph.addNode("a", NOTHING);
      AsyncExecutor executor = new AsyncExecutor(graph);
      refused(() -> executor.turnOnDataFlowLogging(
              DataFlowLogging.builder().nodeFilter(Set.of("a", "nope")).build()),
          IllegalArgumentException.class, "'nope'");
      assertThat(executor.dataFlowLogging()).as("logging stays off").isNull();
    }
  }

  @Nested
  class Policies {

    @Test
    void retryWithBadAttemptsBackOffJitterOrConditions() {
      refused(() -> Retry.of(0), IllegalArgumentException.class,
          "maxAttempts must be at least 1, was 0");
      refused(() -> Retry.of(-2), IllegalArgumentException.class, "maxAttempts", "was -2");
      Retry r = Retry.of(3);
      Duration s = Duration.ofSeconds(1);
      refused(() -> r.backoff(null, 2, s), NullPointerException.class, "initial");
      refused(() -> r.backoff(s, 2, null), NullPointerException.class, "max");
      refused(() -> r.backoff((Duration) null), NullPointerException.class, "delay");
      refused(() -> r.backoff(Duration.ofMillis(-1), 2, s), IllegalArgumentException.class,
          "initial must not be negative, was PT-0.001S");
      refused(() -> r.backoff(s, 0.5, s), IllegalArgumentException.class,
          "multiplier must be at least 1, was 0.5");
      refused(() -> r.backoff(s, Double.NaN, s), IllegalArgumentException.class, "multiplier");
      refused(() -> r.backoff(s, 2, Duration.ofMillis(500)), IllegalArgumentException.class,
          "max must be at least initial (PT1S), was PT0.5S");
      refused(() -> r.jitter(1.5), IllegalArgumentException.class,
          "jitter must be between 0 and 1, was 1.5");
      refused(() -> r.jitter(-0.1), IllegalArgumentException.class, "jitter");
      refused(() -> r.retryOn((Class<? extends Throwable>[]) null), NullPointerException.class,
          "types");
      refused(() -> r.retryOn(), IllegalArgumentException.class, "retryOn needs at least one type");
      refused(() -> r.retryOn(IOException.class, null), NullPointerException.class, "types[1]");
      refused(() -> r.retryIf(null), NullPointerException.class, "predicate");
      refused(() -> r.retryAfter(null), NullPointerException.class, "hint");
      refused(() -> r.holdLimit(-1), IllegalArgumentException.class,
          "holdLimit must not be negative, was -1");
    }

    @Test
    void nodeOptionsWithBadPolicies() {
      refused(() -> NodeOptions.builder().retry(null), NullPointerException.class, "retry");
      refused(() -> NodeOptions.builder().timeout(null), NullPointerException.class, "timeout");
      refused(() -> NodeOptions.builder().timeout(Duration.ZERO), IllegalArgumentException.class,
          "timeout must be positive, was PT0S");
      refused(() -> NodeOptions.builder().timeout(Duration.ofSeconds(-1)),
          IllegalArgumentException.class, "timeout", "PT-1S");
      refused(() -> NodeOptions.builder().rateLimit(null), NullPointerException.class,
          "rateLimit");
      refused(() -> NodeOptions.builder().rateLimit(0, Duration.ofSeconds(1)),
          IllegalArgumentException.class, "permits must be at least 1, was 0");
      refused(() -> RateLimit.of(1, null), NullPointerException.class, "period");
      refused(() -> RateLimit.of(1, Duration.ZERO), IllegalArgumentException.class,
          "period must be positive, was PT0S");
      refused(() -> RateLimit.perSecond(5).burst(0), IllegalArgumentException.class,
          "burst must be at least 1, was 0");
      refused(() -> NodeOptions.builder().maxErrors(0), IllegalArgumentException.class,
          "maxErrors must be at least 1, was 0");
    }

    @Test
    void errorEdgesToMissingForeignOrCyclicNodes() {
      AsyncGraph graph = new AsyncGraph();
      var a = graph.addNode("a", NOTHING);
      var b = graph.addNode("b", (Object d, Emitter<Void> out) -> { });
      graph.addEdge(a, b);
      AsyncGraph other = new AsyncGraph();
      var foreign = other.addNode("f", (DeadLetter<Object> d, Emitter<Void> out) -> { });
      refused(() -> graph.addErrorEdge("a", "nope"), IllegalArgumentException.class,
          "The graph doesn't have the node 'nope'");
      refused(() -> graph.addErrorEdge((String) null, "b"), NullPointerException.class, "source");
      refused(() -> graph.addErrorEdge("a", (String) null), NullPointerException.class,
          "destination");
      refused(() -> graph.addErrorEdge(a, foreign), IllegalArgumentException.class,
          "The destination node 'f' belongs to another graph");
      refused(() -> graph.addErrorEdge("b", "a"), InvalidAsyncGraphException.class,
          "Graph has a cycle: the error edge b -> a closes a path a -> ... -> b");
      refused(() -> graph.addErrorEdge("a", "a"), InvalidAsyncGraphException.class,
          "the error edge a -> a is a self-edge");
      assertThat(graph.errorEdges()).isEmpty();
    }

    @Test
    void executorBudgetAndTimeLimit() {
      AsyncGraph graph = new AsyncGraph();
      refused(() -> AsyncExecutor.builder(graph).maxErrors(0), IllegalArgumentException.class,
          "maxErrors must be at least 1, was 0");
      refused(() -> AsyncExecutor.builder(graph).timeLimit(null), NullPointerException.class,
          "timeLimit");
      refused(() -> AsyncExecutor.builder(graph).timeLimit(Duration.ZERO),
          IllegalArgumentException.class, "timeLimit must be positive, was PT0S");
      refused(() -> new DeadLetter<>(null, "x", new IOException(), 1), NullPointerException.class,
          "node");
      refused(() -> new DeadLetter<>("n", "x", null, 1), NullPointerException.class, "error");
    }
  }
}
