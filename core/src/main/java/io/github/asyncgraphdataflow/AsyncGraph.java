package io.github.asyncgraphdataflow;

import io.github.asyncgraphdataflow.internal.Dag;
import io.github.asyncgraphdataflow.internal.FunctionInfo;
import io.github.asyncgraphdataflow.internal.GraphSnapshot;
import io.github.asyncgraphdataflow.internal.NodeSpec;
import io.github.asyncgraphdataflow.internal.ReflectiveFunction;
import io.github.asyncgraphdataflow.queue.NodeQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A directed acyclic graph of named nodes, each running a function on the items that flow in
 * along its incoming edges. Execute it with an {@link AsyncExecutor}.
 *
 * {@snippet file="QuickstartTest.java" region="quickstart"}
 *
 * <p>A node is added by method reference (it takes the method's name) or by lambda with a name.
 * Its function receives zero to four inputs and an {@link Emitter}; see {@link SourceFunction},
 * {@link NodeFunction}, {@link NodeFunction2} and {@link Nodes} for ready-made shapes (map,
 * filter, flat-map, sink). Each {@code addNode} returns a typed {@link Node} handle; an edge
 * between handles whose types do not fit does not compile. An edge that would close a cycle is
 * refused with {@link InvalidAsyncGraphException} and leaves the graph unchanged; the check
 * costs time proportional to the part of the graph it reorders, so building a graph layer by
 * layer is linear in its size.
 *
 * <p><b>Thread-safety:</b> every method is thread-safe (one lock per graph). An execution
 * works on a snapshot taken when it starts, so changing the graph during an execution affects
 * only later executions.
 */
public final class AsyncGraph {
  private final boolean haltOnException;
  private final Map<String, Node<?, ?>> nodes = new LinkedHashMap<>();
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final Map<String, Set<String>> nodesToEdges = new LinkedHashMap<>();
  private final Set<Edge> edges = new LinkedHashSet<>();
  /** The condition of each conditional edge, by its source, then destination. */
  private final Map<String, Map<String, Predicate<Object>>> conditions = new HashMap<>();
  private final Set<Edge> errorEdges = new LinkedHashSet<>();
  private final Dag dag = new Dag();

  /** Creates a graph that does not halt on exceptions (unless a node asks to). */
  public AsyncGraph() {
    this(false);
  }

  /**
   * Creates a graph.
   *
   * @param haltOnException halt the whole execution when any node fails
   */
  public AsyncGraph(boolean haltOnException) {
    this.haltOnException = haltOnException;
  }

  /**
   * Whether any node's failure halts the execution.
   *
   * @return the graph-wide halting switch
   */
  public boolean haltOnException() {
    return haltOnException;
  }

  // ---- nodes that take no input ----

  /**
   * Adds a node that takes no input, named after its method reference.
   *
   * @param function a method reference (a lambda needs a name)
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <O> Node<Object, O> addNode(SourceFunction<O> function) {
    return add(function, 0, NodeOptions.defaults());
  }

  /**
   * Adds a named node that takes no input.
   *
   * @param name the node's unique name
   * @param function the node's function
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <O> Node<Object, O> addNode(String name, SourceFunction<O> function) {
    return add(function, 0, named(name));
  }

  /**
   * Adds a node that takes no input, with options.
   *
   * @param function the node's function
   * @param options the node's options
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <O> Node<Object, O> addNode(SourceFunction<O> function, NodeOptions options) {
    return add(function, 0, options);
  }

  // ---- nodes that take one input ----

  /**
   * Adds a node that takes one input, named after its method reference.
   *
   * @param function a method reference, a {@link Nodes} adapter of one, or a named class
   * @param <I> what the node takes
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <I, O> Node<I, O> addNode(NodeFunction<I, O> function) {
    return add(function, inputsOf(function), NodeOptions.defaults());
  }

  /**
   * Adds a named node that takes one input.
   *
   * @param name the node's unique name
   * @param function the node's function
   * @param <I> what the node takes
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <I, O> Node<I, O> addNode(String name, NodeFunction<I, O> function) {
    return add(function, inputsOf(function), named(name));
  }

  /**
   * Adds a node that takes one input, with options.
   *
   * @param function the node's function
   * @param options the node's options
   * @param <I> what the node takes
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <I, O> Node<I, O> addNode(NodeFunction<I, O> function, NodeOptions options) {
    return add(function, inputsOf(function), options);
  }

  // ---- nodes that take several inputs ----

  /**
   * Adds a node that takes two inputs, spread from each item.
   *
   * @param function a method reference (a lambda needs a name)
   * @param <A> input 1
   * @param <B> input 2
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <A, B, O> Node<Object, O> addNode(NodeFunction2<A, B, O> function) {
    return add(function, 2, NodeOptions.defaults());
  }

  /**
   * Adds a named node that takes two inputs.
   *
   * @param name the node's unique name
   * @param function the node's function
   * @param <A> input 1
   * @param <B> input 2
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <A, B, O> Node<Object, O> addNode(String name, NodeFunction2<A, B, O> function) {
    return add(function, 2, named(name));
  }

  /**
   * Adds a node that takes two inputs, with options.
   *
   * @param function the node's function
   * @param options the node's options
   * @param <A> input 1
   * @param <B> input 2
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <A, B, O> Node<Object, O> addNode(NodeFunction2<A, B, O> function, NodeOptions options) {
    return add(function, 2, options);
  }

  /**
   * Adds a node that takes three inputs, named after its method reference.
   *
   * @param function a method reference (a lambda needs a name)
   * @param <A> input 1
   * @param <B> input 2
   * @param <C> input 3
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <A, B, C, O> Node<Object, O> addNode(NodeFunction3<A, B, C, O> function) {
    return add(function, 3, NodeOptions.defaults());
  }

  /**
   * Adds a named node that takes three inputs.
   *
   * @param name the node's unique name
   * @param function the node's function
   * @param <A> input 1
   * @param <B> input 2
   * @param <C> input 3
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <A, B, C, O> Node<Object, O> addNode(String name, NodeFunction3<A, B, C, O> function) {
    return add(function, 3, named(name));
  }

  /**
   * Adds a node that takes three inputs, with options (a method reference may leave the name
   * out).
   *
   * @param function the node's function
   * @param options the node's options
   * @param <A> input 1
   * @param <B> input 2
   * @param <C> input 3
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <A, B, C, O> Node<Object, O> addNode(
      NodeFunction3<A, B, C, O> function, NodeOptions options) {
    return add(function, 3, options);
  }

  /**
   * Adds a node that takes four inputs, named after its method reference.
   *
   * @param function a method reference (a lambda needs a name)
   * @param <A> input 1
   * @param <B> input 2
   * @param <C> input 3
   * @param <D> input 4
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <A, B, C, D, O> Node<Object, O> addNode(NodeFunction4<A, B, C, D, O> function) {
    return add(function, 4, NodeOptions.defaults());
  }

  /**
   * Adds a named node that takes four inputs.
   *
   * @param name the node's unique name
   * @param function the node's function
   * @param <A> input 1
   * @param <B> input 2
   * @param <C> input 3
   * @param <D> input 4
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <A, B, C, D, O> Node<Object, O> addNode(
      String name, NodeFunction4<A, B, C, D, O> function) {
    return add(function, 4, named(name));
  }

  /**
   * Adds a node that takes four inputs, with options (a method reference may leave the name
   * out).
   *
   * @param function the node's function
   * @param options the node's options
   * @param <A> input 1
   * @param <B> input 2
   * @param <C> input 3
   * @param <D> input 4
   * @param <O> what the node emits
   * @return the node's handle
   */
  public <A, B, C, D, O> Node<Object, O> addNode(
      NodeFunction4<A, B, C, D, O> function, NodeOptions options) {
    return add(function, 4, options);
  }

  // ---- named nodes with options ----

  /**
   * Adds a named node that takes no input, with options.
   *
   * @param name the node's unique name; {@code options.name()} must be unset or the same
   * @param function the node's function
   * @param options the node's options
   * @param <O> what the node emits
   * @return the node's handle
   * @throws IllegalArgumentException if {@code options} names the node differently
   */
  public <O> Node<Object, O> addNode(String name, SourceFunction<O> function,
      NodeOptions options) {
    return add(function, 0, named(name, options));
  }

  /**
   * Adds a named node that takes one input, with options.
   *
   * {@snippet :
   * var parse = graph.addNode("parse", (String line, Emitter<Integer> out) ->
   *     out.emit(Integer.parseInt(line)), NodeOptions.builder().maxTasks(4).build());
   * }
   *
   * @param name the node's unique name; {@code options.name()} must be unset or the same
   * @param function the node's function
   * @param options the node's options
   * @param <I> what the node takes
   * @param <O> what the node emits
   * @return the node's handle
   * @throws IllegalArgumentException if {@code options} names the node differently
   */
  public <I, O> Node<I, O> addNode(String name, NodeFunction<I, O> function,
      NodeOptions options) {
    return add(function, inputsOf(function), named(name, options));
  }

  /**
   * Adds a named node that takes two inputs, with options.
   *
   * @param name the node's unique name; {@code options.name()} must be unset or the same
   * @param function the node's function
   * @param options the node's options
   * @param <A> input 1
   * @param <B> input 2
   * @param <O> what the node emits
   * @return the node's handle
   * @throws IllegalArgumentException if {@code options} names the node differently
   */
  public <A, B, O> Node<Object, O> addNode(String name, NodeFunction2<A, B, O> function,
      NodeOptions options) {
    return add(function, 2, named(name, options));
  }

  /**
   * Adds a named node that takes three inputs, with options.
   *
   * @param name the node's unique name; {@code options.name()} must be unset or the same
   * @param function the node's function
   * @param options the node's options
   * @param <A> input 1
   * @param <B> input 2
   * @param <C> input 3
   * @param <O> what the node emits
   * @return the node's handle
   * @throws IllegalArgumentException if {@code options} names the node differently
   */
  public <A, B, C, O> Node<Object, O> addNode(String name, NodeFunction3<A, B, C, O> function,
      NodeOptions options) {
    return add(function, 3, named(name, options));
  }

  /**
   * Adds a named node that takes four inputs, with options.
   *
   * @param name the node's unique name; {@code options.name()} must be unset or the same
   * @param function the node's function
   * @param options the node's options
   * @param <A> input 1
   * @param <B> input 2
   * @param <C> input 3
   * @param <D> input 4
   * @param <O> what the node emits
   * @return the node's handle
   * @throws IllegalArgumentException if {@code options} names the node differently
   */
  public <A, B, C, D, O> Node<Object, O> addNode(String name,
      NodeFunction4<A, B, C, D, O> function, NodeOptions options) {
    return add(function, 4, named(name, options));
  }

  // ---- nodes behind a queue that changes the item type ----

  /**
   * Adds a named node whose custom input queue turns the items its sources emit ({@code T})
   * into what its function takes ({@code I}), for example a {@link io.github.asyncgraphdataflow.queue.BatchingQueue} turning
   * items into lists. The handle's input type is the queue's input, so the typed
   * {@link #addEdge(Node, Node)} connects sources that emit {@code T}.
   *
   * {@snippet :
   * Node<Object, Integer> numbers = graph.addNode("numbers", (Emitter<Integer> out) -> out.emit(1));
   * Node<Integer, Void> save = graph.addNode("save",
   *     (List<Integer> batch, Emitter<Void> out) -> database.insert(batch),
   *     () -> new BatchingQueue<Integer>(300));
   * graph.addEdge(numbers, save); // compiles: Integer items, List<Integer> calls
   * }
   *
   * @param name the node's unique name
   * @param function the node's function, taking what the queue gives out
   * @param queue a supplier of the node's input queue, called once per execution
   * @param <T> what the sources emit into the queue
   * @param <I> what the node's function takes
   * @param <O> what the node emits
   * @return the node's handle, taking {@code T}
   */
  public <T, I, O> Node<T, O> addNode(String name, NodeFunction<I, O> function,
      Supplier<? extends NodeQueue<T, ? extends I>> queue) {
    return addNode(name, function, queue, NodeOptions.defaults());
  }

  /**
   * Adds a named node with options whose custom input queue turns the items its sources emit
   * ({@code T}) into what its function takes ({@code I}); see
   * {@link #addNode(String, NodeFunction, Supplier)}.
   *
   * @param name the node's unique name; {@code options.name()} must be unset or the same
   * @param function the node's function, taking what the queue gives out
   * @param queue a supplier of the node's input queue, called once per execution
   * @param options the node's other options; {@code options.queue()} must be unset
   * @param <T> what the sources emit into the queue
   * @param <I> what the node's function takes
   * @param <O> what the node emits
   * @return the node's handle, taking {@code T}
   * @throws IllegalArgumentException if {@code options} names the node differently or already
   *     has a queue
   */
  public <T, I, O> Node<T, O> addNode(String name, NodeFunction<I, O> function,
      Supplier<? extends NodeQueue<T, ? extends I>> queue, NodeOptions options) {
    Objects.requireNonNull(queue, "queue");
    NodeOptions named = named(name, options);
    if (named.queue() != null) {
      throw new IllegalArgumentException("Node '" + name + "' is given a queue twice: as an "
          + "argument and in its options; give it once");
    }
    return add(function, inputsOf(function), named.toBuilder().queue(queue).build());
  }

  // ---- edges ----

  /**
   * Adds an edge between two nodes by name. Adding an existing edge (without a condition)
   * again changes nothing.
   *
   * @param source the emitting node's name
   * @param destination the receiving node's name
   * @throws IllegalArgumentException if a node does not exist
   * @throws InvalidAsyncGraphException if the edge would close a cycle (the graph is unchanged)
   */
  public void addEdge(String source, String destination) {
    add(source, destination, null);
  }

  /**
   * Adds an edge by name with a condition: only the items for which it returns true go along
   * this edge; the others are not counted in the destination's {@code in}. A node's emitted
   * item still goes to every destination whose edge has no condition or a condition that
   * holds (fan-out stays a broadcast among those).
   *
   * {@snippet file="EdgeConditionTest.java" region="route"}
   *
   * <p>The condition runs on the emitting worker's thread, during {@code emit}, so it may be
   * called by several of the source's workers at once: it must be thread-safe, and should be
   * cheap. A condition that throws counts as an error of the source node
   * ({@link EdgeConditionException}, logged and kept); that item does not go along that edge.
   * The cycle check treats a conditional edge as an edge.
   *
   * @param source the emitting node's name
   * @param destination the receiving node's name
   * @param condition which items go along the edge
   * @throws IllegalArgumentException if a node does not exist, or the graph already has an edge
   *     from {@code source} to {@code destination} (with or without a condition: combine the
   *     conditions into one predicate instead)
   * @throws InvalidAsyncGraphException if the edge would close a cycle (the graph is unchanged)
   */
  public void addEdge(String source, String destination, Predicate<Object> condition) {
    add(source, destination, Objects.requireNonNull(condition, "condition"));
  }

  /**
   * Adds an edge between two node handles with a condition; see
   * {@link #addEdge(String, String, Predicate)}.
   *
   * @param source the emitting node
   * @param destination the receiving node
   * @param condition which items go along the edge
   * @param <T> the item type flowing along the edge
   * @throws IllegalArgumentException if a handle belongs to another graph, or the edge exists
   * @throws InvalidAsyncGraphException if the edge would close a cycle (the graph is unchanged)
   */
  @SuppressWarnings("unchecked")
  public <T> void addEdge(Node<?, ? extends T> source, Node<? super T, ?> destination,
      Predicate<? super T> condition) {
    Objects.requireNonNull(condition, "condition");
    add(own(source, "source").name(), own(destination, "destination").name(),
        (Predicate<Object>) condition);
  }

  private synchronized void add(String source, String destination, Predicate<Object> condition) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    int s = indexOf(source);
    int d = indexOf(destination);
    Edge edge = new Edge(source, destination, condition != null);
    if (nodesToEdges.get(source).contains(destination)) {
      if (condition == null && edges.contains(edge)) {
        return;
      }
      throw new IllegalArgumentException("The graph already has an edge " + source + " -> "
          + destination + "; an edge cannot be added twice when either has a condition "
          + "(combine the conditions into one predicate)");
    }
    if (!dag.addEdge(s, d)) {
      throw new InvalidAsyncGraphException("Graph has a cycle: the edge " + source + " -> "
          + destination + (s == d ? " is a self-edge" : " closes a path " + destination
          + " -> ... -> " + source) + "; the graph is unchanged");
    }
    edges.add(edge);
    nodesToEdges.get(source).add(destination);
    if (condition != null) {
      conditions.computeIfAbsent(source, k -> new HashMap<>()).put(destination, condition);
    }
  }

  /**
   * Adds an edge between two node handles; it compiles only when what the source emits fits
   * what the destination takes.
   *
   * @param source the emitting node
   * @param destination the receiving node
   * @param <T> the item type flowing along the edge
   * @throws IllegalArgumentException if a handle belongs to another graph
   * @throws InvalidAsyncGraphException if the edge would close a cycle (the graph is unchanged)
   */
  public <T> void addEdge(Node<?, ? extends T> source, Node<? super T, ?> destination) {
    addEdge(own(source, "source").name(), own(destination, "destination").name());
  }

  /**
   * Adds an error edge by name: when a call of {@code source} fails for good (after its
   * retries), a {@link DeadLetter} with the item, the failure, the node's name and the number
   * of attempts goes to {@code destination}, besides being counted in the source's
   * {@code err}, logged and kept. A {@link Throwable} the source emits makes a dead letter
   * too. The dead letter counts in the destination's {@code in}, not in the source's
   * {@code out}. For cycles and termination an error edge is an edge like any other: it may
   * not close a cycle, and the destination ends only after the source. Error edges are not in
   * {@link #edges()} nor {@link #nodesToEdges()}; see {@link #errorEdges()}.
   *
   * @param source the node whose failures are routed
   * @param destination the node that receives them as {@link DeadLetter}s
   * @throws IllegalArgumentException if a node does not exist
   * @throws InvalidAsyncGraphException if the edge would close a cycle (the graph is unchanged)
   */
  public synchronized void addErrorEdge(String source, String destination) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    int s = indexOf(source);
    int d = indexOf(destination);
    Edge edge = new Edge(source, destination);
    if (errorEdges.contains(edge)) {
      return;
    }
    if (!dag.addEdge(s, d)) {
      throw new InvalidAsyncGraphException("Graph has a cycle: the error edge " + source + " -> "
          + destination + (s == d ? " is a self-edge" : " closes a path " + destination
          + " -> ... -> " + source) + "; the graph is unchanged");
    }
    errorEdges.add(edge);
  }

  /**
   * Adds an error edge between two node handles (see {@link #addErrorEdge(String, String)});
   * it compiles only when the destination takes {@link DeadLetter}s of the source's input.
   *
   * {@snippet :
   * var fetch = graph.addNode(Crawler::fetch);               // Node<String, Page>
   * var failed = graph.addNode(Crawler::recordFailure);      // takes DeadLetter<String>
   * graph.addErrorEdge(fetch, failed);
   * }
   *
   * @param source the node whose failures are routed
   * @param destination the node that receives them
   * @param <I> what the source takes
   * @throws IllegalArgumentException if a handle belongs to another graph
   * @throws InvalidAsyncGraphException if the edge would close a cycle (the graph is unchanged)
   */
  public <I> void addErrorEdge(Node<I, ?> source, Node<? super DeadLetter<I>, ?> destination) {
    addErrorEdge(own(source, "source").name(), own(destination, "destination").name());
  }

  /**
   * The error edges, in the order they were added (apart from {@link #edges()}).
   *
   * @return an unmodifiable snapshot
   */
  public synchronized Set<Edge> errorEdges() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(errorEdges));
  }

  // ---- views ----

  /**
   * The nodes, in the order they were added.
   *
   * @return an unmodifiable snapshot
   */
  public synchronized List<Node<?, ?>> nodes() {
    return List.copyOf(nodes.values());
  }

  /**
   * Looks up a node by name.
   *
   * @param name the node's name
   * @return the node
   * @throws IllegalArgumentException if there is no such node
   */
  public synchronized Node<?, ?> node(String name) {
    Objects.requireNonNull(name, "name");
    indexOf(name);
    return nodes.get(name);
  }

  /**
   * The edges, in the order they were added.
   *
   * @return an unmodifiable snapshot
   */
  public synchronized Set<Edge> edges() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(edges));
  }

  /**
   * Each node's destinations, for every node (an empty set for a node with no outgoing edge).
   *
   * @return an unmodifiable snapshot, in the order nodes and edges were added
   */
  public synchronized Map<String, Set<String>> nodesToEdges() {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    nodesToEdges.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * The nodes with no incoming edge: the default start nodes.
   *
   * @return their names, in the order they were added
   */
  public synchronized List<String> sourceNodes() {
    Set<String> withInput = new LinkedHashSet<>();
    edges.forEach(e -> withInput.add(e.destination()));
    errorEdges.forEach(e -> withInput.add(e.destination()));
    List<String> result = new ArrayList<>();
    for (String n : nodes.keySet()) {
      if (!withInput.contains(n)) {
        result.add(n);
      }
    }
    return List.copyOf(result);
  }

  // ---- pictures ----

  /**
   * Draws this graph as a Mermaid flowchart: each node a box with its name, {@code maxTasks}
   * and queue (the default queue's size, or a custom queue's class, learnt by calling the
   * queue supplier once), each edge an arrow, each error edge a dashed arrow labelled
   * "error"; nodes in the order they were added, with any name escaped. Paste it into a {@code ```mermaid} block of a Markdown file.
   *
   * {@snippet file="GraphDiagramTest.java" region="mermaid"}
   *
   * @return the flowchart, one statement per line
   */
  public String toMermaid() {
    return diagram().mermaid();
  }

  /**
   * Draws this graph as a Graphviz DOT digraph (render it with {@code dot -Tsvg}), with the
   * same boxes and arrows as {@link #toMermaid()}.
   *
   * @return the digraph, one statement per line
   */
  public String toDot() {
    return diagram().dot();
  }

  private GraphDiagram diagram() {
    List<Node<?, ?>> ns;
    List<GraphDiagram.Arrow> arrows = new ArrayList<>();
    synchronized (this) {
      ns = List.copyOf(nodes.values());
      edges.forEach(e -> arrows.add(GraphDiagram.Arrow.data(e)));
      errorEdges.forEach(e -> arrows.add(GraphDiagram.Arrow.error(e)));
    }
    return new GraphDiagram(ns, arrows); // drawn outside the lock: it calls queue suppliers
  }

  // ---- internals ----

  /** The graph as an execution sees it, taken atomically. */
  @SuppressWarnings("unchecked")
  synchronized GraphSnapshot snapshot() {
    List<NodeSpec> specs = new ArrayList<>();
    for (Node<?, ?> n : nodes.values()) {
      specs.add(new NodeSpec(n.name(), n.function(), n.inputCount(), n.options(),
          haltOnException || n.options().haltOnException()));
    }
    int[][] dests = new int[specs.size()][];
    Predicate<Object>[][] conds = (Predicate<Object>[][]) new Predicate<?>[specs.size()][];
    int i = 0;
    for (Map.Entry<String, Set<String>> e : nodesToEdges.entrySet()) {
      dests[i] = e.getValue().stream().mapToInt(index::get).toArray();
      Map<String, Predicate<Object>> c = conditions.get(e.getKey());
      if (c != null) {
        conds[i] = e.getValue().stream().map(c::get).toArray(Predicate[]::new);
      }
      i++;
    }
    int[][] errorDests = new int[specs.size()][0];
    for (Edge e : errorEdges) {
      int from = index.get(e.source());
      errorDests[from] = java.util.Arrays.copyOf(errorDests[from], errorDests[from].length + 1);
      errorDests[from][errorDests[from].length - 1] = index.get(e.destination());
    }
    return new GraphSnapshot(List.copyOf(specs), dests, errorDests, conds);
  }

  private static NodeOptions named(String name) {
    return NodeOptions.builder().name(name).build();
  }

  private static NodeOptions named(String name, NodeOptions options) {
    NodeOptions.requireValidName(name);
    Objects.requireNonNull(options, "options");
    if (options.name() != null && !options.name().equals(name)) {
      throw new IllegalArgumentException("Node '" + name + "' is also named '" + options.name()
          + "' in its options; give the name once");
    }
    return options.withName(name);
  }

  private static int inputsOf(NodeFunction<?, ?> function) {
    return function instanceof ReflectiveFunction r ? r.inputs() : 1;
  }

  private synchronized <I, O> Node<I, O> add(Object function, int inputs, NodeOptions options) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(function,
        options.name() == null ? "function" : "function of node '" + options.name() + "'");
    if (function instanceof ReflectiveFunction r && options.checkFunction()) {
      r.check();
    }
    String name = options.name();
    if (name == null) {
      name = FunctionInfo.of(function, inputs).name();
      if (name == null) {
        throw new IllegalArgumentException("A lambda has no name: name the node, e.g. "
            + "graph.addNode(\"parse\", (x, out) -> ...), or pass a method reference");
      }
    }
    if (nodes.containsKey(name)) {
      throw new IllegalArgumentException("The graph already has a node named '" + name + "'");
    }
    int inputsCount = inputs;
    if (!options.parameterNames().isEmpty() && options.parameterNames().size() != inputsCount) {
      throw new IllegalArgumentException("node '" + name + "' takes " + inputsCount
          + " inputs but parameterNames has " + options.parameterNames().size() + " names");
    }
    Node<I, O> node = new Node<>(this, name, function, inputsCount, options.withName(name));
    nodes.put(name, node);
    index.put(name, dag.addNode());
    nodesToEdges.put(name, new LinkedHashSet<>());
    return node;
  }

  private int indexOf(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("The graph doesn't have the node '" + name + "'");
    }
    return i;
  }

  private Node<?, ?> own(Node<?, ?> node, String what) {
    Objects.requireNonNull(node, what);
    if (node.graph() != this) {
      throw new IllegalArgumentException(
          "The " + what + " node '" + node.name() + "' belongs to another graph");
    }
    return node;
  }
}
