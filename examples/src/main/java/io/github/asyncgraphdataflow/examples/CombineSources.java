package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import io.github.asyncgraphdataflow.queue.JoinQueue;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Combining data from several source nodes: {@code final_node} takes three inputs, and its
 * {@link JoinQueue} makes each of its items from one item of each source, in the order threes,
 * fours, fives. With a constant key the join pairs items by arrival (a zip). The queue knows
 * which source an item comes from, so the sources emit plain numbers, not the original's
 * {@code (name, value)} pairs. Items left without partners (one four, two fives) are counted as
 * the join node's {@code discarded}, not silently dropped.
 *
 * <pre>
 * threes yielding 3
 * threes yielding 3
 * threes yielding 3
 * fours yielding 4
 * ... (4 fours, 5 fives; the sources run concurrently, so their lines may interleave)
 * Final node received 3, 4, 5
 * Final node received 3, 4, 5
 * Final node received 3, 4, 5
 * final_node: in=12 calls=3 unmatched=3
 * </pre>
 *
 * <p>{@link #lateSource} runs the case that made the hand-written combining queue of earlier
 * versions hang: one of two sources starts late while the other fills the queue. The join waits
 * per source: the early source waits while its buffer is full, the late one's items free room.
 */
public final class CombineSources {
  private CombineSources() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    run(System.out);
    lateSource(System.out, 20_000, Duration.ofMillis(500));
  }

  static void run(PrintStream out) throws InterruptedException {
    ExecutionResult result = new AsyncExecutor(graph(out)).execute();
    NodeStats s = result.stats().get("final_node");
    out.println("final_node: in=" + s.in() + " calls=" + s.calls() + " unmatched="
        + s.discarded());
  }

  /** The example's graph (also drawn in examples/README.md). */
  static AsyncGraph graph(PrintStream out) {
    AsyncGraph graph = new AsyncGraph();
    String[] names = {"threes", "fours", "fives"};
    JoinQueue.Builder<Integer> join = JoinQueue.builder();
    for (int k = 0; k < names.length; k++) {
      String name = names[k];
      int value = k + 3;
      graph.addNode(name, (Emitter<Integer> emit) -> {
        for (int i = 0; i < value; i++) {
          out.println(name + " yielding " + value);
          emit.emit(value);
        }
      });
      join.source(name, (Integer x) -> 0);   // one key for all: pair items by arrival
    }
    graph.addNode((Integer int1, Integer int2, Integer int3, Emitter<Object> emit) -> {
      out.println("Final node received " + int1 + ", " + int2 + ", " + int3);
      emit.emit(null);
    }, NodeOptions.builder().name("final_node").queue(join::build).build());
    for (String name : names) {
      graph.addEdge(name, "final_node");
    }
    return graph;
  }

  /**
   * Two sources of {@code items} numbers each, the second starting {@code late}; the join pairs
   * the i-th of each.
   */
  static void lateSource(PrintStream out, int items, Duration late) throws InterruptedException {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("early", (Emitter<Integer> emit) -> {
      for (int i = 0; i < items; i++) {
        emit.emit(i);
      }
    });
    graph.addNode("late", (Emitter<Integer> emit) -> {
      Thread.sleep(late);
      for (int i = 0; i < items; i++) {
        emit.emit(i);
      }
    });
    long[] mismatched = new long[1];
    graph.addNode((Integer a, Integer b, Emitter<Void> emit) -> {
      if (!a.equals(b)) {
        mismatched[0]++;   // one worker: no other thread writes it
      }
    }, NodeOptions.builder().name("pairs").queue(JoinQueue.<Integer>builder()
        .source("early", (Integer x) -> 0).source("late", (Integer x) -> 0)::build).build());
    graph.addEdge("early", "pairs");
    graph.addEdge("late", "pairs");

    ExecutionResult result = new AsyncExecutor(graph).execute();
    NodeStats s = result.stats().get("pairs");
    out.println("late source: pairs=" + s.calls() + " mismatched=" + mismatched[0]
        + " unmatched=" + s.discarded());
  }
}
