package io.github.asyncgraphdataflow.flink;

import java.io.Serializable;

/**
 * What one operator needs to run its node, shipped to every subtask: the graph factory and the
 * node's name (the task rebuilds the graph and looks the node up), and the node's translated
 * options.
 *
 * @param factory builds the graph
 * @param node the node's name
 * @param maxTasks concurrent calls per subtask
 * @param batchSize items per batch, or 0 for no batching
 * @param maxWaitMillis the longest a partial batch waits, or 0 for no limit
 * @param maxExceptions failures kept per node
 * @param window emitted items a subtask may hold before its calls wait
 */
record NodePlan(GraphFactory factory, String node, int maxTasks, int batchSize,
    long maxWaitMillis, int maxExceptions, int window) implements Serializable {

  static final String ACC = "agdf|";

  String counter(String what) {
    return ACC + node + "|" + what;
  }
}
