package io.github.asyncgraphdataflow.live;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.ExecutionListener;
import io.github.asyncgraphdataflow.ExecutionResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the page learns from the executor's events: each node's last failure, whether and
 * where the graph halted, and the end of a run. Thread-safe: volatile fields and a concurrent
 * map, each written by one event; a failure costs one map put on the failing worker's thread.
 */
final class LiveListener implements ExecutionListener {
  final Map<String, Throwable> lastError = new ConcurrentHashMap<>();
  volatile boolean started;
  volatile boolean halted;
  volatile String haltedBy;
  volatile ExecutionResult result;
  volatile long startedNanos;

  @Override
  public void executionStarted(AsyncGraph graph) {
    lastError.clear();
    halted = false;
    haltedBy = null;
    result = null;
    startedNanos = System.nanoTime();
    started = true;
  }

  @Override
  public void failed(String node, Throwable failure) {
    lastError.put(node, failure);
  }

  @Override
  public void halted(String node) {
    haltedBy = node;
    halted = true;
  }

  @Override
  public void executionFinished(ExecutionResult r) {
    result = r;
  }
}
