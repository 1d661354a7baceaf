package io.github.asyncgraphdataflow;

/**
 * The condition of an edge threw on an item. It counts as an error of the edge's source node
 * (its {@code err}, its kept exceptions, an ERROR line), and the item does not go along that
 * edge; the emit returns normally and the item still goes along the source's other edges
 * whose conditions hold. The condition's exception is the cause.
 */
public final class EdgeConditionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The edge whose condition threw. */
  private final Edge edge;

  /**
   * Creates the exception.
   *
   * @param edge the edge whose condition threw
   * @param cause what the condition threw
   */
  public EdgeConditionException(Edge edge, Throwable cause) {
    super("The condition of the edge " + edge.source() + " -> " + edge.destination()
        + " threw " + cause + "; the item was not sent along that edge", cause);
    this.edge = edge;
  }

  /**
   * The edge whose condition threw.
   *
   * @return the edge
   */
  public Edge edge() {
    return edge;
  }
}
