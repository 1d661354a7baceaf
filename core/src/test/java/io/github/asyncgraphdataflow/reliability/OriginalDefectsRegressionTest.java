package io.github.asyncgraphdataflow.reliability;

import io.github.asyncgraphdataflow.TestStats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.InvalidAsyncGraphException;
import io.github.asyncgraphdataflow.NodeStats;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The defects SPEC.md measured in the Python original (1.6.0), each reproduced here in its
 * original shape, so that a regression in ours is caught by name.
 */
class OriginalDefectsRegressionTest {

  /**
   * Defect 1: a chain {@code a -> b -> c} added as {@code c, b, a} returned with {@code c}
   * having processed nothing (fast {@code b}), or never returned (slow {@code b}).
   */
  @ParameterizedTest(name = "b sleeps every {0}th item")
  @ValueSource(ints = {0, 50})
  void chainAddedInReverseOrderProcessesEveryItem(int sleepEvery) {
    LongAdder processedByC = new LongAdder();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("c", (Integer x, Emitter<Void> out) -> processedByC.increment());
    graph.addNode("b", (Integer x, Emitter<Integer> out) -> {
      if (sleepEvery > 0 && x % sleepEvery == 0) {
        Thread.sleep(1);  // simulated I/O
      }
      out.emit(x);
    });
    graph.addNode("a", (Emitter<Integer> out) -> {
      for (int i = 0; i < 1_000; i++) {
        out.emit(i);
      }
    });
    graph.addEdge("b", "c");
    graph.addEdge("a", "b");

    ExecutionResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> new AsyncExecutor(graph).execute());

    assertThat(processedByC.sum()).isEqualTo(1_000);
    assertThat(result.stats().get("c")).isEqualTo(TestStats.done(1_000, 0, 0, 0));
  }

  /**
   * Defect 2: the cycle check took exponential time on a layered graph two nodes wide (about
   * 1 s at 16 layers, 4.5 times more for every two more). Ours builds 2,000 layers, and
   * refuses a cycle through all of them, well within the guard.
   */
  @Test
  void layeredGraphTwoNodesWideBuildsWithoutBlowingUp() {
    int layers = 2_000;
    AsyncGraph graph = new AsyncGraph();
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int l = 0; l < layers; l++) {
        graph.addNode("l" + l + "a", (Integer x, Emitter<Integer> out) -> out.emit(x));
        graph.addNode("l" + l + "b", (Integer x, Emitter<Integer> out) -> out.emit(x));
        if (l > 0) {
          for (String from : new String[] {"a", "b"}) {
            for (String to : new String[] {"a", "b"}) {
              graph.addEdge("l" + (l - 1) + from, "l" + l + to);
            }
          }
        }
      }
      try {
        graph.addEdge("l" + (layers - 1) + "a", "l0a");
        throw new AssertionError("a cycle through every layer was accepted");
      } catch (InvalidAsyncGraphException expected) {
        // refused, and the graph is unchanged
      }
    });
    assertThat(graph.edges()).hasSize(4 * (layers - 1));
  }
}
