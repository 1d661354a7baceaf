package io.github.asyncgraphdataflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every example and checks what it prints. Examples run with a tick of 1 ms; where the
 * order of lines depends on timing, only the order the graph guarantees is checked (per node
 * in arrival order, causes before effects).
 */
class ExamplesTest {
  private static final Duration TICK = Duration.ofMillis(1);

  @Test
  void basicThreeNodesPassesEachItemDownTheChain() throws Exception {
    List<String> lines = Output.of(out -> BasicThreeNodes.run(out, TICK));
    assertThat(lines.getFirst())
        .isEqualTo("Graph: {extract=[transform], transform=[load], load=[]}");
    assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder(
        "Transformer received: hello", "Transformer received: world",
        "Data in Load: Hello", "Data in Load: World");
    assertThat(lines).containsSubsequence("Transformer received: hello",
        "Transformer received: world", "Data in Load: World");
    assertThat(lines).containsSubsequence("Transformer received: hello",
        "Data in Load: Hello", "Data in Load: World");
  }

  @Test
  void branchingSendsEveryItemToBothBranches() throws Exception {
    List<String> lines = Output.of(out -> Branching.run(out, TICK));
    assertThat(lines.getFirst()).isEqualTo("Graph: {extract=[transform], "
        + "transform=[load, print_data], load=[end_task], print_data=[], end_task=[]}");
    assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder(
        "Transforming data: hello", "Printing data: Hello", "Transforming data: world",
        "Loading data Hello", "Printing data: World", "Ending Tasks", "Loading data World",
        "Ending Tasks");
    assertThat(lines).containsSubsequence("Transforming data: hello", "Printing data: Hello");
    assertThat(lines).containsSubsequence("Transforming data: hello", "Loading data Hello");
    assertThat(lines).containsSubsequence("Transforming data: world", "Printing data: World");
    assertThat(lines).containsSubsequence("Transforming data: world", "Loading data World");
    int firstLoad =
        Math.min(lines.indexOf("Loading data Hello"), lines.indexOf("Loading data World"));
    assertThat(lines.indexOf("Ending Tasks")).isGreaterThan(firstLoad);
  }

  @Test
  void noEdgesRunsEveryNodeAsAStartNode() throws Exception {
    List<String> lines = Output.of(out -> NoEdges.run(out, TICK));
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).isEqualTo("Graph: {node1=[], node2=[], node3=[]}");
    assertThat(lines.subList(1, 4))
        .containsExactlyInAnyOrder("from node1", "from node2", "from node3");
    assertThat(lines.get(4)).matches("execution time: \\d+\\.\\d{3} s");
    assertThat(lines.get(5)).isEqualTo("start nodes: {node1=[], node2=[], node3=[]}");
  }

  @Test
  void concurrentTasksProcessEveryItemWithOneAndWithFiveWorkers() throws Exception {
    List<String> lines = Output.of(out -> ConcurrentTasksPerNode.run(out, TICK));
    String graph = "Graph: {node1=[node2], node2=[]}";
    assertThat(lines).hasSize(18);
    assertThat(lines.subList(0, 7)).containsExactly("max_tasks: 1", graph, "node2 received 0",
        "node2 received 1", "node2 received 2", "node2 received 3", "node2 received 4");
    assertThat(lines.get(7)).startsWith("execution time: ");
    assertThat(lines.get(8)).isEmpty();
    assertThat(lines.subList(9, 11)).containsExactly("max_tasks: 5", graph);
    assertThat(lines.subList(11, 16)).containsExactlyInAnyOrder("node2 received 0",
        "node2 received 1", "node2 received 2", "node2 received 3", "node2 received 4");
    assertThat(lines.get(16)).startsWith("execution time: ");
    assertThat(lines.get(17)).isEmpty();
  }

  @Test
  void customStartNodesStartAtNode2AndLogTheDataFlow() throws Exception {
    assertThat(Output.of(CustomStartNodes::run)).containsExactly(
        "Graph: {node1=[node2], node2=[node3], node3=[]}",
        "Transformer received: new_data",
        "Data in Load: data1",
        "Data in Load: data2",
        "INFO: node1 - in=0, out=0, err=0",
        "INFO: node2 - in=0, out=2, err=0",
        "INFO: node3 - in=2, out=2, err=0");
  }

  @Test
  void customStartNodeArgsReachTheirNodes() throws Exception {
    List<String> lines = Output.of(CustomStartNodeArgs::run);
    assertThat(lines.getFirst())
        .isEqualTo("Graph: {node1=[node3], node2=[node3], node3=[]}");
    assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder(
        "node1 received: foo", "node2 received: bar", "node3 received: foo",
        "node3 received: hello", "node3 received: world", "node3 received: bar",
        "node3 received: data1", "node3 received: data2");
    assertThat(lines).containsSubsequence("node1 received: foo", "node3 received: foo",
        "node3 received: hello", "node3 received: world");
    assertThat(lines).containsSubsequence("node2 received: bar", "node3 received: bar",
        "node3 received: data1", "node3 received: data2");
  }

  @Test
  void sharedStateIsSeenByTheNextNode() throws Exception {
    assertThat(Output.of(out -> SharedState.run(out, TICK))).containsExactly(
        "Graph: {node1=[node2], node2=[]}",
        "node2 received: hello",
        "node2 received: world");
  }

  @Test
  void blockingCodeRunsInBothStyles() throws Exception {
    List<String> lines = Output.of(out -> BlockingCode.run(out, TICK));
    assertThat(lines.getFirst()).isEqualTo("Graph: {extract=[transform], "
        + "transform=[load1, load2], load1=[output], load2=[output], output=[]}");
    List<String> expected = new ArrayList<>(List.of("Transformer received: hello",
        "Transformer received: world", "Data in Load1: Hello", "Data in Load1: World",
        "Data in Load2: Hello", "Data in Load2: World"));
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 3; i++) {
        expected.add("output: load1 " + i);
        expected.add("output: load2 " + i);
      }
    }
    assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrderElementsOf(expected);
    for (String load : List.of("Load1", "Load2")) {
      String first = "output: " + load.toLowerCase(java.util.Locale.ROOT) + " 0";
      assertThat(lines).containsSubsequence("Transformer received: hello",
          "Data in " + load + ": Hello", first);
      assertThat(lines).containsSubsequence("Transformer received: world",
          "Data in " + load + ": World");
      assertThat(lines).containsSubsequence("Data in " + load + ": Hello",
          "Data in " + load + ": World");
    }
    assertThat(Output.startingWith(lines, "output: load1")).containsExactly("output: load1 0",
        "output: load1 1", "output: load1 2", "output: load1 0", "output: load1 1",
        "output: load1 2");
    assertThat(Output.startingWith(lines, "output: load2")).containsExactly("output: load2 0",
        "output: load2 1", "output: load2 2", "output: load2 0", "output: load2 1",
        "output: load2 2");
  }

  @Test
  void dataFlowLoggingEndsWithTheFinalCounts() throws Exception {
    List<String> lines = Output.of(out -> DataFlowStatistics.run(out, TICK));
    assertThat(lines.getFirst())
        .isEqualTo("Graph: {extract=[transform], transform=[load], load=[]}");
    List<String> items = Output.startingWith(lines, "Transformer", "Data in Load");
    assertThat(items).filteredOn("Transformer received: hello"::equals).hasSize(3);
    assertThat(items).filteredOn("Data in Load: Hello"::equals).hasSize(3);
    int transformed = 0;
    for (String line : items) { // the k-th load comes after the k-th transform
      transformed += line.startsWith("Transformer") ? 1 : -1;
      assertThat(transformed).isNotNegative();
    }
    assertThat(lines).allMatch(l -> !l.startsWith("INFO:")
        || l.matches("INFO: (transform|load) - in=\\d, out=\\d, err=0"));
    assertThat(lines.subList(lines.size() - 3, lines.size())).containsExactly(
        "INFO: transform - in=3, out=3, err=0",
        "INFO: load - in=3, out=3, err=0",
        "Statistics: {extract=NodeStats[in=0, out=3, err=0, discarded=0, calls=0, retries=0, "
            + "queued=0, active=0], "
            + "transform=NodeStats[in=3, out=3, err=0, discarded=0, calls=3, retries=0, "
            + "queued=0, active=0], "
            + "load=NodeStats[in=3, out=3, err=0, discarded=0, calls=3, retries=0, "
            + "queued=0, active=0]}");
  }

  @Test
  void raisingAnExceptionAfterTheExecution() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RaisingAnException.run(out))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("oh no! something went wrong in the graph execution");
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.getFirst()).isEqualTo("Graph: {node1=[node2], node2=[]}");
    assertThat(Output.startingWith(lines, "ERROR:")).containsExactly(
        "ERROR:Exception in node 'node2' on item hello",
        "ERROR:Exception in node 'node2' on item world");
    assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly(
        "Exceptions: []",
        "Exceptions: [java.lang.IllegalArgumentException: bad data: hello, "
            + "java.lang.IllegalArgumentException: bad data: world]");
  }

  @Test
  void haltingAtASpecificNodeStopsAtTheFirstFailure() throws Exception {
    assertHaltedAtWorld(Output.of(out -> HaltAtSpecificNode.run(out, TICK)));
  }

  @Test
  void haltingAtAnyNodeStopsAtTheFirstFailure() throws Exception {
    assertHaltedAtWorld(Output.of(out -> HaltAtAnyNode.run(out, TICK)));
  }

  private static void assertHaltedAtWorld(List<String> lines) {
    // whether output prints Hello before the halt discards it depends on timing
    assertThat(lines.stream().filter("output: Hello"::equals).count()).isLessThanOrEqualTo(1);
    assertThat(lines.stream().filter(l -> !l.equals("output: Hello"))).containsExactly(
        "Graph: {extract=[transform], transform=[load], load=[output], output=[]}",
        "Load: Hello",
        "Load: World",
        "ERROR:Exception in node 'load' on item World",
        "    java.lang.IllegalStateException: intentional error for World",
        "ERROR:Graph execution halted due to an exception in node 'load'",
        "Halted by: load");
  }

  @Test
  void mismatchedItemFailsOneCallAndTheGraphGoesOn() throws Exception {
    List<String> lines = Output.of(out -> MismatchedArguments.run(out, TICK));
    assertThat(lines.getFirst())
        .isEqualTo("Graph: {extract=[transform], transform=[load], load=[]}");
    assertThat(Output.startingWith(lines, "Transformer")).containsExactly(
        "Transformer received: 0", "Transformer received: 1", "Transformer received: 2",
        "Transformer received: 3");
    String error = "ERROR:Exception in node 'load' on item Tuple2[first=0, second=1]";
    assertThat(Output.startingWith(lines, "Data in Load", "ERROR", "    ")).containsExactly(
        "Data in Load: 0", "Data in Load: 1", error,
        lines.get(lines.indexOf(error) + 1),
        "Data in Load: 2", "Data in Load: 3");
    assertThat(lines.get(lines.indexOf(error) + 1))
        .startsWith("    java.lang.ClassCastException: class io.github.asyncgraphdataflow.Tuple2");
  }

  @Test
  void numberRangeBatchesByHandAndFlushesAtTheMarker() throws Exception {
    List<String> lines = Output.of(out -> NumberRange.run(out, TICK));
    assertThat(lines.getFirst())
        .isEqualTo("Graph: {extract=[transform], transform=[load], load=[]}");
    assertThat(Output.startingWith(lines, "Transformer")).containsExactly(
        "Transformer received: 1", "Transformer received: 4", "Transformer received: 9",
        "Transformer received: 16", "Transformer received: 25", "Transformer received: 36",
        "Transformer received: 49", "Transformer received: 64", "Transformer received: 81",
        "Transformer received: 100", "Transformer received: null");
    String b = "Batching data in memory";
    assertThat(Output.startingWith(lines, "Batching", "Flushing")).containsExactly(
        b, b, b, "Flushing data: [1, 64, 729]",
        b, b, b, "Flushing data: [4096, 15625, 46656]",
        b, b, b, "Flushing data: [117649, 262144, 531441]",
        b, "Flushing remaining data: [1000000]");
  }

  @Test
  void batchingQueueFlushesTheLastPartialBatchWithoutAMarker() throws Exception {
    List<String> lines = Output.of(BatchingBySize::run);
    List<String> yields = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      yields.add("data_source yielding " + i);
    }
    assertThat(Output.startingWith(lines, "data_source")).containsExactlyElementsOf(yields);
    assertThat(Output.startingWith(lines, "batched_inputs")).containsExactly(
        "batched_inputs received: [1, 2, 3, 4]",
        "batched_inputs received: [5, 6, 7, 8]",
        "batched_inputs received: [9, 10]");
    assertThat(lines).containsSubsequence("data_source yielding 4",
        "batched_inputs received: [1, 2, 3, 4]", "batched_inputs received: [5, 6, 7, 8]");
    assertThat(lines).containsSubsequence("data_source yielding 10",
        "batched_inputs received: [9, 10]");
    assertThat(lines).hasSize(13);
  }

  @Test
  void combineSourcesJoinsOneItemOfEachSourceAndCountsTheUnmatched() throws Exception {
    List<String> lines = Output.of(CombineSources::run);
    assertThat(lines).filteredOn("threes yielding 3"::equals).hasSize(3);
    assertThat(lines).filteredOn("fours yielding 4"::equals).hasSize(4);
    assertThat(lines).filteredOn("fives yielding 5"::equals).hasSize(5);
    assertThat(lines).filteredOn(l -> l.startsWith("Final")).containsExactly(
        "Final node received 3, 4, 5", "Final node received 3, 4, 5",
        "Final node received 3, 4, 5");
    assertThat(lines.getLast()).isEqualTo("final_node: in=12 calls=3 unmatched=3");
    assertThat(lines).hasSize(16);
  }

  /** The hang: one source 500 ms late, 20,000 items each. */
  @Test
  void combineSourcesPairsEverythingWhenOneSourceStarts500MsLate() throws Exception {
    List<String> lines = Output.of(out ->
        CombineSources.lateSource(out, 20_000, Duration.ofMillis(500)));
    assertThat(lines).containsExactly("late source: pairs=20000 mismatched=0 unmatched=0");
  }

  @Test
  void orderedOutputLeavesInTheOrderTheIdsCameIn() throws Exception {
    List<String> lines = Output.of(out -> OrderedOutput.run(out, TICK));
    assertThat(Output.startingWith(lines, "save")).containsExactly(
        "save received id 0 -> user-0", "save received id 1 -> user-1",
        "save received id 2 -> user-2", "save received id 3 -> user-3",
        "save received id 4 -> user-4");
    assertThat(Output.startingWith(lines, "lookup")).hasSize(5);
    assertThat(lines).containsSubsequence("lookup finished 0", "save received id 0 -> user-0");
  }

  @Test
  void routeByConditionSendsEachOrderWhereItsConditionHolds() throws Exception {
    List<String> lines = Output.of(RouteByCondition::run);
    assertThat(lines.subList(0, lines.size() - 1)).containsExactlyInAnyOrder(
        "review o1 (150.00)", "ship o2 (20.00)", "ship o3 (99.00)",
        "audit o1", "audit o2", "audit o3");
    assertThat(lines.getLast()).isEqualTo("in: review=1 ship=2 audit=3");
  }

  @Test
  void joinOrdersAndPaymentsMatchesByOrderIdAndCountsTheUnpaidOrder() throws Exception {
    List<String> lines = Output.of(out -> JoinOrdersAndPayments.run(out, TICK));
    assertThat(lines.subList(0, 3)).containsExactlyInAnyOrder(
        "o1 paid 12.50 by card", "o2 paid 99.90 by card", "o3 paid 7.00 by cash");
    assertThat(lines).containsExactly(lines.get(0), lines.get(1), lines.get(2),
        "paid: in=7 calls=3 unmatched=1");
  }

  // ---- policies ----

  @Test
  void retryingDeliversOnlyTheSucceedingAttemptAndCountsRetries() throws Exception {
    List<String> lines = Output.of(out -> Retrying.run(out, TICK));
    assertThat(Output.startingWith(lines, "page 1")).containsExactly(
        "page 1 attempt 1", "page 1 attempt 2", "page 1 attempt 3");
    assertThat(Output.startingWith(lines, "page 3")).containsExactly("page 3 attempt 1");
    assertThat(Output.startingWith(lines, "saved")).containsExactlyInAnyOrder(
        "saved page 1 (attempt 3)", "saved page 2 (attempt 3)");
    assertThat(Output.startingWith(lines, "ERROR")).containsExactly(
        "ERROR:Exception in node 'fetch' on item 3");
    assertThat(lines.getLast()).isEqualTo("fetch: calls=3 retries=4 err=1");
  }

  @Test
  void callTimeoutInterruptsAHangingCallAndRetriesIt() throws Exception {
    List<String> lines = Output.of(out -> CallTimeout.run(out, Duration.ofMillis(20)));
    assertThat(lines).hasSize(4);
    assertThat(lines.subList(0, 2)).containsExactlyInAnyOrder("found alpha", "found beta");
    assertThat(lines.get(2)).isEqualTo("black-hole failed after 2 attempts: "
        + "java.util.concurrent.TimeoutException: A call of node 'lookup' took longer than its "
        + "timeout of PT0.1S and was interrupted");
    assertThat(lines.get(3)).isEqualTo("lookup: calls=3 retries=2 err=1");
  }

  @Test
  void rateLimitingSpacesCallsAcrossWorkers() throws Exception {
    assertThat(Output.of(out -> RateLimiting.run(out, TICK))).containsExactly(
        "requests: 10", "at least 9 intervals apart in total: true");
  }

  @Test
  void deadLettersGetEveryItemThatFailedForGood() throws Exception {
    List<String> lines = Output.of(DeadLetters::run);
    assertThat(Output.startingWith(lines, "ERROR")).containsExactly(
        "ERROR:Exception in node 'parse' on item two",
        "ERROR:Exception in node 'parse' on item four");
    assertThat(Output.startingWith(lines, "dead letter")).containsExactly(
        "dead letter from parse: \"two\" after 1 attempt(s): "
            + "java.lang.NumberFormatException: For input string: \"two\"",
        "dead letter from parse: \"four\" after 1 attempt(s): "
            + "java.lang.NumberFormatException: For input string: \"four\"");
    assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly(
        "sum: 4", "parse err=2, deadLetters in=2");
  }

  @Test
  void failedItemsAreNamedInTheLogAndKeptWithTheirFailures() throws Exception {
    assertThat(Output.of(FailedItems::run)).containsExactly(
        "ERROR:Exception in node 'fetch' on item http://down.example/b",
        "    java.net.ConnectException: Connection refused",
        "ERROR:Exception in node 'fetch' on item http://down.example/c",
        "    java.net.ConnectException: Connection refused",
        "to retry: http://down.example/b (java.net.ConnectException: Connection refused)",
        "to retry: http://down.example/c (java.net.ConnectException: Connection refused)");
  }

  @Test
  void errorBudgetTimeLimitAndCancelEachSayWhyTheRunHalted() throws Exception {
    assertThat(Output.of(out -> ErrorBudget.run(out, TICK))).containsExactly(
        "error budget: halted by check, reason ERROR_BUDGET, err=3",
        "time limit: reason TIME_LIMIT, every item accounted for: true",
        "cancel: reason CANCELLED, every item accounted for: true");
  }
}
