package io.github.asyncgraphdataflow.flink;

import java.util.ArrayList;
import java.util.List;

/**
 * The one element the start source of a node sends it: call the node's function once with
 * {@code args}, or, when {@code args} is null, do not call it (a node with no incoming edge
 * that the caller did not name as a start node still needs an input that ends).
 *
 * @param args the start arguments, or {@code null} for no call
 */
record StartToken(ArrayList<Object> args) implements java.io.Serializable {
  static StartToken of(List<?> args) {
    return new StartToken(args == null ? null : new ArrayList<>(args));
  }
}
