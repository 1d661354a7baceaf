package io.github.asyncgraphdataflow.flink;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.Nodes;
import io.github.asyncgraphdataflow.Tuple2;
import io.github.asyncgraphdataflow.queue.BatchingQueue;
import java.util.List;
import java.util.Map;

/**
 * The deterministic graphs of {@code examples/}, rebuilt here (the examples module depends on
 * this one, not the other way round) with what they print recorded per node instead:
 * BasicThreeNodes, Branching, CombineSources, NoEdges, CustomStartNodeArgs,
 * RaisingAnException, BatchingBySize, plus input unpacking (records, lists, maps by name).
 */
final class ExampleShapes {
  private ExampleShapes() {}

  static void record(String run, String node, Object item) {
    TestCluster.sink(run + "|" + node).add(item == null ? "null" : item);
  }

  /** BasicThreeNodes: extract -> transform -> load. */
  static AsyncGraph basicThreeNodes(String run) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("extract", (Emitter<String> out) -> {
      out.emit("hello");
      out.emit("world");
    });
    g.addNode("transform", (String s, Emitter<String> out) -> {
      record(run, "transform", s);
      out.emit(s.substring(0, 1).toUpperCase() + s.substring(1));
    });
    g.addNode("load", (String s, Emitter<Void> out) -> record(run, "load", s));
    g.addEdge("extract", "transform");
    g.addEdge("transform", "load");
    return g;
  }

  /** Branching: fan-out, null items, a no-input node called once per item. */
  static AsyncGraph branching(String run) {
    AsyncGraph g = new AsyncGraph();
    NodeOptions two = NodeOptions.builder().maxTasks(2).build();
    g.addNode("extract", (Emitter<String> out) -> {
      out.emit("hello");
      out.emit("world");
    });
    g.addNode((String s, Emitter<String> out) -> out.emit(s.toUpperCase()),
        two.withName("transform"));
    g.addNode((String s, Emitter<Object> out) -> {
      record(run, "load", s);
      out.emit(null);
    }, two.withName("load"));
    g.addNode((String s, Emitter<Object> out) -> {
      record(run, "print_data", s);
      out.emit(null);
    }, two.withName("print_data"));
    g.addNode((Emitter<Object> out) -> {
      record(run, "end_task", "Ending Tasks");
      out.emit(null);
    }, two.withName("end_task"));
    g.addEdge("extract", "transform");
    g.addEdge("transform", "load");
    g.addEdge("transform", "print_data");
    g.addEdge("load", "end_task");
    return g;
  }

  /** CombineSources: two sources merge into one node (fan-in). */
  static AsyncGraph combineSources(String run) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("letters", (Emitter<String> out) -> {
      for (String s : List.of("a", "b", "c")) {
        out.emit(s);
      }
    });
    g.addNode("digits", (Emitter<String> out) -> {
      for (int i = 0; i < 5; i++) {
        out.emit(Integer.toString(i));
      }
    });
    g.addNode((String s, Emitter<Void> out) -> record(run, "combine", s),
        NodeOptions.builder().name("combine").maxTasks(3).build());
    g.addEdge("letters", "combine");
    g.addEdge("digits", "combine");
    return g;
  }

  /** NoEdges: every node a start node. */
  static AsyncGraph noEdges(String run) {
    AsyncGraph g = new AsyncGraph();
    for (String n : List.of("node1", "node2", "node3")) {
      g.addNode(n, (Emitter<String> out) -> {
        record(run, n, "from " + n);
        out.emit("from " + n);
      });
    }
    return g;
  }

  /** CustomStartNodeArgs: a start node called with arguments. */
  static AsyncGraph customStartNodeArgs(String run) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("range", (Integer from, Integer to, Emitter<Integer> out) -> {
      for (int i = from; i < to; i++) {
        out.emit(i);
      }
    });
    g.addNode("square", Nodes.map((Integer x) -> x * x));
    g.addNode("print", (Integer x, Emitter<Void> out) -> record(run, "print", x));
    g.addEdge("range", "square");
    g.addEdge("square", "print");
    return g;
  }

  static final Map<String, List<?>> CUSTOM_START_ARGS = Map.of("range", List.of(3, 9));

  /** RaisingAnException: a failing node is counted and the graph goes on. */
  static AsyncGraph raisingAnException(String run) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("numbers", (Emitter<Integer> out) -> {
      for (int i = 0; i < 10; i++) {
        out.emit(i);
      }
    });
    g.addNode("fragile", (Integer x, Emitter<Integer> out) -> {
      if (x % 3 == 0) {
        throw new IllegalArgumentException("no multiples of 3: " + x);
      }
      if (x == 7) {
        ((Emitter) out).emit(new IllegalStateException("seven")); // an emitted error
        return;
      }
      out.emit(x);
    });
    g.addNode("print", (Integer x, Emitter<Void> out) -> record(run, "print", x));
    g.addEdge("numbers", "fragile");
    g.addEdge("fragile", "print");
    return g;
  }

  /** BatchingBySize and unpacking: records, lists and maps spread over two inputs. */
  static AsyncGraph batchingAndUnpacking(String run) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("pairs", (Emitter<Object> out) -> {
      for (int i = 0; i < 23; i++) {
        out.emit(Tuple2.of(i, "r" + i));
        out.emit(List.of(i, "l" + i));
        out.emit(Map.of("n", i, "s", "m" + i));
      }
    });
    g.addNode((Integer n, String s, Emitter<String> out) -> out.emit(s + "=" + n),
        NodeOptions.builder().name("join").parameterNames("n", "s").maxTasks(4).build());
    g.addNode((List<String> batch, Emitter<Void> out) -> {
      record(run, "batches", batch.size());
      batch.forEach(s -> record(run, "write", s));
    }, NodeOptions.builder().name("write").queue(() -> new BatchingQueue<String>(10)).build());
    g.addEdge("pairs", "join");
    g.addEdge("join", "write");
    return g;
  }
}
