package io.github.asyncgraphdataflow.micrometer;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.NodeStats;
import java.time.Duration;
import java.util.Map;

/**
 * One statistics snapshot shared by all the meters of a graph, taken again when older than
 * the time to live: a registry reading 10 meters of each of 200 nodes takes one snapshot, not
 * 2,000. Thread-safe: the snapshot and its time are published together under this object's
 * lock (a scrape is rare, so the lock is uncontended).
 */
final class StatsCache {
  private final AsyncExecutor executor;
  private final long ttlNanos;
  private Map<String, NodeStats> snapshot;
  private long takenAt;

  StatsCache(AsyncExecutor executor, Duration ttl) {
    this.executor = executor;
    this.ttlNanos = ttl.toNanos();
  }

  /** The node's statistics from a snapshot at most the time to live old. */
  synchronized NodeStats get(String node) {
    long now = System.nanoTime();
    if (snapshot == null || now - takenAt >= ttlNanos) {
      snapshot = executor.dataFlowStats();
      takenAt = now;
    }
    NodeStats s = snapshot.get(node);
    return s == null ? NodeStats.ZERO : s;
  }
}
