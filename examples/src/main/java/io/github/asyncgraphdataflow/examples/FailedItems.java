package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.Failure;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.PrintStream;
import java.net.ConnectException;
import java.util.List;

/**
 * Failures traceable to their item: a crawler whose server went down. Every ERROR line names
 * the URL that failed (its {@code toString}, at most 200 characters), and after the run
 * {@link ExecutionResult#failures()} lists, per node, each kept failure with its item, so the
 * program can write the URLs to retry later, without an error edge.
 *
 * <pre>
 * ERROR:Exception in node 'fetch' on item http://down.example/b
 *     java.net.ConnectException: Connection refused
 * ERROR:Exception in node 'fetch' on item http://down.example/c
 *     java.net.ConnectException: Connection refused
 * to retry: http://down.example/b (java.net.ConnectException: Connection refused)
 * to retry: http://down.example/c (java.net.ConnectException: Connection refused)
 * </pre>
 */
public final class FailedItems {
  private FailedItems() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    run(System.out);
  }

  static void run(PrintStream out) throws InterruptedException {
    AsyncGraph graph = new AsyncGraph();
    var urls = graph.addNode("urls", (Emitter<String> emit) -> {
      for (String url : List.of("http://up.example/a", "http://down.example/b",
          "http://down.example/c")) {
        emit.emit(url);
      }
    });
    var fetch = graph.addNode((String url, Emitter<String> emit) -> {
      if (url.contains("down")) {
        throw new ConnectException("Connection refused");
      }
      emit.emit(url);
    }, NodeOptions.builder().name("fetch").build());
    graph.addEdge(urls, fetch);

    ExecutionResult result =
        AsyncExecutor.builder(graph).logger(new PrintStreamLogger(out)).build().execute();
    for (Failure f : result.failures().get("fetch")) {
      out.println("to retry: " + f.item() + " (" + f.error() + ")");
    }
  }
}
