package io.github.asyncgraphdataflow.internal;

import java.util.List;
import java.util.function.Predicate;

/**
 * The graph as an execution sees it, taken under the graph's lock when the execution starts.
 *
 * @param nodes the nodes, in the order they were added
 * @param destinations for each node (by position in {@code nodes}), its destinations' positions
 * @param errorDestinations for each node, the positions of its error edges' destinations
 * @param conditions for each node, the condition of each edge in {@code destinations} (null for
 *     none), or a null row when none of its edges has a condition
 */
public record GraphSnapshot(List<NodeSpec> nodes, int[][] destinations, int[][] errorDestinations,
    Predicate<Object>[][] conditions) {

  /**
   * A snapshot without error edges.
   *
   * @param nodes the nodes
   * @param destinations the destinations, by position
   */
  public GraphSnapshot(List<NodeSpec> nodes, int[][] destinations) {
    this(nodes, destinations, new int[nodes.size()][0]);
  }

  /**
   * A snapshot whose edges have no conditions.
   *
   * @param nodes the nodes
   * @param destinations each node's destinations
   * @param errorDestinations each node's error edges' destinations
   */
  @SuppressWarnings("unchecked")
  public GraphSnapshot(List<NodeSpec> nodes, int[][] destinations, int[][] errorDestinations) {
    this(nodes, destinations, errorDestinations,
        (Predicate<Object>[][]) new Predicate<?>[destinations.length][]);
  }

  /**
   * The number of incoming edges of each node.
   *
   * @return in-degrees, by position
   */
  public int[] inDegrees() {
    int[] in = new int[nodes.size()];
    for (int[] dests : destinations) {
      for (int d : dests) {
        in[d]++;
      }
    }
    for (int[] dests : errorDestinations) {
      for (int d : dests) {
        in[d]++; // an error edge is an edge: its destination waits for the source to end
      }
    }
    return in;
  }

  /**
   * The position of a node.
   *
   * @param name the node's name
   * @return its position, or -1
   */
  public int indexOf(String name) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
