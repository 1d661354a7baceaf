package io.github.asyncgraphdataflow.queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Groups the items put into a node's queue into lists of up to {@code batchSize}, so the node's
 * function is called once per batch (to write a few hundred rows per transaction, say).
 *
 * <p>A batch is released when it is full; when it has waited {@code maxWait} since its first
 * item (if a maximum wait is set); and, for the last partial batch, when every source of the
 * node has finished: no end marker is needed.
 *
 * {@snippet :
 * graph.addNode(Db::insertBatch, NodeOptions.builder()
 *     .queue(() -> new BatchingQueue<Row>(500, Duration.ofSeconds(1)))
 *     .build());
 * }
 *
 * <p>Not thread-safe, as every {@link NodeQueue}: the executor serializes calls.
 *
 * @param <T> the item type
 */
public class BatchingQueue<T> implements NodeQueue<T, List<T>> {
  private final int batchSize;
  private final long maxWaitNanos;
  private final int capacity;
  private final ArrayDeque<List<T>> ready = new ArrayDeque<>();
  private List<T> pending;
  private long pendingSince;
  private long held;
  private boolean finished;

  /**
   * Batches by size only; holds up to 10,000 items (or one batch, if larger).
   *
   * @param batchSize items per batch, at least 1
   */
  public BatchingQueue(int batchSize) {
    this(batchSize, null, Math.max(batchSize, 10_000));
  }

  /**
   * Batches by size or maximum wait; holds up to 10,000 items (or one batch, if larger).
   *
   * @param batchSize items per batch, at least 1
   * @param maxWait longest time a partial batch waits for more items, positive
   */
  public BatchingQueue(int batchSize, Duration maxWait) {
    this(batchSize, Objects.requireNonNull(maxWait, "maxWait"), Math.max(batchSize, 10_000));
  }

  /**
   * Batches by size, and by maximum wait if given.
   *
   * @param batchSize items per batch, at least 1
   * @param maxWait longest time a partial batch waits, or {@code null} for no limit
   * @param capacity how many items it holds before producers wait, at least {@code batchSize}
   */
  public BatchingQueue(int batchSize, Duration maxWait, int capacity) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    if (maxWait != null && (maxWait.isNegative() || maxWait.isZero())) {
      throw new IllegalArgumentException("maxWait must be positive, was " + maxWait);
    }
    if (capacity < batchSize) {
      throw new IllegalArgumentException(
          "capacity must be at least batchSize (" + batchSize + "), was " + capacity);
    }
    this.batchSize = batchSize;
    this.maxWaitNanos = maxWait == null ? Long.MAX_VALUE : maxWait.toNanos();
    this.capacity = capacity;
  }

  /**
   * The number of items per batch.
   *
   * @return the batch size
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * The longest time a partial batch waits for more items.
   *
   * @return the maximum wait, or empty when batches are released by size only
   */
  public java.util.Optional<Duration> maxWait() {
    return maxWaitNanos == Long.MAX_VALUE
        ? java.util.Optional.empty()
        : java.util.Optional.of(Duration.ofNanos(maxWaitNanos));
  }

  /**
   * How many items it holds before producers wait.
   *
   * @return the capacity
   */
  public int capacity() {
    return capacity;
  }

  @Override
  public boolean isFull() {
    return held >= capacity;
  }

  @Override
  public void put(String source, T item) {
    if (pending == null) {
      pending = new ArrayList<>(Math.min(batchSize, 1024));
      pendingSince = System.nanoTime();
    }
    pending.add(item);
    held++;
    if (pending.size() == batchSize) {
      release();
    }
  }

  @Override
  public boolean hasNext(long nowNanos) {
    if (pending != null && (finished || nowNanos - pendingSince >= maxWaitNanos)) {
      release();
    }
    return !ready.isEmpty();
  }

  @Override
  public List<T> next() {
    List<T> batch = ready.remove();
    held -= batch.size();
    return batch;
  }

  @Override
  public void sourcesFinished() {
    finished = true;
  }

  @Override
  public long nanosUntilReady(long nowNanos) {
    if (pending == null || maxWaitNanos == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, pendingSince + maxWaitNanos - nowNanos);
  }

  /** Counts the items held, in full batches and in the one being filled. */
  @Override
  public int size() {
    return (int) Math.min(Integer.MAX_VALUE, held);
  }

  @Override
  public long discardAll() {
    long n = held;
    ready.clear();
    pending = null;
    held = 0;
    return n;
  }

  private void release() {
    ready.add(java.util.Collections.unmodifiableList(pending));
    pending = null;
  }
}
