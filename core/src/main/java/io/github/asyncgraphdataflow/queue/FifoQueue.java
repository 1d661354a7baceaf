package io.github.asyncgraphdataflow.queue;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A bounded first-in first-out queue that may be pre-loaded; {@code null} items allowed.
 *
 * {@snippet :
 * NodeOptions.builder().queue(() -> new FifoQueue<>(100).preload(List.of(1, 2, 3))).build();
 * }
 *
 * <p>Not thread-safe, as every {@link NodeQueue}: the executor serializes calls.
 *
 * @param <T> the item type
 */
public class FifoQueue<T> implements NodeQueue<T, T> {
  private static final Object NULL = new Object();
  private final ArrayDeque<Object> items = new ArrayDeque<>();
  private final int capacity;

  /**
   * Creates an empty queue.
   *
   * @param capacity how many items it holds before producers wait, at least 1
   */
  public FifoQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Adds items before the execution starts; they may exceed the capacity.
   *
   * @param preloaded the items, in order
   * @return this queue
   */
  public FifoQueue<T> preload(Iterable<? extends T> preloaded) {
    Objects.requireNonNull(preloaded, "preloaded");
    for (T item : preloaded) {
      items.add(item == null ? NULL : item);
    }
    return this;
  }

  @Override
  public boolean isFull() {
    return items.size() >= capacity;
  }

  @Override
  public void put(String source, T item) {
    items.add(item == null ? NULL : item);
  }

  @Override
  public boolean hasNext(long nowNanos) {
    return !items.isEmpty();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    Object item = items.remove();
    return item == NULL ? null : (T) item;
  }

  @Override
  public long discardAll() {
    long n = items.size();
    items.clear();
    return n;
  }

  /**
   * How many items are held.
   *
   * @return the size
   */
  @Override
  public int size() {
    return items.size();
  }
}
