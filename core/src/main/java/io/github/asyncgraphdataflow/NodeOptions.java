package io.github.asyncgraphdataflow;

import io.github.asyncgraphdataflow.queue.NodeQueue;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The configuration of one node: its name, workers, queue, halting and input unpacking (the
 * keyword arguments of the Python original's {@code add_node}).
 *
 * {@snippet :
 * NodeOptions fetchers = NodeOptions.builder().name("fetch").maxTasks(8).queueSize(100).build();
 * }
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param name the node's name, or {@code null} to take the method reference's name
 * @param haltOnException halt the whole graph when this node fails (default false)
 * @param unpackInput spread tuple-like and {@code Map} items over several inputs (default true)
 * @param maxTasks how many workers run this node's function concurrently (default 1)
 * @param queueSize capacity of this node's input queue (default 10,000)
 * @param queue a supplier of a custom input queue, called once per execution, or {@code null}
 *     for the default bounded FIFO queue of {@code queueSize}
 * @param checkFunction verify a reflective node's method when the node is added (default
 *     true); see {@link Nodes#method}
 * @param parameterNames the names of the inputs, for binding a {@code Map} item by name, or
 *     empty to read them from the method (compiled with {@code -parameters})
 * @param retry how failed calls are attempted again (default {@link Retry#none()})
 * @param timeout the longest a call may run before it is interrupted and fails with a
 *     {@link java.util.concurrent.TimeoutException}, or {@code null} for no limit (default)
 * @param rateLimit the most calls per period across the node's workers, or {@code null} for
 *     none (default)
 * @param maxErrors halt the graph when this node's {@code err} reaches this many, or 0 for no
 *     budget (default)
 * @param ordered with several workers, emitted items leave in the order the inputs were taken
 *     (default false); see {@link Builder#ordered(boolean)}
 */
public record NodeOptions(
    String name,
    boolean haltOnException,
    boolean unpackInput,
    int maxTasks,
    int queueSize,
    Supplier<? extends NodeQueue<?, ?>> queue,
    boolean checkFunction,
    List<String> parameterNames,
    Retry retry,
    Duration timeout,
    RateLimit rateLimit,
    int maxErrors,
    boolean ordered) {

  /** The default number of workers per node. */
  public static final int DEFAULT_MAX_TASKS = 1;

  /** The default capacity of a node's input queue. */
  public static final int DEFAULT_QUEUE_SIZE = 10_000;

  private static final NodeOptions DEFAULTS = builder().build();

  /** Validates every component; see the builder's setters for the rules. */
  public NodeOptions {
    if (name != null) {
      requireValidName(name);
    }
    requirePositive("maxTasks", maxTasks);
    requirePositive("queueSize", queueSize);
    parameterNames = parameterNames == null ? List.of() : List.copyOf(parameterNames);
    retry = retry == null ? Retry.none() : retry;
    if (timeout != null) {
      requirePositive("timeout", timeout);
    }
    if (maxErrors < 0) {
      throw new IllegalArgumentException("maxErrors must not be negative, was " + maxErrors);
    }
  }

  /**
   * The options without policies (no retry, timeout, rate limit, error budget or ordered
   * output), as before those existed.
   *
   * @param name the node's name, or {@code null}
   * @param haltOnException halt the graph when this node fails
   * @param unpackInput spread tuple-like items over several inputs
   * @param maxTasks concurrent workers
   * @param queueSize input queue capacity
   * @param queue a custom queue supplier, or {@code null}
   * @param checkFunction verify a reflective node's method when added
   * @param parameterNames input names, or empty
   */
  public NodeOptions(String name, boolean haltOnException, boolean unpackInput, int maxTasks,
      int queueSize, Supplier<? extends NodeQueue<?, ?>> queue, boolean checkFunction,
      List<String> parameterNames) {
    this(name, haltOnException, unpackInput, maxTasks, queueSize, queue, checkFunction,
        parameterNames, Retry.none(), null, null, 0, false);
  }

  /**
   * Returns the defaults: no name, no halting, unpacking on, one worker, a queue of 10,000.
   *
   * @return the default options
   */
  public static NodeOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder starting from these options.
   *
   * @return a new builder holding these options
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.haltOnException = haltOnException;
    b.unpackInput = unpackInput;
    b.maxTasks = maxTasks;
    b.queueSize = queueSize;
    b.queue = queue;
    b.checkFunction = checkFunction;
    b.parameterNames = parameterNames;
    b.retry = retry;
    b.timeout = timeout;
    b.rateLimit = rateLimit;
    b.maxErrors = maxErrors;
    b.ordered = ordered;
    return b;
  }

  /**
   * Returns these options with another name.
   *
   * @param newName the node's name
   * @return a copy with the name set
   */
  public NodeOptions withName(String newName) {
    return toBuilder().name(newName).build();
  }

  static String requireValidName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return name;
  }

  private static void requirePositive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, was " + value);
    }
  }

  private static void requirePositive(String what, Duration value) {
    Objects.requireNonNull(value, what);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
  }

  /** Builds {@link NodeOptions}. Not thread-safe. */
  public static final class Builder {
    private String name;
    private boolean haltOnException;
    private boolean unpackInput = true;
    private int maxTasks = DEFAULT_MAX_TASKS;
    private int queueSize = DEFAULT_QUEUE_SIZE;
    private Supplier<? extends NodeQueue<?, ?>> queue;
    private boolean checkFunction = true;
    private List<String> parameterNames = List.of();
    private Retry retry = Retry.none();
    private Duration timeout;
    private RateLimit rateLimit;
    private int maxErrors;
    private boolean ordered;

    private Builder() {}

    /**
     * Names the node; required for a lambda, optional for a method reference.
     *
     * @param name a non-blank name, unique in the graph
     * @return this builder
     */
    public Builder name(String name) {
      this.name = requireValidName(name);
      return this;
    }

    /**
     * Halts the whole graph when this node fails.
     *
     * @param halt true to halt on this node's failures
     * @return this builder
     */
    public Builder haltOnException(boolean halt) {
      this.haltOnException = halt;
      return this;
    }

    /**
     * Whether items are spread over several inputs (default true).
     *
     * @param unpack false to always pass the whole item
     * @return this builder
     */
    public Builder unpackInput(boolean unpack) {
      this.unpackInput = unpack;
      return this;
    }

    /**
     * The number of workers that run this node's function concurrently.
     *
     * @param maxTasks at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxTasks < 1}
     */
    public Builder maxTasks(int maxTasks) {
      requirePositive("maxTasks", maxTasks);
      this.maxTasks = maxTasks;
      return this;
    }

    /**
     * The capacity of the default input queue.
     *
     * @param queueSize at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code queueSize < 1}
     */
    public Builder queueSize(int queueSize) {
      requirePositive("queueSize", queueSize);
      this.queueSize = queueSize;
      return this;
    }

    /**
     * Gives the node a custom input queue, made anew for each execution.
     *
     * @param queue a supplier of a fresh queue per execution
     * @return this builder
     */
    public Builder queue(Supplier<? extends NodeQueue<?, ?>> queue) {
      this.queue = Objects.requireNonNull(queue, "queue");
      return this;
    }

    /**
     * Whether a reflective node's method is verified when the node is added (default true).
     *
     * @param check false to defer every check to the first call
     * @return this builder
     */
    public Builder checkFunction(boolean check) {
      this.checkFunction = check;
      return this;
    }

    /**
     * Names the node's inputs in order, for binding {@code Map} items by name.
     *
     * @param names one name per input
     * @return this builder
     */
    public Builder parameterNames(String... names) {
      Objects.requireNonNull(names, "names");
      for (int i = 0; i < names.length; i++) {
        Objects.requireNonNull(names[i], "names[" + i + "]");
      }
      this.parameterNames = List.of(names);
      return this;
    }

    /**
     * Attempts a failed call again, as the policy says (default: {@link Retry#none()}).
     *
     * {@snippet :
     * NodeOptions.builder().retry(Retry.of(4).retryOn(IOException.class)).build();
     * }
     *
     * @param retry the policy
     * @return this builder
     */
    public Builder retry(Retry retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Interrupts a call that runs longer than this; the call fails with a
     * {@link java.util.concurrent.TimeoutException} naming the node and the limit (retried
     * like any failure, if a retry policy allows). One shared timer thread serves every call
     * (no thread per call); it looks every {@code timeout / 8} (1 ms to 100 ms), so a call is
     * interrupted at most that much after its limit. A function that ignores interrupts is
     * not stopped early, but its call still fails when it returns.
     *
     * {@snippet :
     * NodeOptions.builder().timeout(Duration.ofSeconds(2)).retry(Retry.of(3)).build();
     * }
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder timeout(Duration timeout) {
      requirePositive("timeout", timeout);
      this.timeout = timeout;
      return this;
    }

    /**
     * Spaces this node's calls (see {@link RateLimit}).
     *
     * {@snippet :
     * NodeOptions.builder().maxTasks(8).rateLimit(RateLimit.perSecond(10)).build();
     * }
     *
     * @param limit the limit
     * @return this builder
     */
    public Builder rateLimit(RateLimit limit) {
      this.rateLimit = Objects.requireNonNull(limit, "rateLimit");
      return this;
    }

    /**
     * At most {@code permits} calls per {@code period}, no burst: shorthand for
     * {@code rateLimit(RateLimit.of(permits, period))}.
     *
     * @param permits at least 1
     * @param period positive
     * @return this builder
     */
    public Builder rateLimit(int permits, Duration period) {
      return rateLimit(RateLimit.of(permits, period));
    }

    /**
     * Halts the whole graph when this node has failed this many times (its {@code err}, so
     * final failures and emitted throwables): an error budget between "halt on the first
     * failure" ({@link #haltOnException}) and "never halt". The result says
     * {@link HaltReason#ERROR_BUDGET}.
     *
     * @param maxErrors at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxErrors < 1}
     */
    public Builder maxErrors(int maxErrors) {
      NodeOptions.requirePositive("maxErrors", maxErrors);
      this.maxErrors = maxErrors;
      return this;
    }

    /**
     * Whether the items this node emits leave it in the order its inputs were taken from its
     * queue, however its {@code maxTasks} workers interleave (default false: each item leaves
     * as soon as it is emitted). The items one call emits stay together, in the order emitted.
     * Like Reactor's {@code flatMapSequential} and Flink's {@code orderedWait}.
     *
     * {@snippet file="OrderedOutputTest.java" region="ordered"}
     *
     * <p>How: each input taken gets a ticket; the call holding the oldest unreleased ticket
     * emits straight through, the others hold what they emit until their turn. The reorder
     * buffer is bounded: at most {@code 2 × maxTasks} inputs are taken and not yet released
     * (a worker waits for the oldest to be released before it takes another), and a call that
     * is not the oldest holds at most 1,024 emitted items, then waits in {@code emit} until it
     * is the oldest. These waits cannot deadlock: the oldest call never waits on the buffer,
     * so it always finishes and releases the next one. A halt wakes every waiter; items held
     * then count as {@code out} of this node, and as {@code in} and {@code discarded} at each
     * destination they were bound for. Ordered workers take one item at a time. With
     * {@code maxTasks(1)} output is in order anyway and this option costs nothing.
     *
     * @param ordered true to keep the input order
     * @return this builder
     */
    public Builder ordered(boolean ordered) {
      this.ordered = ordered;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return immutable options
     */
    public NodeOptions build() {
      return new NodeOptions(
          name, haltOnException, unpackInput, maxTasks, queueSize, queue, checkFunction,
          parameterNames, retry, timeout, rateLimit, maxErrors, ordered);
    }
  }
}
