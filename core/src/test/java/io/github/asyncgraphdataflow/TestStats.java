package io.github.asyncgraphdataflow;

/** Expected statistics for tests. */
public final class TestStats {
  private TestStats() {}

  /**
   * The statistics of a node after {@code execute} returned, whose queue did not transform
   * items: the gauges are 0, no retry, and every item that came in was either given to the
   * function or discarded ({@code calls == in - discarded}).
   */
  public static NodeStats done(long in, long out, long err, long discarded) {
    return new NodeStats(in, out, err, discarded, in - discarded, 0, 0, 0);
  }
}
