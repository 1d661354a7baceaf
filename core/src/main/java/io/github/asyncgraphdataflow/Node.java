package io.github.asyncgraphdataflow;

import java.util.Objects;

/**
 * A node of an {@link AsyncGraph}: its name, its function and its options, plus the types of
 * what it takes and emits, so that {@link AsyncGraph#addEdge(Node, Node)} refuses at compile
 * time an edge whose source emits something the destination cannot take.
 *
 * {@snippet :
 * Node<Void, String> read = graph.addNode(Etl::read);
 * Node<String, Integer> parse = graph.addNode(Etl::parse);
 * graph.addEdge(read, parse); // compiles: read emits String, parse takes String
 * }
 *
 * <p>A node that takes no input, or several inputs, has input type {@code Object}: it accepts
 * any item (ignored, or spread over its parameters).
 *
 * <p>Immutable and thread-safe.
 *
 * @param <I> what the node takes
 * @param <O> what the node emits
 */
public final class Node<I, O> {
  private final AsyncGraph graph;
  private final String name;
  private final Object function;
  private final int inputCount;
  private final NodeOptions options;

  Node(AsyncGraph graph, String name, Object function, int inputCount, NodeOptions options) {
    this.graph = graph;
    this.name = name;
    this.function = function;
    this.inputCount = inputCount;
    this.options = options;
  }

  /**
   * The node's unique name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The function the node runs: a {@link SourceFunction}, {@link NodeFunction},
   * {@link NodeFunction2}, {@link NodeFunction3} or {@link NodeFunction4}.
   *
   * @return the function as given to {@code addNode}
   */
  public Object function() {
    return function;
  }

  /**
   * How many inputs the function takes (0 to 4; any number for {@link Nodes#method}).
   *
   * @return the number of inputs
   */
  public int inputCount() {
    return inputCount;
  }

  /**
   * The node's options, with the name filled in.
   *
   * @return the options
   */
  public NodeOptions options() {
    return options;
  }

  AsyncGraph graph() {
    return graph;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Node<?, ?> n && n.graph == graph && n.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(graph), name);
  }

  @Override
  public String toString() {
    return "Node[" + name + ", inputs=" + inputCount + ", maxTasks=" + options.maxTasks()
        + ", queueSize=" + options.queueSize() + "]";
  }
}
