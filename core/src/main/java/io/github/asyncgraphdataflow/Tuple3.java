package io.github.asyncgraphdataflow;

/**
 * An item of 3 values, spread over the parameters of a {@link NodeFunction3} (any record
 * is spread the same way; this one saves declaring a record for a quick step).
 *
 * @param first value 1
 * @param second value 2
 * @param third value 3
 * @param <A> type of value 1
 * @param <B> type of value 2
 * @param <C> type of value 3
 */
public record Tuple3<A, B, C>(A first, B second, C third) {

  /**
   * Creates a tuple; a shorter spelling of the constructor.
   *
   * @param first value 1
   * @param second value 2
   * @param third value 3
   * @param <A> type of value 1
   * @param <B> type of value 2
   * @param <C> type of value 3
   * @return the tuple
   */
  public static <A, B, C> Tuple3<A, B, C> of(A first, B second, C third) {
    return new Tuple3<>(first, second, third);
  }
}
