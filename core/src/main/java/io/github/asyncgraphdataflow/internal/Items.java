package io.github.asyncgraphdataflow.internal;

/**
 * Describes an item for a log line or an error message: its {@code toString}, cut to a bounded
 * length. Public for the library's other packages ({@code queue}); this package is not exported.
 */
public final class Items {
  /** The longest description of an item in a log line. */
  static final int MAX_CHARS = 200;

  private Items() {}

  /**
   * The item's {@code toString}, at most {@value #MAX_CHARS} characters (a longer one is cut
   * and says how long it was); never throws.
   */
  public static String describe(Object item) {
    String s;
    try {
      s = String.valueOf(item);
    } catch (RuntimeException e) {
      return "<" + item.getClass().getName() + ": toString threw " + e + ">";
    }
    if (s.length() <= MAX_CHARS) {
      return s;
    }
    return s.substring(0, MAX_CHARS) + "... (" + s.length() + " chars)";
  }
}
