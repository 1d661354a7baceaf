package io.github.asyncgraphdataflow.queue;

import io.github.asyncgraphdataflow.internal.Items;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A node queue that joins the items of several source nodes by key: when every source has an
 * item with the same key, the node is given one {@code List} of them, in the order the sources
 * were declared (a node function of as many inputs gets them spread over its parameters).
 * Items of one source with the same key are matched oldest first; a constant key function
 * ({@code item -> 0}) therefore joins the sources in arrival order (a zip).
 *
 * {@snippet file="JoinQueueTest.java" region="join"}
 *
 * <p><b>Memory bound.</b> Each source has a buffer of at most {@code capacityPerSource}
 * unmatched items, and at most {@code capacityPerSource} joined lists wait for the node's
 * workers: the queue never holds more than {@code 2 × sources × capacityPerSource} items.
 *
 * <p><b>When a buffer is full.</b> The source waits (back-pressure for that source only: the
 * other sources keep putting, and each match frees room), so a source that runs far ahead
 * waits for the others to catch up and nothing is lost. Waiting could never end when no match
 * is possible any more, so the queue then evicts instead of waiting:
 * <ul>
 *   <li>when a source's buffer is full and the buffer of every source that has not finished is
 *       full too, the source's oldest unmatched item is evicted;
 *   <li>when a source has finished, an item whose key that source does not hold can never be
 *       matched: it is evicted at once (held items) or not kept at all (later items);
 *   <li>when every source has finished, whatever is left unmatched is evicted;
 *   <li>with {@link Builder#evictWhenFull(boolean) evictWhenFull(true)} a full source never
 *       waits: its oldest unmatched item is evicted (a sliding window of
 *       {@code capacityPerSource} items per source). Use it when the sources share an upstream
 *       node and one path may drop items: there a waiting source can starve the very path that
 *       would unblock it.
 * </ul>
 * Every evicted item is counted in {@link #dropped()}, which the executor adds to the join
 * node's {@code discarded}: for a join node, {@code in == sources × calls + discarded}.
 *
 * <p>Not thread-safe, as every {@link NodeQueue}: the executor serializes calls. The supplier
 * given to {@code NodeOptions.builder().queue(...)} must make a new queue per execution, for
 * example {@code builder::build}.
 *
 * @param <K> the key type
 */
public final class JoinQueue<K> implements NodeQueue<Object, List<Object>> {
  private final String[] names;
  private final Side[] sides;
  private final Map<String, Side> byName = new HashMap<>();
  private final int capacity;
  private final boolean evictWhenFull;
  private final ArrayDeque<List<Object>> ready = new ArrayDeque<>();
  private String node = "?";
  private int held;
  private long dropped;

  private JoinQueue(Builder<K> b) {
    this.names = b.keys.keySet().toArray(String[]::new);
    this.sides = new Side[names.length];
    for (int i = 0; i < names.length; i++) {
      sides[i] = new Side(names[i], b.keys.get(names[i]));
      byName.put(names[i], sides[i]);
    }
    this.capacity = b.capacity;
    this.evictWhenFull = b.evictWhenFull;
  }

  /**
   * Returns a builder; add each source with its key function, in the order the joined lists
   * hold their items.
   *
   * @param <K> the key type
   * @return a new builder
   */
  public static <K> Builder<K> builder() {
    return new Builder<>();
  }

  @Override
  public void connect(String node, List<String> sources) {
    this.node = node;
    for (String name : names) {
      if (!sources.contains(name)) {
        throw new IllegalArgumentException("Join node '" + node + "' joins source '" + name
            + "', but '" + name + "' has no edge to '" + node + "'");
      }
    }
    for (String source : sources) {
      if (!byName.containsKey(source)) {
        throw new IllegalArgumentException("Node '" + source + "' has an edge to join node '"
            + node + "', but the join has no key function for it; add .source(\"" + source
            + "\", keyFunction) to its JoinQueue");
      }
    }
  }

  /** True when the joined lists waiting for the node's workers reach the capacity. */
  @Override
  public boolean isFull() {
    return ready.size() >= capacity;
  }

  @Override
  public boolean isFull(String source) {
    if (ready.size() >= capacity) {
      return true; // the node's workers are taking: they free room
    }
    Side side = side(source);
    if (side.size() < capacity) {
      return false;
    }
    if (evictWhenFull || everyUnfinishedSideFull()) {
      drop(side, side.oldest());
      return false;
    }
    return true;
  }

  @Override
  public void put(String source, Object item) {
    Side side = side(source);
    Object key = side.key.apply(item);
    if (key == null) {
      throw new NullPointerException("Join node '" + node + "': the key function of source '"
          + source + "' returned null for the item " + Items.describe(item));
    }
    boolean missing = false;
    for (Side other : sides) {
      if (other != side && !other.holds(key)) {
        if (other.finished) {
          dropped++; // that source will never send this key
          return;
        }
        missing = true;
      }
    }
    if (missing) {
      side.add(new Entry(key, item));
      held++;
      return;
    }
    Object[] joined = new Object[sides.length];
    for (int i = 0; i < sides.length; i++) {
      if (sides[i] == side) {
        joined[i] = item;
      } else {
        joined[i] = sides[i].takeOldest(key);
        held--;
      }
    }
    ready.add(Collections.unmodifiableList(Arrays.asList(joined)));
  }

  @Override
  public boolean hasNext(long nowNanos) {
    return !ready.isEmpty();
  }

  @Override
  public List<Object> next() {
    return ready.remove();
  }

  /** Evicts the items of the other sources whose key the finished source does not hold. */
  @Override
  public void sourceFinished(String source) {
    Side done = byName.get(source);
    if (done == null) {
      return;
    }
    done.finished = true;
    for (Side other : sides) {
      if (other != done) {
        List<Object> gone = new ArrayList<>();
        for (Object key : other.byKey.keySet()) {
          if (!done.holds(key)) {
            gone.add(key);
          }
        }
        gone.forEach(key -> {
          int n = other.dropKey(key);
          held -= n;
          dropped += n;
        });
      }
    }
  }

  /** Evicts every item left unmatched. */
  @Override
  public void sourcesFinished() {
    for (Side side : sides) {
      side.finished = true;
      dropped += side.size();
      side.clear();
    }
    held = 0;
  }

  /**
   * How many items were evicted unmatched so far; see the class description.
   *
   * @return a count that never decreases
   */
  @Override
  public long dropped() {
    return dropped;
  }

  @Override
  public int size() {
    return held + ready.size() * sides.length;
  }

  @Override
  public long discardAll() {
    long n = size();
    for (Side side : sides) {
      side.clear();
    }
    ready.clear();
    held = 0;
    return n;
  }

  private boolean everyUnfinishedSideFull() {
    for (Side s : sides) {
      if (!s.finished && s.size() < capacity) {
        return false;
      }
    }
    return true;
  }

  private void drop(Side side, Entry e) {
    side.remove(e);
    held--;
    dropped++;
  }

  private Side side(String source) {
    Side side = byName.get(source);
    if (side == null) {
      throw new IllegalArgumentException("Join node '" + node + "' has no key function for "
          + "source '" + source + "'");
    }
    return side;
  }

  /** One held item; identity matters (no equals), so the arrival set can remove it. */
  private record Entry(Object key, Object item) {
    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** One source's unmatched items, by arrival and by key. */
  private static final class Side {
    final String name;
    final Function<Object, ?> key;
    final LinkedHashSet<Entry> arrival = new LinkedHashSet<>();
    final Map<Object, ArrayDeque<Entry>> byKey = new HashMap<>();
    boolean finished;

    Side(String name, Function<Object, ?> key) {
      this.name = name;
      this.key = key;
    }

    int size() {
      return arrival.size();
    }

    boolean holds(Object k) {
      return byKey.containsKey(k);
    }

    void add(Entry e) {
      arrival.add(e);
      byKey.computeIfAbsent(e.key(), k -> new ArrayDeque<>()).addLast(e);
    }

    Entry oldest() {
      return arrival.iterator().next();
    }

    /** Removes the oldest entry with this key (which is the first of its key's deque). */
    Object takeOldest(Object k) {
      ArrayDeque<Entry> q = byKey.get(k);
      Entry e = q.removeFirst();
      if (q.isEmpty()) {
        byKey.remove(k);
      }
      arrival.remove(e);
      return e.item();
    }

    /** Removes an entry that is the oldest of its key. */
    void remove(Entry e) {
      takeOldest(e.key());
    }

    int dropKey(Object k) {
      ArrayDeque<Entry> q = byKey.remove(k);
      for (Iterator<Entry> it = q.iterator(); it.hasNext(); ) {
        arrival.remove(it.next());
      }
      return q.size();
    }

    void clear() {
      arrival.clear();
      byKey.clear();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Builds a {@link JoinQueue}; reusable: {@code builder::build} is a queue supplier that
   * makes a fresh queue per execution. Not thread-safe.
   *
   * @param <K> the key type
   */
  public static final class Builder<K> {
    /** The default {@link #capacityPerSource(int)}. */
    public static final int DEFAULT_CAPACITY_PER_SOURCE = 1_000;

    private final Map<String, Function<Object, ?>> keys = new LinkedHashMap<>();
    private int capacity = DEFAULT_CAPACITY_PER_SOURCE;
    private boolean evictWhenFull;

    private Builder() {}

    /**
     * Adds a source node and the function that gives its items' keys; the joined lists hold
     * the sources' items in the order the sources are added.
     *
     * @param name the source node's name; it must have an edge to the join node
     * @param key gives an item's key; must not return {@code null}
     * @param <T> the source's item type
     * @return this builder
     * @throws IllegalArgumentException if the source was added already
     */
    @SuppressWarnings("unchecked")
    public <T> Builder<K> source(String name, Function<? super T, ? extends K> key) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(key, "key");
      if (keys.containsKey(name)) {
        throw new IllegalArgumentException("source '" + name + "' is already part of the join");
      }
      keys.put(name, (Function<Object, ?>) key);
      return this;
    }

    /**
     * How many unmatched items each source may hold, and how many joined lists may wait for
     * the node's workers (default {@value #DEFAULT_CAPACITY_PER_SOURCE}).
     *
     * @param capacity at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public Builder<K> capacityPerSource(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException(
            "capacityPerSource must be at least 1, was " + capacity);
      }
      this.capacity = capacity;
      return this;
    }

    /**
     * Whether a source whose buffer is full evicts its oldest unmatched item instead of
     * waiting (default false: it waits, see the class description).
     *
     * @param evict true for a sliding window of unmatched items per source
     * @return this builder
     */
    public Builder<K> evictWhenFull(boolean evict) {
      this.evictWhenFull = evict;
      return this;
    }

    /**
     * Builds a new, empty queue.
     *
     * @return the queue
     * @throws IllegalStateException if fewer than two sources were added
     */
    public JoinQueue<K> build() {
      if (keys.size() < 2) {
        throw new IllegalStateException(
            "A join needs at least two sources, has " + keys.size() + ": " + keys.keySet());
      }
      return new JoinQueue<>(this);
    }
  }
}
