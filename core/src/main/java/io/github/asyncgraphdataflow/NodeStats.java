package io.github.asyncgraphdataflow;

/**
 * A snapshot of one node's data-flow statistics: the original's {@code in}, {@code out} and
 * {@code err}, plus {@code discarded}.
 *
 * <p>Counting rules, as the original counts: an item emitted to three destinations adds 1 to
 * the source's {@code out} and 1 to each destination's {@code in}. Start-node arguments are not
 * counted as {@code in}. {@code err} counts failed calls plus emitted throwables.
 * {@code discarded} counts items that reached this node ({@code in}) but were never given to
 * its function because the graph halted. So, for every node, once {@code execute} has returned:
 * {@code in == calls on queued items + discarded}, where a call either succeeded or is one of
 * the {@code err}. (A custom queue may transform items; then {@code in} and {@code discarded}
 * count the items put into it.)
 *
 * @param in items delivered into this node's queue
 * @param out items this node emitted
 * @param err failed calls plus emitted throwables
 * @param discarded items in this node's queue thrown away when the graph halted
 */
public record NodeStats(long in, long out, long err, long discarded) {

  /** Statistics of a node that has seen nothing. */
  public static final NodeStats ZERO = new NodeStats(0, 0, 0, 0);
}
