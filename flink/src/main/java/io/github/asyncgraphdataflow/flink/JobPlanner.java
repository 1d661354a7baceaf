package io.github.asyncgraphdataflow.flink;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Node;
import io.github.asyncgraphdataflow.queue.BatchingQueue;
import io.github.asyncgraphdataflow.queue.NodeQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Translates a graph into Flink operators on an environment: one operator per node (name and
 * uid = the node's name), fed by the union of its sources' streams, plus a one-element source
 * per node with no incoming edge or with start arguments. Checks everything that can be
 * checked before the job is submitted.
 */
final class JobPlanner {
  /** Items travel as {@code Object}, serialized by Flink's generic (Kryo) serializer. */
  static final TypeInformation<Object> ITEM = TypeInformation.of(Object.class);
  /** Emitted items a subtask may hold before its calls wait for the task thread. */
  static final int WINDOW = 1024;

  private final GraphFactory factory;
  private final AsyncGraph graph;
  private final Map<String, List<?>> starts;
  private final Map<String, Integer> parallelism;
  private final int maxExceptions;

  JobPlanner(GraphFactory factory, AsyncGraph graph, Map<String, List<?>> starts,
      Map<String, Integer> parallelism, int maxExceptions) {
    this.factory = factory;
    this.graph = graph;
    this.starts = starts;
    this.parallelism = parallelism;
    this.maxExceptions = maxExceptions;
  }

  void plan(StreamExecutionEnvironment env) {
    if (!graph.errorEdges().isEmpty()) {
      throw new IllegalArgumentException("The graph has error edges " + graph.errorEdges()
          + ", which the Flink runner does not translate yet; failures are counted and kept "
          + "in ExecutionResult.exceptions() instead");
    }
    graph.edges().stream().filter(io.github.asyncgraphdataflow.Edge::conditional).findFirst()
        .ifPresent(e -> {
          throw new IllegalArgumentException("The edge " + e.source() + " -> "
              + e.destination() + " has a condition, which the Flink runner does not "
              + "translate yet; filter in a node instead to run on Flink");
        });
    Map<String, Node<?, ?>> nodes = FlinkExecutor.byName(graph);
    Map<String, NodePlan> plans = new LinkedHashMap<>();
    nodes.values().forEach(n -> plans.put(n.name(), planOf(n)));
    Map<String, Set<String>> edges = graph.nodesToEdges();
    Map<String, List<String>> sources = new HashMap<>();
    nodes.keySet().forEach(n -> sources.put(n, new ArrayList<>()));
    edges.forEach((src, dests) -> dests.forEach(d -> sources.get(d).add(src)));
    Map<String, DataStream<Object>> streams = new HashMap<>();
    for (String name : topologicalOrder(nodes.keySet(), edges, sources)) {
      List<DataStream<Object>> inputs = new ArrayList<>();
      sources.get(name).forEach(s -> inputs.add(streams.get(s)));
      if (inputs.isEmpty() || starts.containsKey(name)) {
        inputs.add(startSource(env, name, StartToken.of(starts.get(name))));
      }
      DataStream<Object> input = inputs.get(0);
      if (inputs.size() > 1) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        DataStream<Object>[] rest = inputs.subList(1, inputs.size()).toArray(new DataStream[0]);
        input = input.union(rest);
      }
      SingleOutputStreamOperator<Object> op =
          input.transform(name, ITEM, new NodeOperatorFactory(plans.get(name)));
      op.name(name).uid(name);
      Integer p = parallelism.get(name);
      if (p != null) {
        op.setParallelism(p);
      }
      streams.put(name, op);
    }
  }

  @SuppressWarnings("deprecation")
  private static DataStream<Object> startSource(StreamExecutionEnvironment env, String node,
      StartToken token) {
    try (java.io.ObjectOutputStream out =
        new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
      out.writeObject(token);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("The arguments of start node '" + node + "' must be "
          + "serializable to travel to the Flink task: " + e, e);
    }
    return env.addSource(new TokenSource(token), "start " + node, ITEM)
        .setParallelism(1).uid("start:" + node);
  }

  private NodePlan planOf(Node<?, ?> node) {
    refuseUntranslated(node);
    int batchSize = 0;
    long maxWaitMillis = 0;
    if (node.options().queue() != null) {
      NodeQueue<?, ?> queue = node.options().queue().get();
      if (queue == null) {
        throw new IllegalArgumentException(
            "The queue supplier of node '" + node.name() + "' returned null");
      }
      if (queue.getClass() != BatchingQueue.class) {
        throw new IllegalArgumentException("Node '" + node.name() + "' has a custom queue of "
            + "class " + queue.getClass().getName() + ", which cannot run on Flink: only "
            + BatchingQueue.class.getName() + " translates (by size, or by size and maximum "
            + "wait); remove the queue option or use a BatchingQueue");
      }
      BatchingQueue<?> batching = (BatchingQueue<?>) queue;
      batchSize = batching.batchSize();
      maxWaitMillis = batching.maxWait().map(d -> Math.max(1, d.toMillis())).orElse(0L);
    }
    return new NodePlan(factory, node.name(), node.options().maxTasks(), batchSize,
        maxWaitMillis, maxExceptions, WINDOW);
  }

  /** Policies that the Flink runner does not apply yet: refused, never silently ignored. */
  private static void refuseUntranslated(Node<?, ?> node) {
    var o = node.options();
    List<String> set = new ArrayList<>();
    if (!o.retry().equals(io.github.asyncgraphdataflow.Retry.none())) {
      set.add("retry");
    }
    if (o.timeout() != null) {
      set.add("timeout");
    }
    if (o.rateLimit() != null) {
      set.add("rateLimit");
    }
    if (o.maxErrors() != 0) {
      set.add("maxErrors");
    }
    if (o.ordered()) {
      set.add("ordered");
    }
    if (!set.isEmpty()) {
      throw new IllegalArgumentException("Node '" + node.name() + "' sets " + set
          + ", which the Flink runner does not apply yet; remove the option(s) to run on Flink");
    }
  }

  private static List<String> topologicalOrder(Set<String> names,
      Map<String, Set<String>> edges, Map<String, List<String>> sources) {
    Map<String, Integer> waiting = new HashMap<>();
    ArrayDeque<String> ready = new ArrayDeque<>();
    for (String n : names) {
      waiting.put(n, sources.get(n).size());
      if (sources.get(n).isEmpty()) {
        ready.add(n);
      }
    }
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String n = ready.remove();
      order.add(n);
      for (String d : edges.getOrDefault(n, Set.of())) {
        if (waiting.merge(d, -1, Integer::sum) == 0) {
          ready.add(d);
        }
      }
    }
    return order;
  }
}
