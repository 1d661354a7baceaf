package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.queue.NodeQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node queue that combines one item from each of several sources into one list, in a fixed
 * order of sources, as soon as every source has one waiting. A node with as many inputs gets
 * the list spread over its parameters.
 *
 * <p>Not thread-safe, as every {@link NodeQueue}: the executor serializes calls.
 *
 * @param <T> the items' type
 */
final class CombiningQueue<T> implements NodeQueue<T, List<T>> {
  private static final int CAPACITY = 10_000;
  private final Map<String, ArrayDeque<T>> waiting = new LinkedHashMap<>();
  private final ArrayDeque<List<T>> ready = new ArrayDeque<>();
  private int held;

  /**
   * Creates the queue.
   *
   * @param sources the source nodes, in the order their items appear in a combined list
   */
  CombiningQueue(String... sources) {
    for (String source : sources) {
      waiting.put(source, new ArrayDeque<>());
    }
  }

  @Override
  public boolean isFull() {
    return held >= CAPACITY;
  }

  @Override
  public void put(String source, T item) {
    ArrayDeque<T> queue = waiting.get(source);
    if (queue == null) {
      throw new IllegalArgumentException(
          "Node " + source + " is not one of the sources " + waiting.keySet());
    }
    queue.add(item);
    held++;
    if (waiting.values().stream().noneMatch(ArrayDeque::isEmpty)) {
      List<T> combined = new ArrayList<>(waiting.size());
      waiting.values().forEach(q -> combined.add(q.remove()));
      ready.add(combined);
    }
  }

  @Override
  public boolean hasNext(long nowNanos) {
    return !ready.isEmpty();
  }

  @Override
  public List<T> next() {
    List<T> combined = ready.remove();
    held -= combined.size();
    return combined;
  }

  @Override
  public long discardAll() {
    long n = held;
    ready.clear();
    waiting.values().forEach(ArrayDeque::clear);
    held = 0;
    return n;
  }
}
