package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.DataFlowLogging;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

/**
 * Data-flow statistics and logging: every 3 ticks, and once more at the end, one line per node
 * of {@code transform} and {@code load} with how many items went in, came out and failed.
 * Afterwards the same numbers are read from {@link AsyncExecutor#dataFlowStats()}.
 *
 * <pre>
 * Graph: {extract=[transform], transform=[load], load=[]}
 * Transformer received: hello
 * Data in Load: Hello
 * INFO: transform - in=1, out=1, err=0
 * INFO: load - in=1, out=1, err=0
 * ... (twice more hello, and the periodic lines, as time goes by)
 * INFO: transform - in=3, out=3, err=0
 * INFO: load - in=3, out=3, err=0
 * Statistics: {extract=NodeStats[in=0, out=3, err=0, discarded=0, calls=0, ...], ...}
 * </pre>
 */
public final class DataFlowStatistics {
  private DataFlowStatistics() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    run(System.out, Pace.DEFAULT_TICK);
  }

  static void run(PrintStream out, Duration tick) throws InterruptedException {
    AsyncGraph graph = new AsyncGraph();
    var extract = graph.addNode("extract", (Emitter<String> emit) -> {
      for (int i = 0; i < 3; i++) {
        Pace.sleep(tick, 3);
        emit.emit("hello");
      }
    });
    var transform = graph.addNode("transform", (String data, Emitter<String> emit) -> {
      out.println("Transformer received: " + data);
      emit.emit(Pace.title(data));
    });
    var load = graph.addNode("load", (String data, Emitter<Object> emit) -> {
      out.println("Data in Load: " + data);
      emit.emit(null);
    });
    graph.addEdge(extract, transform);
    graph.addEdge(transform, load);

    out.println("Graph: " + graph.nodesToEdges());
    AsyncExecutor executor = new AsyncExecutor(graph);
    executor.turnOnDataFlowLogging(DataFlowLogging.builder()
        .timeInterval(tick.multipliedBy(3))
        .nodeFilter(Set.of("transform", "load"))
        .logger(new PrintStreamLogger(out))
        .build());
    executor.execute();
    out.println("Statistics: " + executor.dataFlowStats());
  }
}
