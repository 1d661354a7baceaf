package io.github.asyncgraphdataflow.reliability;

import io.github.asyncgraphdataflow.RecordingThreadFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeFunction;
import io.github.asyncgraphdataflow.NodeOptions;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node that throws an {@link Error}: even with halting off, the execution stops (an endless
 * source proves it: only the halt can end it), no worker survives, and {@code execute}
 * rethrows that very error instead of swallowing it. The error is also counted and kept.
 */
class ErrorPropagationTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("StackOverflowError (real recursion)",
            (Supplier<Error>) () -> {
              try {
                recurse(0);
                return new AssertionError("no stack overflow");
              } catch (StackOverflowError e) {
                return e;
              }
            }),
        Arguments.of("OutOfMemoryError (simulated)",
            (Supplier<Error>) () -> new OutOfMemoryError("simulated: Java heap space")),
        Arguments.of("a custom Error", (Supplier<Error>) () -> new LinkageError("custom")));
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void errorInANodeStopsTheExecutionAndIsRethrown(String kind, Supplier<Error> error) {
    Error[] thrown = new Error[1];
    RecordingThreadFactory threads = RecordingThreadFactory.virtual();
    AsyncGraph graph = new AsyncGraph(false);
    graph.addNode("endless", (Emitter<Long> out) -> {
      for (long i = 0; ; i++) {
        out.emit(i);
      }
    });
    NodeFunction<Long, Long> fragile = (x, out) -> {
      if (x == 1_000) {
        // a real StackOverflowError must be raised by the call itself, not made in advance
        thrown[0] = error.get();
        throw thrown[0];
      }
      out.emit(x);
    };
    graph.addNode(fragile, NodeOptions.builder().name("fragile").maxTasks(2).queueSize(8).build());
    graph.addNode("sink", (Long x, Emitter<Void> out) -> { });
    graph.addEdge("endless", "fragile");
    graph.addEdge("fragile", "sink");
    AsyncExecutor executor = AsyncExecutor.builder(graph)
        .logger(new RecordingLogger()).threadFactory(threads).build();

    assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        assertThatThrownBy(executor::execute).isSameAs(thrown[0]));

    assertThat(threads.alive()).isEmpty();
    assertThat(executor.dataFlowStats().get("fragile").err()).isEqualTo(1);
    assertThat(executor.exceptions().get("fragile")).containsExactly(thrown[0]);
    var s = executor.dataFlowStats();
    assertThat(s.get("fragile").in())
        .isEqualTo(s.get("endless").out());
    assertThat(s.get("sink").in()).isEqualTo(s.get("fragile").out());
  }
}
