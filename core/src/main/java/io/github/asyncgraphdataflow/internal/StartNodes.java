package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.InvalidAsyncGraphException;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Works out and checks the start nodes of an execution, before anything runs. */
public final class StartNodes {
  private StartNodes() {}

  /**
   * The default start nodes: every node with no incoming edge, called with no argument. A node
   * with a custom queue that takes inputs is fed by its queue and not called.
   *
   * @param graph the graph
   * @return node name to (empty) arguments, in node order
   * @throws InvalidAsyncGraphException if the graph has no node
   * @throws IllegalArgumentException if such a node needs arguments
   */
  public static Map<String, List<?>> defaults(GraphSnapshot graph) {
    int[] in = graph.inDegrees();
    Map<String, List<?>> result = new LinkedHashMap<>();
    boolean any = false;
    for (int i = 0; i < in.length; i++) {
      NodeSpec spec = graph.nodes().get(i);
      if (in[i] != 0) {
        continue;
      }
      any = true;
      if (spec.inputs() == 0) {
        result.put(spec.name(), List.of());
      } else if (spec.options().queue() == null) {
        throw new IllegalArgumentException("Node '" + spec.name() + "' has no incoming edge, so "
            + "it is a start node, but it takes " + spec.inputs() + " input(s) and start nodes "
            + "get no arguments by default: pass them with execute(Map.of(\"" + spec.name()
            + "\", List.of(...))), or give the node a pre-loaded queue");
      }
    }
    if (!any) {
      throw new InvalidAsyncGraphException("The graph has no start nodes");
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * Checks start nodes named by the caller.
   *
   * @param graph the graph
   * @param requested node name to arguments
   * @return the same, copied, in the caller's order
   * @throws InvalidAsyncGraphException if there is none
   * @throws IllegalArgumentException naming the node whose arguments do not fit
   */
  public static Map<String, List<?>> validate(
      GraphSnapshot graph, Map<String, ? extends List<?>> requested) {
    if (requested.isEmpty()) {
      throw new InvalidAsyncGraphException("The graph has no start nodes");
    }
    Map<String, List<?>> result = new LinkedHashMap<>();
    requested.forEach((name, args) -> {
      if (name == null) {
        throw new NullPointerException("startNodes has a null node name");
      }
      int i = graph.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException("The graph doesn't have the node '" + name + "'");
      }
      if (args == null) {
        throw new NullPointerException("The arguments of start node '" + name
            + "' are null; use List.of() for none");
      }
      NodeSpec spec = graph.nodes().get(i);
      if (spec.inputs() > 0) {
        check(spec, args);
      }
      result.put(name, Collections.unmodifiableList(new ArrayList<>(args)));
    });
    return Collections.unmodifiableMap(result);
  }

  private static void check(NodeSpec spec, List<?> args) {
    if (args.size() != spec.inputs()) {
      throw new IllegalArgumentException("Start node '" + spec.name() + "' takes "
          + spec.inputs() + " input(s) but was given " + args.size() + " argument(s): " + args);
    }
    List<Class<?>> types = FunctionInfo.of(spec.function(), spec.inputs()).parameterTypes();
    for (int a = 0; a < types.size() && a < args.size(); a++) {
      Object arg = args.get(a);
      Class<?> type = MethodType.methodType(types.get(a)).wrap().returnType();
      if (arg != null && !type.isInstance(arg)) {
        throw new IllegalArgumentException("Argument " + a + " of start node '" + spec.name()
            + "' is a " + arg.getClass().getName() + " but the node takes " + type.getName());
      }
    }
  }
}
