package io.github.asyncgraphdataflow.spi;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.Node;
import io.github.asyncgraphdataflow.internal.FunctionInfo;
import io.github.asyncgraphdataflow.internal.GraphSnapshot;
import io.github.asyncgraphdataflow.internal.Invoker;
import io.github.asyncgraphdataflow.internal.NodeSpec;
import io.github.asyncgraphdataflow.internal.StartNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Calls one node's function the way {@link io.github.asyncgraphdataflow.AsyncExecutor} does:
 * a function with no input ignores the item, a one-input function gets it whole, a function
 * with several inputs gets it spread (records, arrays and lists by position, a {@code Map} by
 * parameter name) unless the node's {@code unpackInput} is off.
 *
 * {@snippet :
 * NodeCaller caller = NodeCaller.of(graph, "transform");
 * caller.call("o1,ada,1250", item -> downstream.accept(item));
 * }
 *
 * <p>Thread-safe: immutable. The emitter passed to a call is used only by the thread making the
 * call, while the call runs; a {@link Throwable} the function emits is handed to the emitter
 * like any item (the engine counts it as an error, as the local executor does).
 */
public final class NodeCaller {
  private final String name;
  private final boolean haltOnException;
  private final Invoker invoker;

  private NodeCaller(NodeSpec spec) {
    this.name = spec.name();
    this.haltOnException = spec.haltOnException();
    this.invoker = new Invoker(spec, FunctionInfo.of(spec.function(), spec.inputs()));
  }

  /**
   * Makes a caller for a node of a graph.
   *
   * @param graph the graph
   * @param node the node's name
   * @return a caller of that node's function
   * @throws IllegalArgumentException if the graph has no such node
   */
  public static NodeCaller of(AsyncGraph graph, String node) {
    Objects.requireNonNull(graph, "graph");
    return new NodeCaller(spec(graph, graph.node(node)));
  }

  /**
   * The node's name.
   *
   * @return the name
   */
  public String node() {
    return name;
  }

  /**
   * Whether a failure of this node halts the graph (its own option, or the graph's).
   *
   * @return true if it halts
   */
  public boolean haltOnException() {
    return haltOnException;
  }

  /**
   * Calls the function with one item.
   *
   * @param item the item, possibly {@code null}
   * @param out receives every item the function emits, in order
   * @throws Exception what the function throws, or {@link IllegalArgumentException} when the
   *     item does not fit the function's inputs (a failed call, as in the local executor)
   */
  public void call(Object item, Emitter<Object> out) throws Exception {
    invoker.call(item, out);
  }

  /**
   * Calls the function as a start node, with arguments checked by {@link #startNodes}.
   *
   * @param args the arguments ({@code List.of()} for none)
   * @param out receives every item the function emits, in order
   * @throws Exception what the function throws
   */
  public void callStart(List<?> args, Emitter<Object> out) throws Exception {
    invoker.callStart(args, out);
  }

  /**
   * Works out the start nodes of an execution with the local executor's rules and checks.
   *
   * @param graph the graph
   * @param requested node name to arguments, or {@code null} for the default start nodes
   *     (every node with no incoming edge, called with no argument)
   * @return node name to arguments, unmodifiable
   * @throws io.github.asyncgraphdataflow.InvalidAsyncGraphException if there is no start node
   * @throws IllegalArgumentException naming the node whose arguments do not fit
   */
  public static Map<String, List<?>> startNodes(
      AsyncGraph graph, Map<String, ? extends List<?>> requested) {
    GraphSnapshot snapshot = snapshot(graph);
    return requested == null
        ? StartNodes.defaults(snapshot)
        : StartNodes.validate(snapshot, requested);
  }

  private static NodeSpec spec(AsyncGraph graph, Node<?, ?> n) {
    return new NodeSpec(n.name(), n.function(), n.inputCount(), n.options(),
        graph.haltOnException() || n.options().haltOnException());
  }

  private static GraphSnapshot snapshot(AsyncGraph graph) {
    List<Node<?, ?>> nodes = graph.nodes();
    Map<String, Set<String>> edges = graph.nodesToEdges();
    Map<String, Integer> index = new HashMap<>();
    List<NodeSpec> specs = new ArrayList<>();
    for (Node<?, ?> n : nodes) {
      index.put(n.name(), specs.size());
      specs.add(spec(graph, n));
    }
    int[][] destinations = new int[specs.size()][];
    for (int i = 0; i < specs.size(); i++) {
      destinations[i] = edges.getOrDefault(specs.get(i).name(), Set.of()).stream()
          .filter(index::containsKey).mapToInt(index::get).toArray();
    }
    return new GraphSnapshot(List.copyOf(specs), destinations);
  }
}
