package io.github.asyncgraphdataflow;

import java.util.Objects;

/**
 * A directed edge between two nodes, by name.
 *
 * @param source the name of the node that emits
 * @param destination the name of the node that receives
 * @param conditional whether the edge has a condition: only the items that match it go along
 *     the edge (see {@link AsyncGraph#addEdge(String, String, java.util.function.Predicate)})
 */
public record Edge(String source, String destination, boolean conditional) {

  /** Checks both names are present. */
  public Edge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }

  /**
   * An edge without a condition.
   *
   * @param source the name of the node that emits
   * @param destination the name of the node that receives
   */
  public Edge(String source, String destination) {
    this(source, destination, false);
  }
}
