package io.github.asyncgraphdataflow.reliability;

import io.github.asyncgraphdataflow.TestStats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeFunction;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An emitter is valid only on its worker's thread while its call runs. Any other use throws
 * {@link IllegalStateException} naming the node, and delivers nothing: the statistics and what
 * the destinations received stay exactly those of the legitimate emits.
 */
class EmitterMisuseTest {

  private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

  private AsyncGraph graphWith(NodeFunction<Integer, String> step) {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("numbers", (Emitter<Integer> out) -> {
      for (int i = 0; i < 3; i++) {
        out.emit(i);
      }
    });
    graph.addNode(step, NodeOptions.builder().name("step").build());
    graph.addNode("sink", (String s, Emitter<Void> out) -> received.add(s));
    graph.addEdge("numbers", "step");
    graph.addEdge("step", "sink");
    return graph;
  }

  private void assertOnlyLegitimateItems(ExecutionResult result) {
    assertThat(received).containsExactlyInAnyOrder("ok 0", "ok 1", "ok 2");
    assertThat(result.stats().get("step")).isEqualTo(TestStats.done(3, 3, 0, 0));
    assertThat(result.stats().get("sink")).isEqualTo(TestStats.done(3, 0, 0, 0));
  }

  @Test
  void emitterUsedAfterTheExecutionEndedThrows() throws Exception {
    AtomicReference<Emitter<String>> kept = new AtomicReference<>();
    AsyncExecutor executor = new AsyncExecutor(graphWith((x, out) -> {
      kept.set(out);
      out.emit("ok " + x);
    }));
    ExecutionResult result = executor.execute();

    assertThatThrownBy(() -> kept.get().emit("late")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'step'");
    assertOnlyLegitimateItems(result);
    assertThat(executor.dataFlowStats()).isEqualTo(result.stats());
  }

  @Test
  void emitterOfAnEarlierCallUsedInALaterCallThrows() throws Exception {
    AtomicReference<Emitter<String>> previous = new AtomicReference<>();
    ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
    AsyncExecutor executor = new AsyncExecutor(graphWith((x, out) -> {
      Emitter<String> stale = previous.getAndSet(out);
      if (stale != null) {
        try {
          stale.emit("stale " + x);
        } catch (IllegalStateException e) {
          refused.add(e);
        }
      }
      out.emit("ok " + x);
    }));

    ExecutionResult result = executor.execute();

    assertThat(refused).hasSize(2)
        .allSatisfy(e -> assertThat(e).hasMessageContaining("after its call returned"));
    assertOnlyLegitimateItems(result);
  }

  @Test
  void emitterUsedFromAnotherThreadWhileTheCallRunsThrows() throws Exception {
    ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
    AsyncExecutor executor = new AsyncExecutor(graphWith((x, out) -> {
      Thread helper = Thread.ofPlatform().start(() -> {
        try {
          out.emit("from helper " + x);
        } catch (Throwable e) {
          refused.add(e);
        }
      });
      helper.join();
      out.emit("ok " + x);
    }));

    ExecutionResult result = executor.execute();

    assertThat(refused).hasSize(3).allSatisfy(e -> assertThat(e)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'step'").hasMessageContaining("from another thread"));
    assertOnlyLegitimateItems(result);
  }

  @Test
  void emitterUsedFromAnotherThreadAfterTheCallReturnedThrows() throws Exception {
    CountDownLatch returned = new CountDownLatch(3);
    ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
    List<Thread> helpers = new java.util.concurrent.CopyOnWriteArrayList<>();
    AsyncExecutor executor = new AsyncExecutor(graphWith((x, out) -> {
      helpers.add(Thread.ofPlatform().start(() -> {
        try {
          returned.await();
          out.emit("from helper " + x);
        } catch (Throwable e) {
          refused.add(e);
        }
      }));
      out.emit("ok " + x);
      returned.countDown();
    }));

    ExecutionResult result = executor.execute();
    for (Thread h : helpers) {
      h.join();
    }

    assertThat(refused).hasSize(3)
        .allSatisfy(e -> assertThat(e).isInstanceOf(IllegalStateException.class));
    assertOnlyLegitimateItems(result);
  }
}
