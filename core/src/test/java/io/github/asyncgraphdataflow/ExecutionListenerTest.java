package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** The listener seam: what a listener hears agrees with the statistics, and cannot harm. */
class ExecutionListenerTest {

  /** Counts what it hears, per node. */
  static final class Counting implements ExecutionListener {
    final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    final Map<String, LongAdder> failedCalls = new ConcurrentHashMap<>();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final List<String> lifecycle = new CopyOnWriteArrayList<>();
    final AtomicReference<ExecutionResult> result = new AtomicReference<>();

    @Override
    public void executionStarted(AsyncGraph graph) {
      lifecycle.add("started " + graph.nodes().size());
    }

    @Override
    public void callFinished(String node, long nanos, Throwable failure) {
      assertThat(nanos).isNotNegative();
      calls.computeIfAbsent(node, k -> new LongAdder()).increment();
      if (failure != null) {
        failedCalls.computeIfAbsent(node, k -> new LongAdder()).increment();
      }
    }

    @Override
    public void failed(String node, Throwable failure) {
      failures.computeIfAbsent(node, k -> new LongAdder()).increment();
    }

    @Override
    public void halted(String node) {
      lifecycle.add("halted " + node);
    }

    @Override
    public void executionFinished(ExecutionResult r) {
      lifecycle.add("finished");
      result.set(r);
    }

    long count(Map<String, LongAdder> m, String node) {
      LongAdder a = m.get(node);
      return a == null ? 0 : a.sum();
    }
  }

  private static AsyncGraph graph(boolean halt) {
    AsyncGraph graph = new AsyncGraph(halt);
    graph.addNode("numbers", (Emitter<Object> out) -> {
      for (int i = 0; i < 100; i++) {
        out.emit(i);
      }
      out.emit(new IllegalStateException("emitted, not thrown"));
    });
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      if (x % 10 == 3) {
        throw new IllegalArgumentException("bad " + x);
      }
      out.emit(x);
    }, NodeOptions.builder().name("odd").maxTasks(4).build());
    graph.addEdge("numbers", "odd");
    return graph;
  }

  @Test
  void aListenerHearsEveryCallAndFailureAndTheEnd() throws InterruptedException {
    Counting listener = new Counting();
    AsyncExecutor executor = AsyncExecutor.builder(graph(false))
        .logger(new RecordingLogger("quiet")).listener(listener).build();

    ExecutionResult result = executor.execute();

    NodeStats odd = result.stats().get("odd");
    assertThat(listener.count(listener.calls, "odd")).isEqualTo(odd.calls()).isEqualTo(100);
    assertThat(listener.count(listener.failedCalls, "odd")).isEqualTo(10);
    assertThat(listener.count(listener.failures, "odd")).isEqualTo(odd.err()).isEqualTo(10);
    assertThat(listener.count(listener.calls, "numbers")).as("the start call").isEqualTo(1);
    assertThat(listener.count(listener.failures, "numbers")).isEqualTo(1);
    assertThat(listener.lifecycle).containsExactly("started 2", "finished");
    assertThat(listener.result.get()).isSameAs(result);
  }

  @Test
  void aListenerHearsTheHaltAndTheNodeThatCausedIt() throws InterruptedException {
    Counting listener = new Counting();
    AsyncExecutor executor = AsyncExecutor.builder(graph(true))
        .logger(new RecordingLogger("quiet")).listener(listener).build();

    ExecutionResult result = executor.execute();

    assertThat(result.haltedBy()).isNotNull();
    assertThat(listener.lifecycle)
        .containsExactly("started 2", "halted " + result.haltedBy(), "finished");
  }

  @Test
  void aFailingListenerIsLoggedAndDoesNotHarmTheGraph() throws InterruptedException {
    AtomicInteger heard = new AtomicInteger();
    RecordingLogger logger = new RecordingLogger("listener");
    AsyncExecutor executor = AsyncExecutor.builder(graph(false)).logger(logger)
        .listener(new ExecutionListener() {
          @Override
          public void callFinished(String node, long nanos, Throwable failure) {
            throw new IllegalStateException("listener bug");
          }
        })
        .listener(new ExecutionListener() {
          @Override
          public void callFinished(String node, long nanos, Throwable failure) {
            heard.incrementAndGet();
          }
        })
        .build();

    ExecutionResult result = executor.execute();

    assertThat(TestStats.done(100, 90, 10, 0)).isEqualTo(result.stats().get("odd"));
    assertThat(heard).as("the next listener is still called").hasValue(101);
    assertThat(logger.messages(Level.WARN)).hasSize(101)
        .allSatisfy(m -> assertThat(m).contains("listener").contains("not affected"));
  }

  @Test
  void withoutAListenerNothingIsHeardAndTheRunIsUnchanged() throws InterruptedException {
    ExecutionResult result = AsyncExecutor.builder(graph(false))
        .logger(new RecordingLogger("quiet")).build().execute();

    assertThat(result.stats().get("odd")).isEqualTo(TestStats.done(100, 90, 10, 0));
  }
}
