package io.github.asyncgraphdataflow.queue;

import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A bounded queue that gives the node's workers the smallest item first, by a comparator.
 * Items that compare equal come out in the order they arrived.
 *
 * {@snippet :
 * NodeOptions.builder()
 *     .queue(() -> new PriorityNodeQueue<Job>(1_000, Comparator.comparing(Job::priority)))
 *     .build();
 * }
 *
 * <p>Not thread-safe, as every {@link NodeQueue}: the executor serializes calls.
 *
 * @param <T> the item type (no {@code null} items)
 */
public class PriorityNodeQueue<T> implements NodeQueue<T, T> {
  private record Entry<T>(T item, long seq) {}

  private final PriorityQueue<Entry<T>> items;
  private final int capacity;
  private long seq;

  /**
   * Creates the queue.
   *
   * @param capacity how many items it holds before producers wait, at least 1
   * @param order smallest first
   */
  public PriorityNodeQueue(int capacity, Comparator<? super T> order) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    Objects.requireNonNull(order, "order");
    this.capacity = capacity;
    Comparator<Entry<T>> byItem = (a, b) -> order.compare(a.item(), b.item());
    this.items = new PriorityQueue<>(byItem.thenComparingLong(Entry::seq));
  }

  @Override
  public boolean isFull() {
    return items.size() >= capacity;
  }

  @Override
  public void put(String source, T item) {
    items.add(new Entry<>(Objects.requireNonNull(item, "a priority queue takes no null item"), seq++));
  }

  @Override
  public boolean hasNext(long nowNanos) {
    return !items.isEmpty();
  }

  @Override
  public T next() {
    return items.remove().item();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public long discardAll() {
    long n = items.size();
    items.clear();
    return n;
  }
}
