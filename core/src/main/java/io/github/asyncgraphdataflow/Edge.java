package io.github.asyncgraphdataflow;

import java.util.Objects;

/**
 * A directed edge between two nodes, by name.
 *
 * @param source the name of the node that emits
 * @param destination the name of the node that receives
 */
public record Edge(String source, String destination) {

  /** Checks both names are present. */
  public Edge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }
}
