package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Failures are visible and do not flood the log: a node's first 10 failures are logged with
 * their stack trace, the 11th to 100th one line each, later ones one line per power of ten,
 * and a summary per node ends the run; {@link ExecutionResult#throwIfFailed()} fails fast
 * naming every failing node, and {@link ExecutionResult#toString()} is a table.
 */
class FailureVisibilityTest {

  private static AsyncGraph failingOnEveryItem(int items) {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("numbers", (Emitter<Integer> out) -> {
      for (int i = 0; i < items; i++) {
        out.emit(i);
      }
    });
    graph.addNode("parse", (Integer x, Emitter<Integer> out) -> {
      throw new IllegalArgumentException("bad item " + x);
    });
    graph.addEdge("numbers", "parse");
    return graph;
  }

  @Test
  void aNodeFailingOnTwoThousandItemsLogsTenStackTracesAndASummary() throws Exception {
    RecordingLogger log = new RecordingLogger("throttle");
    ExecutionResult result = AsyncExecutor.builder(failingOnEveryItem(2_000)).logger(log).build()
        .execute();

    assertThat(result.stats().get("parse").err()).isEqualTo(2_000);
    List<RecordingLogger.Event> errors = log.at(Level.ERROR);
    assertThat(errors.stream().filter(e -> e.throwable() != null)).hasSize(10);
    assertThat(errors.stream().filter(e -> e.message().contains("without stack trace")))
        .hasSize(90)
        .allSatisfy(e -> assertThat(e.message()).contains("IllegalArgumentException: bad item"));
    assertThat(errors.stream().filter(e -> e.message().contains("has failed 1000 times")))
        .hasSize(1);
    assertThat(errors.getLast().message())
        .isEqualTo("Node 'parse': 2,000 failures, 1,990 not logged in full; see exceptions()");
    assertThat(errors).hasSize(10 + 90 + 1 + 1);
  }

  @Test
  void aFewFailuresAreAllLoggedInFullWithoutASummary() throws Exception {
    RecordingLogger log = new RecordingLogger("few");
    AsyncExecutor.builder(failingOnEveryItem(10)).logger(log).build().execute();

    assertThat(log.at(Level.ERROR)).hasSize(10)
        .allSatisfy(e -> assertThat(e.throwable()).isInstanceOf(IllegalArgumentException.class));
  }

  @Test
  void throwIfFailedNamesEveryFailingNodeWithItsCountAndExceptions() throws Exception {
    AsyncGraph graph = failingOnEveryItem(3);
    graph.addNode("check", (Integer x, Emitter<Void> out) -> {
      throw new IllegalStateException("check " + x);
    });
    graph.addEdge("numbers", "check");
    ExecutionResult result = AsyncExecutor.builder(graph).logger(new RecordingLogger("quiet"))
        .build().execute();

    assertThatThrownBy(result::throwIfFailed)
        .isInstanceOf(GraphExecutionException.class)
        .hasMessageContaining("failures in 2 node(s)")
        .hasMessageContaining("node 'parse' err=3, oldest kept: java.lang.IllegalArgumentException:"
            + " bad item")
        .hasMessageContaining("node 'check' err=3")
        .hasMessageContaining("last: java.lang.IllegalStateException: check")
        .satisfies(e -> {
          GraphExecutionException g = (GraphExecutionException) e;
          assertThat(g.result()).isSameAs(result);
          assertThat(g.getCause()).isSameAs(result.exceptions().get("parse").getLast());
          assertThat(g.getSuppressed()).containsExactly(result.exceptions().get("check").getLast());
        });
  }

  @Test
  void throwIfFailedAlsoThrowsWhenHaltedAndReturnsTheResultOtherwise() throws Exception {
    AsyncGraph halting = new AsyncGraph(true);
    halting.addNode("boom", (Emitter<Integer> out) -> {
      throw new IllegalStateException("boom");
    });
    ExecutionResult halted = AsyncExecutor.builder(halting).logger(new RecordingLogger("quiet"))
        .build().execute();
    assertThatThrownBy(halted::throwIfFailed).isInstanceOf(GraphExecutionException.class)
        .hasMessageContaining("node 'boom' err=1, last: java.lang.IllegalStateException: boom")
        .hasMessageContaining("halted by node 'boom'");

    AsyncGraph fine = new AsyncGraph();
    fine.addNode("ok", (Emitter<Integer> out) -> out.emit(1));
    ExecutionResult result = new AsyncExecutor(fine).execute();
    assertThat(result.throwIfFailed()).isSameAs(result);
  }

  @Test
  void toStringIsASummaryTable() throws Exception {
    ExecutionResult result = AsyncExecutor.builder(failingOnEveryItem(1_500))
        .logger(new RecordingLogger("quiet")).build().execute();

    String[] lines = result.toString().split(System.lineSeparator());
    assertThat(lines[0]).startsWith("ExecutionResult (ran to the end, 1,500 error(s), ");
    assertThat(lines[1]).isEqualTo("node        in    out    err  discarded  calls");
    assertThat(lines[2]).isEqualTo("numbers      0  1,500      0          0      0");
    assertThat(lines[3]).isEqualTo("parse    1,500      0  1,500          0  1,500");
    assertThat(lines).hasSize(4);
  }
}
