package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.DeadLetter;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import java.io.PrintStream;
import java.util.List;

/**
 * Dead letters: an error edge from {@code parse} to {@code deadLetters} routes every item
 * whose call failed for good, as a {@link DeadLetter} (node, item, error, attempts), instead of
 * only logging it. {@code parse} counts them as {@code err}, {@code deadLetters} as {@code in}.
 *
 * <pre>
 * ERROR:Exception in node 'parse' on item two
 *     java.lang.NumberFormatException: For input string: "two"
 * dead letter from parse: "two" after 1 attempt(s): java.lang.NumberFormatException: For input string: "two"
 * ...
 * sum: 4
 * parse err=2, deadLetters in=2
 * </pre>
 */
public final class DeadLetters {
  private DeadLetters() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    run(System.out);
  }

  static void parse(String text, Emitter<Integer> out) throws InterruptedException {
    out.emit(Integer.parseInt(text));
  }

  static void run(PrintStream out) throws InterruptedException {
    int[] sum = {0};
    AsyncGraph graph = new AsyncGraph();
    var lines = graph.addNode("lines", (Emitter<String> emit) -> {
      for (String line : List.of("1", "two", "3", "four")) {
        emit.emit(line);
      }
    });
    var parse = graph.addNode(DeadLetters::parse);
    var add = graph.addNode("add", (Integer n, Emitter<Void> emit) -> sum[0] += n);
    var deadLetters = graph.addNode("deadLetters", (DeadLetter<String> d, Emitter<Void> emit) ->
        out.println("dead letter from " + d.node() + ": \"" + d.item() + "\" after "
            + d.attempts() + " attempt(s): " + d.error()));
    graph.addEdge(lines, parse);
    graph.addEdge(parse, add);
    graph.addErrorEdge(parse, deadLetters);

    ExecutionResult result =
        AsyncExecutor.builder(graph).logger(new PrintStreamLogger(out)).build().execute();
    out.println("sum: " + sum[0]);
    out.println("parse err=" + result.stats().get("parse").err() + ", deadLetters in="
        + result.stats().get("deadLetters").in());
  }
}
