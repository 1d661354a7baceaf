package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import io.github.asyncgraphdataflow.queue.JoinQueue;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A join across incoming edges (the original's issue #13): {@code paid} receives an order and
 * its payment together, matched by order id, from two sources that run at their own pace and in
 * their own order. Its {@link JoinQueue} holds at most {@code capacityPerSource} unmatched items
 * per source; an order that never gets a payment is counted as {@code discarded} at the end.
 *
 * <pre>
 * o1 paid 12.50 by card
 * o3 paid 7.00 by cash
 * o2 paid 99.90 by card
 * paid: in=7 calls=3 unmatched=1
 * </pre>
 * The joined lines come in the order the pairs complete: here as the payments arrive.
 */
public final class JoinOrdersAndPayments {
  private JoinOrdersAndPayments() {}

  /** An order. */
  record Order(String id, long cents) {}

  /** A payment for an order. */
  record Payment(String orderId, String method) {}

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
    var orders = graph.addNode("orders", (Emitter<Order> emit) -> {
      emit.emit(new Order("o1", 12_50));
      emit.emit(new Order("o2", 99_90));
      emit.emit(new Order("o3", 7_00));
      emit.emit(new Order("o4", 1_00));   // never paid
    });
    var payments = graph.addNode("payments", (Emitter<Payment> emit) -> {
      Pace.sleep(tick, 2);   // payments come later, in their own order
      emit.emit(new Payment("o1", "card"));
      emit.emit(new Payment("o3", "cash"));
      emit.emit(new Payment("o2", "card"));
    });
    var paid = graph.addNode((Order order, Payment payment, Emitter<Void> emit) ->
        out.printf(java.util.Locale.ROOT, "%s paid %d.%02d by %s%n", order.id(),
            order.cents() / 100, order.cents() % 100, payment.method()),
        NodeOptions.builder().name("paid").queue(JoinQueue.<String>builder()
            .source("orders", Order::id)
            .source("payments", Payment::orderId)
            .capacityPerSource(100)::build).build());
    graph.addEdge(orders, paid);
    graph.addEdge(payments, paid);

    ExecutionResult result = new AsyncExecutor(graph).execute();
    NodeStats s = result.stats().get("paid");
    out.println("paid: in=" + s.in() + " calls=" + s.calls() + " unmatched=" + s.discarded());
  }
}
