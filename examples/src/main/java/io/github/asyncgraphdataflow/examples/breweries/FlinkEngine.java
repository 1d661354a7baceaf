package io.github.asyncgraphdataflow.examples.breweries;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.flink.FlinkExecutor;
import io.github.asyncgraphdataflow.flink.GraphFactory;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code --engine flink}: runs the job's graph on an embedded Apache Flink cluster of 2
 * TaskManagers x 2 slots (every endpoint on 127.0.0.1), {@code fetchPage} on 2 subtasks.
 *
 * <p>The Flink tasks rebuild the graph from a {@link GraphFactory}; here the factory finds the
 * live job (its HTTP client and its two output files) in this JVM, which only an embedded
 * cluster shares. On a real cluster the factory would open its own client and outputs per
 * task (see the flink module's README).
 */
final class FlinkEngine {
  private static final Map<String, BreweriesJob> LIVE = new ConcurrentHashMap<>();

  private FlinkEngine() {}

  /** The factory the tasks call: the graph of the live job {@code id} of this JVM. */
  record LiveJob(String id) implements GraphFactory {
    @Override
    public AsyncGraph get() {
      return LIVE.get(id).graph(true);
    }
  }

  static ExecutionResult execute(BreweriesJob job) throws Exception {
    String id = UUID.randomUUID().toString();
    LIVE.put(id, job);
    try {
      Configuration c = FlinkExecutor.loopbackConfiguration();
      c.set(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS, 2);
      c.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, c);
      return FlinkExecutor.builder(new LiveJob(id))
          .environment(env)
          .parallelism("fetchPage", 2)
          .jobName("breweries-etl")
          .build()
          .execute();
    } finally {
      LIVE.remove(id);
    }
  }
}
