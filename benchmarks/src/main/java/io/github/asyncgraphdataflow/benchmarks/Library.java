package io.github.asyncgraphdataflow.benchmarks;

/**
 * One library's implementation of the workloads shared by every library (W1-W4). Each method
 * runs the workload once to completion and checks its count and checksum with {@link Check},
 * throwing when they are wrong.
 *
 * <p>Common semantics: every node is its own asynchronous stage, each stage's input is
 * bounded at {@link #BUFFER} items, fan-out is a broadcast and fan-in a merge.
 */
public interface Library extends AutoCloseable {
  /** The bound of every stage's input buffer. */
  int BUFFER = 10_000;

  /** W3: concurrency of the waiting stage. */
  int IO_CONCURRENCY = 1_000;

  /** W3: how long each item waits, in milliseconds. */
  int IO_WAIT_MS = 5;

  /**
   * W1: source emits [0, n), a stage maps x to x + 1, a sink sums.
   *
   * @param n item count
   */
  void linear(int n) throws Exception;

  /**
   * W2: source emits [0, n), broadcast to x * 2 and x * 3, both merged into a summing sink.
   *
   * @param n source item count
   */
  void diamond(int n) throws Exception;

  /**
   * W3: source emits [0, n), a stage waits {@link #IO_WAIT_MS} per item with
   * {@link #IO_CONCURRENCY} items in flight, a sink sums.
   *
   * @param n item count
   */
  void io(int n) throws Exception;

  /**
   * W4: source emits [0, n), a stage running {@link Work#work} on {@code concurrency}
   * parallel workers, a sink sums.
   *
   * @param n item count
   * @param concurrency parallel workers of the middle stage
   */
  void cpu(int n, int concurrency) throws Exception;

  @Override
  default void close() {}

  /**
   * The implementation for a library name.
   *
   * @param name ours, reactor, rxjava, pekko, or a reference: vthreads (plain virtual threads
   *     and blocking queues), disruptor or disruptor-blocking (the LMAX Disruptor, W1 only)
   * @return a new instance; close it when done
   */
  static Library of(String name) {
    return switch (name) {
      case "ours" -> new OursLibrary();
      case "reactor" -> new ReactorLibrary();
      case "rxjava" -> new RxJavaLibrary();
      case "pekko" -> new PekkoLibrary();
      case "vthreads" -> new VirtualThreadsLibrary();
      case "disruptor" -> new DisruptorLibrary(true);
      case "disruptor-blocking" -> new DisruptorLibrary(false);
      default -> throw new IllegalArgumentException("unknown library " + name);
    };
  }
}
