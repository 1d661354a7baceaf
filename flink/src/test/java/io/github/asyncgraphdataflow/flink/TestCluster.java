package io.github.asyncgraphdataflow.flink;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The test cluster: 2 TaskManagers x 2 slots in this JVM, every endpoint on 127.0.0.1; and a
 * place where sinks running in the tasks (same JVM) put what they receive, per run.
 */
final class TestCluster {
  private static final Map<String, Queue<Object>> SINKS = new ConcurrentHashMap<>();

  private TestCluster() {}

  static MiniClusterExtension extension() {
    Configuration c = FlinkExecutor.loopbackConfiguration();
    return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
        .setConfiguration(c)
        .setNumberTaskManagers(2)
        .setNumberSlotsPerTaskManager(2)
        .build());
  }

  /** The environment of the cluster (the extension makes it the context's), parallelism p. */
  static StreamExecutionEnvironment env(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    return env;
  }

  /** What sink {@code key} received. */
  static Queue<Object> sink(String key) {
    return SINKS.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
  }

  static List<Object> received(String key) {
    return List.copyOf(sink(key));
  }
}
