package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import java.io.PrintStream;

/**
 * Conditions on edges (the original's issue #10): {@code orders} emits every order once; large
 * ones go to {@code review}, the others to {@code ship}, and every order to {@code audit}, which
 * has no condition. A destination counts as {@code in} only the items its edge let through.
 *
 * <pre>
 * ship o2 (20.00)
 * review o1 (150.00)
 * audit o1
 * ... (ship o3 and o2, review o1, audit o1 to o3; branches run concurrently)
 * in: review=1 ship=2 audit=3
 * </pre>
 */
public final class RouteByCondition {
  private RouteByCondition() {}

  /** An order. */
  record Order(String id, long cents) {
    String amount() {
      return String.format(java.util.Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }
  }

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
    var orders = graph.addNode("orders", (Emitter<Order> emit) -> {
      emit.emit(new Order("o1", 150_00));
      emit.emit(new Order("o2", 20_00));
      emit.emit(new Order("o3", 99_00));
    });
    var review = graph.addNode("review", (Order o, Emitter<Void> emit) ->
        out.println("review " + o.id() + " (" + o.amount() + ")"));
    var ship = graph.addNode("ship", (Order o, Emitter<Void> emit) ->
        out.println("ship " + o.id() + " (" + o.amount() + ")"));
    var audit = graph.addNode("audit", (Order o, Emitter<Void> emit) ->
        out.println("audit " + o.id()));
    graph.addEdge(orders, review, o -> o.cents() >= 100_00);
    graph.addEdge(orders, ship, o -> o.cents() < 100_00);
    graph.addEdge(orders, audit);

    ExecutionResult result = new AsyncExecutor(graph).execute();
    out.println("in: review=" + result.stats().get("review").in()
        + " ship=" + result.stats().get("ship").in()
        + " audit=" + result.stats().get("audit").in());
  }
}
