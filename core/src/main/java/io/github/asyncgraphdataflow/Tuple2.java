package io.github.asyncgraphdataflow;

/**
 * An item of 2 values, spread over the parameters of a {@link NodeFunction2} (any record
 * is spread the same way; this one saves declaring a record for a quick step).
 *
 * @param first value 1
 * @param second value 2
 * @param <A> type of value 1
 * @param <B> type of value 2
 */
public record Tuple2<A, B>(A first, B second) {

  /**
   * Creates a tuple; a shorter spelling of the constructor.
   *
   * @param first value 1
   * @param second value 2
   * @param <A> type of value 1
   * @param <B> type of value 2
   * @return the tuple
   */
  public static <A, B> Tuple2<A, B> of(A first, B second) {
    return new Tuple2<>(first, second);
  }
}
