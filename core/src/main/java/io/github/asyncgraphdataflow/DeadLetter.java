package io.github.asyncgraphdataflow;

import java.util.Objects;

/**
 * An item whose call failed for good, as it reaches the destination of an error edge
 * ({@link AsyncGraph#addErrorEdge(Node, Node)}): the failing node's name, the item it was
 * called with, the last failure, and how many attempts were made.
 *
 * {@snippet :
 * var fetch = graph.addNode(Crawler::fetch, NodeOptions.builder().retry(Retry.of(3)).build());
 * var failed = graph.addNode("failed", (DeadLetter<String> d, Emitter<Void> out) ->
 *     System.out.println(d.item() + " failed after " + d.attempts() + " attempts: " + d.error()));
 * graph.addErrorEdge(fetch, failed);
 * }
 *
 * <p>A {@link Throwable} the node emitted (a failure of the item without throwing) makes a dead
 * letter too. For a start node's call, {@code item} is the list of its start arguments.
 *
 * @param node the name of the node whose call failed
 * @param item the item the call was given
 * @param error the last failure
 * @param attempts how many attempts were made (1 without a retry policy)
 * @param <I> the type of the item
 */
public record DeadLetter<I>(String node, I item, Throwable error, int attempts) {

  /** Checks the node and the error are present. */
  public DeadLetter {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(error, "error");
  }
}
