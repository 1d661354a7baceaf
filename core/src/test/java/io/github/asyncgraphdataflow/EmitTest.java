package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code emit} promises: each emit hands one item on (as each {@code yield} does), null
 * items are legal, and the emitter works only on its own thread during its call.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EmitTest {

  /**
   * A source that emits one item and then waits (for the next page of an API, say) must not
   * keep that item to itself: its destination receives it while the source's call still runs.
   */
  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void anEmittedItemReachesItsDestinationWhileTheEmittingCallStillRuns(int maxTasks,
      int queueSize) throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    AtomicReference<Boolean> arrivedInTime = new AtomicReference<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      out.emit("page 1");
      // waits for the sink to have the item; the bound only turns a hang into a failure
      arrivedInTime.set(received.await(20, TimeUnit.SECONDS));
      out.emit("page 2");
    }, Matrix.opts("poller", maxTasks, queueSize));
    graph.addNode((String page, Emitter<Void> out) -> received.countDown(),
        Matrix.opts("sink", maxTasks, queueSize));
    graph.addEdge("poller", "sink");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(arrivedInTime.get()).as("item delivered while its emitter still ran").isTrue();
    assertThat(result.stats().get("sink").in()).isEqualTo(2);
  }

  /** The same for a node in the middle of a chain that emits, then does slow I/O. */
  @Test
  void aMiddleNodeHandsOnItsItemsBeforeItsCallReturns() throws Exception {
    CountDownLatch received = new CountDownLatch(3);
    AtomicReference<Boolean> arrivedInTime = new AtomicReference<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<Integer> out) -> out.emit(3));
    graph.addNode("expand", (Integer n, Emitter<Integer> out) -> {
      for (int i = 0; i < n; i++) {
        out.emit(i);
      }
      arrivedInTime.set(received.await(20, TimeUnit.SECONDS));
    });
    graph.addNode("sink", (Integer x, Emitter<Void> out) -> received.countDown());
    graph.addEdge("src", "expand");
    graph.addEdge("expand", "sink");

    new AsyncExecutor(graph).execute();

    assertThat(arrivedInTime.get()).isTrue();
  }

  @ParameterizedTest(name = Matrix.NAME)
  @MethodSource(Matrix.SOURCE)
  void nullItemsAreCarriedLikeAnyOther(int maxTasks, int queueSize) throws Exception {
    List<Object> sink = Collections.synchronizedList(new ArrayList<>());
    AsyncGraph graph = new AsyncGraph();
    graph.addNode(out -> {
      out.emit(null);
      out.emit("x");
      out.emit(null);
    }, Matrix.opts("src", maxTasks, queueSize));
    graph.addNode((Object x, Emitter<Object> out) -> out.emit(x),
        Matrix.opts("mid", maxTasks, queueSize));
    graph.addNode((Object x, Emitter<Void> out) -> sink.add(x),
        Matrix.opts("sink", maxTasks, queueSize));
    graph.addEdge("src", "mid");
    graph.addEdge("mid", "sink");

    ExecutionResult result = new AsyncExecutor(graph).execute();

    assertThat(sink).containsExactlyInAnyOrder(null, "x", null);
    assertThat(result.stats().get("sink")).isEqualTo(TestStats.done(3, 0, 0, 0));
  }

  @Test
  void emittingFromAnotherThreadIsRefused() throws Exception {
    AtomicReference<Throwable> fromOtherThread = new AtomicReference<>();
    ConcurrentLinkedQueue<String> sink = new ConcurrentLinkedQueue<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<String> out) -> {
      Thread t = Thread.ofPlatform().start(() -> {
        try {
          out.emit("from a stranger");
        } catch (Throwable e) {
          fromOtherThread.set(e);
        }
      });
      t.join();
      out.emit("own");
    });
    graph.addNode("sink", (String s, Emitter<Void> out) -> sink.add(s));
    graph.addEdge("src", "sink");

    new AsyncExecutor(graph).execute();

    assertThat(fromOtherThread.get()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another thread");
    assertThat(sink).containsExactly("own");
  }

  @Test
  void emittingAfterTheCallReturnedIsRefused() throws Exception {
    AtomicReference<Emitter<String>> leaked = new AtomicReference<>();
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("src", (Emitter<String> out) -> leaked.set(out));

    new AsyncExecutor(graph).execute();

    assertThatThrownBy(() -> leaked.get().emit("late")).isInstanceOf(IllegalStateException.class);
  }
}
