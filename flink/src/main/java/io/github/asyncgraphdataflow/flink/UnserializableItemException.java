package io.github.asyncgraphdataflow.flink;

import java.io.Serial;

/**
 * A node emitted an item that Flink could not serialize (or copy) to hand it to the next
 * operator; the job failed. Make the item's class serializable by Flink (a POJO, a record of
 * such, or a class Kryo can handle), or convert it before emitting.
 */
public final class UnserializableItemException extends RuntimeException {
  @Serial
  private static final long serialVersionUID = 1L;
  static final String PREFIX = "async-graph-data-flow: node '";

  private final String node;
  private final String itemClass;

  UnserializableItemException(String node, String itemClass, Throwable cause) {
    super(PREFIX + node + "' emitted an item of class " + itemClass
        + " that Flink cannot serialize: " + cause, cause);
    this.node = node;
    this.itemClass = itemClass;
  }

  /**
   * The node that emitted the item.
   *
   * @return the node's name
   */
  public String node() {
    return node;
  }

  /**
   * The class of the item.
   *
   * @return a fully qualified class name
   */
  public String itemClass() {
    return itemClass;
  }
}
