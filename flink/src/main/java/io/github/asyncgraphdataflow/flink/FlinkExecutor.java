package io.github.asyncgraphdataflow.flink;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.Node;
import io.github.asyncgraphdataflow.spi.NodeCaller;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs an {@link AsyncGraph} as an Apache Flink job and returns the same
 * {@link ExecutionResult} as {@link io.github.asyncgraphdataflow.AsyncExecutor}.
 *
 * {@snippet :
 * ExecutionResult result = FlinkExecutor.builder(Etl::graph)   // a static factory method
 *     .environment(env)                                          // default: getExecutionEnvironment()
 *     .parallelism("transform", 4)                               // Flink subtasks of one node
 *     .build()
 *     .execute();
 * }
 *
 * <p>The graph is given as a {@link GraphFactory}: the client calls it to plan the job, and
 * every Flink subtask calls it again to get its node's function, so node functions (lambdas,
 * method references, whatever they capture) never need to be serializable. Each node becomes
 * one operator named after the node (name and uid); see the module's README for the whole
 * translation and what does not translate.
 *
 * <p><b>What the result holds.</b> Per node: {@code in}, {@code out}, {@code err} and
 * {@code calls} summed over the node's subtasks (from Flink accumulators); {@code retries},
 * {@code queued} and {@code active} are 0; {@code discarded} is 0 (a halt fails the job, and
 * what was in flight is not counted). The kept exceptions are the last {@code maxExceptions}
 * per node, as {@link NodeFailure}s: the class name, message and stack trace of the original
 * exception and its cause as text survive; the original object does not travel from the task
 * managers. When a node that halts on exceptions fails, the job fails at once with no restart
 * and {@link ExecutionResult#haltedBy()} names the node; the statistics are then what the job
 * manager still had, possibly zero. {@link ExecutionResult#elapsed()} is the job's net run
 * time as Flink reports it when it finished (from the job's start on the cluster to its end:
 * deploying the tasks is included, submitting the job is not), else the wall time of
 * {@code execute}.
 *
 * <p>The executor sets {@code restart-strategy.type: none} on the environment: node functions
 * have side effects, and a run is not replayed. Not thread-safe; one {@code execute} at a time.
 */
public final class FlinkExecutor {
  private final GraphFactory factory;
  private final StreamExecutionEnvironment environment;
  private final Map<String, Integer> parallelism;
  private final int maxExceptions;
  private final String jobName;

  private FlinkExecutor(Builder b) {
    this.factory = b.factory;
    this.environment = b.environment;
    this.parallelism = Map.copyOf(b.parallelism);
    this.maxExceptions = b.maxExceptions;
    this.jobName = b.jobName;
  }

  /**
   * An executor with the defaults: {@code StreamExecutionEnvironment.getExecutionEnvironment()}
   * (local in an IDE, the cluster under {@code flink run}), the environment's parallelism for
   * every node, 1,000 kept exceptions per node (as the local executor).
   *
   * @param factory builds the graph, on the client and in every task
   * @return a new executor
   */
  public static FlinkExecutor of(GraphFactory factory) {
    return builder(factory).build();
  }

  /**
   * A configuration for a Flink cluster inside this JVM (a {@code MiniCluster}, or the
   * environment of {@code StreamExecutionEnvironment.createLocalEnvironment(parallelism,
   * configuration)}) whose every endpoint (REST, job manager, task managers) binds to
   * 127.0.0.1, with a free REST port: nothing listens beyond this machine.
   *
   * {@snippet :
   * Configuration c = FlinkExecutor.loopbackConfiguration();
   * c.set(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS, 2);
   * StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, c);
   * }
   *
   * @return a new configuration, to add to
   */
  public static Configuration loopbackConfiguration() {
    Configuration c = new Configuration();
    c.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    c.set(RestOptions.ADDRESS, "127.0.0.1");
    c.set(RestOptions.PORT, 0);
    c.set(JobManagerOptions.ADDRESS, "127.0.0.1");
    c.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
    c.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
    c.set(TaskManagerOptions.HOST, "127.0.0.1");
    return c;
  }

  /**
   * A builder of an executor.
   *
   * @param factory builds the graph, on the client and in every task
   * @return a new builder
   */
  public static Builder builder(GraphFactory factory) {
    return new Builder(factory);
  }

  /**
   * Runs the graph from its default start nodes (every node with no incoming edge).
   *
   * @return the statistics, kept exceptions and halting node
   * @throws IllegalArgumentException before submission, naming the node at fault (a custom
   *     queue that does not translate, a start node that needs arguments, an unknown node in
   *     a parallelism option)
   * @throws UnserializableItemException if a node emitted an item Flink cannot serialize
   * @throws Exception if Flink fails to run the job for any other reason
   */
  public ExecutionResult execute() throws Exception {
    return run(null);
  }

  /**
   * Runs the graph from the given start nodes, each called once with its arguments.
   *
   * @param startNodes node name to arguments ({@code List.of()} for none); the arguments
   *     travel to the task inside the job, so they must be {@link java.io.Serializable}
   * @return the statistics, kept exceptions and halting node
   * @throws IllegalArgumentException before submission, naming the node at fault
   * @throws UnserializableItemException if a node emitted an item Flink cannot serialize
   * @throws Exception if Flink fails to run the job for any other reason
   */
  public ExecutionResult execute(Map<String, ? extends List<?>> startNodes) throws Exception {
    return run(Objects.requireNonNull(startNodes, "startNodes"));
  }

  private ExecutionResult run(Map<String, ? extends List<?>> requested) throws Exception {
    requireSerializable(factory);
    AsyncGraph graph = Objects.requireNonNull(factory.get(), "the graph factory returned null");
    Map<String, List<?>> starts = NodeCaller.startNodes(graph, requested);
    for (String node : parallelism.keySet()) {
      graph.node(node); // throws, naming an unknown node
    }
    Configuration noRestart = new Configuration();
    noRestart.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    environment.configure(noRestart);
    new JobPlanner(factory, graph, starts, parallelism, maxExceptions).plan(environment);
    long began = System.nanoTime();
    JobClient client = environment.executeAsync(jobName);
    try {
      JobExecutionResult done = client.getJobExecutionResult().get();
      return Results.of(graph, done.getAllAccumulatorResults(), null,
          Duration.ofMillis(done.getNetRuntime()));
    } catch (java.util.concurrent.ExecutionException e) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
      String halted = Failures.haltingNode(e);
      if (halted == null) {
        UnserializableItemException unserializable = Failures.unserializable(e);
        throw unserializable != null ? unserializable : e;
      }
      return Results.of(graph, Failures.accumulatorsAfterFailure(client), halted, elapsed,
          Failures.haltCause(e, halted));
    }
  }

  /** Builds a {@link FlinkExecutor}. Not thread-safe. */
  public static final class Builder {
    private final GraphFactory factory;
    private StreamExecutionEnvironment environment;
    private final Map<String, Integer> parallelism = new HashMap<>();
    private int maxExceptions = 1_000;
    private String jobName = "async-graph-data-flow";

    private Builder(GraphFactory factory) {
      this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * The Flink environment to run in (default:
     * {@code StreamExecutionEnvironment.getExecutionEnvironment()}).
     *
     * @param environment the environment; its configuration gets no restarts
     * @return this builder
     */
    public Builder environment(StreamExecutionEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * The number of Flink subtasks of one node (default: the environment's parallelism). Each
     * subtask runs up to the node's {@code maxTasks} calls at a time.
     *
     * @param node the node's name
     * @param subtasks at least 1
     * @return this builder
     */
    public Builder parallelism(String node, int subtasks) {
      Objects.requireNonNull(node, "node");
      if (subtasks < 1) {
        throw new IllegalArgumentException(
            "parallelism of node '" + node + "' must be at least 1, was " + subtasks);
      }
      parallelism.put(node, subtasks);
      return this;
    }

    /**
     * How many exceptions are kept per node (default 1,000, as the local executor): the
     * last ones.
     *
     * @param maxExceptions at least 1
     * @return this builder
     */
    public Builder maxExceptions(int maxExceptions) {
      if (maxExceptions < 1) {
        throw new IllegalArgumentException(
            "maxExceptions must be at least 1, was " + maxExceptions);
      }
      this.maxExceptions = maxExceptions;
      return this;
    }

    /**
     * The Flink job's name (default {@code async-graph-data-flow}).
     *
     * @param name the name
     * @return this builder
     */
    public Builder jobName(String name) {
      this.jobName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Builds the executor.
     *
     * @return a new executor
     */
    public FlinkExecutor build() {
      if (environment == null) {
        environment = StreamExecutionEnvironment.getExecutionEnvironment();
      }
      return new FlinkExecutor(this);
    }
  }

  private static void requireSerializable(GraphFactory factory) {
    try (java.io.ObjectOutputStream out =
        new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
      out.writeObject(factory);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("The graph factory " + factory + " cannot be "
          + "serialized to travel to the Flink tasks (" + e + "): pass a static method "
          + "reference such as MyGraphs::build, or a lambda that captures only serializable "
          + "values (not `this` of a non-serializable class)", e);
    }
  }

  static Map<String, Node<?, ?>> byName(AsyncGraph graph) {
    Map<String, Node<?, ?>> nodes = new LinkedHashMap<>();
    graph.nodes().forEach(n -> nodes.put(n.name(), n));
    return nodes;
  }

}
