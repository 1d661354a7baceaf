package io.github.asyncgraphdataflow.flink;

import java.io.Serial;

/**
 * Thrown in a task when a node that halts on exceptions fails: it fails the Flink job (with no
 * restart), and the client finds the node's name in it.
 */
final class NodeHaltedException extends RuntimeException {
  @Serial
  private static final long serialVersionUID = 1L;
  static final String PREFIX = "async-graph-data-flow: node '";

  private final String node;

  NodeHaltedException(String node, Throwable cause) {
    super(PREFIX + node + "' halted the graph: " + cause, null, false, false);
    this.node = node;
  }

  String node() {
    return node;
  }
}
