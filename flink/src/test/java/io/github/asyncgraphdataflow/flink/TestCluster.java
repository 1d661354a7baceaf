package io.github.asyncgraphdataflow.flink;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
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
    Configuration c = new Configuration();
    c.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    c.set(RestOptions.ADDRESS, "127.0.0.1");
    c.set(RestOptions.PORT, 0);
    c.set(JobManagerOptions.ADDRESS, "127.0.0.1");
    c.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
    c.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
    c.set(TaskManagerOptions.HOST, "127.0.0.1");
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
