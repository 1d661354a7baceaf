package io.github.asyncgraphdataflow;

/**
 * An item of 4 values, spread over the parameters of a {@link NodeFunction4} (any record
 * is spread the same way; this one saves declaring a record for a quick step).
 *
 * @param first value 1
 * @param second value 2
 * @param third value 3
 * @param fourth value 4
 * @param <A> type of value 1
 * @param <B> type of value 2
 * @param <C> type of value 3
 * @param <D> type of value 4
 */
public record Tuple4<A, B, C, D>(A first, B second, C third, D fourth) {

  /**
   * Creates a tuple; a shorter spelling of the constructor.
   *
   * @param first value 1
   * @param second value 2
   * @param third value 3
   * @param fourth value 4
   * @param <A> type of value 1
   * @param <B> type of value 2
   * @param <C> type of value 3
   * @param <D> type of value 4
   * @return the tuple
   */
  public static <A, B, C, D> Tuple4<A, B, C, D> of(A first, B second, C third, D fourth) {
    return new Tuple4<>(first, second, third, fourth);
  }
}
