package io.github.asyncgraphdataflow.examples;

import java.time.Duration;

/**
 * The examples' clock: where the original sleeps {@code n} seconds to make concurrency visible,
 * a port sleeps {@code n} ticks. A program runs with {@link #DEFAULT_TICK}, a tenth of the
 * original's second; the tests run with a tick of a millisecond and assert only on what does not
 * depend on timing.
 */
final class Pace {
  /** The tick of a program run from the command line. */
  static final Duration DEFAULT_TICK = Duration.ofMillis(100);

  private Pace() {}

  /**
   * Sleeps a number of ticks.
   *
   * @param tick one tick
   * @param ticks how many
   * @throws InterruptedException if the graph halts meanwhile
   */
  static void sleep(Duration tick, long ticks) throws InterruptedException {
    Thread.sleep(tick.multipliedBy(ticks));
  }

  /**
   * Python's {@code str.title} for one word: first letter upper case, the rest lower case.
   *
   * @param word a word
   * @return the word in title case
   */
  static String title(String word) {
    if (word.isEmpty()) {
      return word;
    }
    return Character.toUpperCase(word.charAt(0))
        + word.substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
