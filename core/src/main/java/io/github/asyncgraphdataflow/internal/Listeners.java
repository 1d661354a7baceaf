package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.ExecutionListener;
import io.github.asyncgraphdataflow.ExecutionResult;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The executor's listeners as one: calls each in turn, and keeps a failing listener from
 * reaching the graph (its exception is logged at WARN). Immutable, so thread-safe as far as
 * its listeners are.
 */
final class Listeners implements ExecutionListener {
  private final List<ExecutionListener> all;
  private final Logger logger;

  private Listeners(List<ExecutionListener> all, Logger logger) {
    this.all = all;
    this.logger = logger;
  }

  /**
   * The listeners as one, or {@code null} when there are none (callers skip all listener work).
   */
  static Listeners of(List<ExecutionListener> listeners, Logger logger) {
    return listeners.isEmpty() ? null : new Listeners(List.copyOf(listeners), logger);
  }

  private void each(Consumer<ExecutionListener> call) {
    for (ExecutionListener l : all) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        logger.warn("Execution listener {} failed; the graph is not affected", l, e);
      }
    }
  }

  @Override
  public void executionStarted(AsyncGraph graph) {
    each(l -> l.executionStarted(graph));
  }

  @Override
  public void callFinished(String node, long nanos, Throwable failure) {
    each(l -> l.callFinished(node, nanos, failure));
  }

  @Override
  public void failed(String node, Throwable failure) {
    each(l -> l.failed(node, failure));
  }

  @Override
  public void halted(String node) {
    each(l -> l.halted(node));
  }

  @Override
  public void executionFinished(ExecutionResult result) {
    each(l -> l.executionFinished(result));
  }
}
