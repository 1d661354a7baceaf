package io.github.asyncgraphdataflow;

/**
 * A snapshot of one node's data-flow statistics: four counters that only grow during a run
 * ({@code in}, {@code out}, {@code err}, {@code discarded}), two more ({@code calls},
 * {@code retries}), and two live gauges ({@code queued}, {@code active}).
 *
 * <p>Counting rules: an item emitted to three destinations adds 1 to the source's {@code out}
 * and 1 to each destination's {@code in}. Items a custom queue already holds when the execution
 * starts (pre-loaded, e.g. {@link io.github.asyncgraphdataflow.queue.FifoQueue#preload}) are
 * counted as {@code in} too, as many as the queue's {@code size()} reports then (a custom queue
 * that pre-loads items must report its size for them to be counted). Start-node arguments are
 * not counted as {@code in},
 * and the call of a start node with them is not counted in {@code calls}. {@code err} counts
 * failed calls plus emitted throwables. {@code discarded} counts items that reached this node
 * ({@code in}) but were never given to its function because the graph halted. So, for every
 * node, once {@code execute} has returned: {@code in == calls + discarded}. (A custom queue
 * may transform items, a batching queue say; then {@code in} and {@code discarded} count the
 * items put into it, and {@code calls} the items its workers took out; a
 * {@link io.github.asyncgraphdataflow.queue.JoinQueue} counts the items it could not match in
 * {@code discarded}, so for a join node {@code in == sources × calls + discarded}.) Along an
 * edge with a condition, only the items that pass it count as the destination's {@code in}.
 *
 * <p>{@code queued} and {@code active} describe the moment the snapshot was taken: they go up
 * and down, and are 0 after {@code execute} has returned. They are read without locks, so
 * under load they are a close estimate, not an exact count.
 *
 * {@snippet :
 * NodeStats s = executor.dataFlowStats().get("transform");
 * System.out.printf("in=%d calls=%d err=%d queued=%d active=%d%n",
 *     s.in(), s.calls(), s.err(), s.queued(), s.active());
 * }
 *
 * @param in items delivered into this node's queue, plus the items it held at the start
 * @param out items this node emitted
 * @param err failed calls plus emitted throwables
 * @param discarded items that reached this node and were thrown away unprocessed: by a halt
 *     (including the items an ordered source held for this node), or by its queue (a join's
 *     unmatched items)
 * @param calls items taken from this node's queue and given to its function (each item once,
 *     however many attempts a retry policy made)
 * @param retries attempts made again after a failure, by a retry policy
 * @param queued items waiting in this node's queue now
 * @param active workers inside a call of this node's function now
 */
public record NodeStats(
    long in, long out, long err, long discarded, long calls, long retries, int queued,
    int active) {

  /** Statistics of a node that has seen nothing. */
  public static final NodeStats ZERO = new NodeStats(0, 0, 0, 0, 0, 0, 0, 0);
}
