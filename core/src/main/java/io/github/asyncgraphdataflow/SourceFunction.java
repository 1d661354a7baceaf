package io.github.asyncgraphdataflow;

import java.io.Serializable;

/**
 * A node function that takes no input: a source, or a step that ignores what it is sent.
 *
 * <p>As a start node it is called once per execution; with incoming edges it is called once
 * per item that arrives, and the item is ignored (as the original calls {@code f()}).
 *
 * {@snippet :
 * graph.addNode("numbers", (Emitter<Integer> out) -> {
 *   for (int i = 0; i < 3; i++) out.emit(i);
 * });
 * }
 *
 * <p>It is {@link Serializable} only so that a method reference's name can be read as the
 * node's default name; nothing is ever serialized.
 *
 * @param <O> the type of item emitted
 */
@FunctionalInterface
public interface SourceFunction<O> extends Serializable {

  /**
   * Produces this call's items.
   *
   * @param out where to send each produced item
   * @throws Exception any failure, counted as an error of the node
   */
  void run(Emitter<O> out) throws Exception;
}
