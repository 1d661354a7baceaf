package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The README's quickstart, compiled and run. */
class QuickstartTest {

  // @start region="quickstart"
  record Order(String id, String customer, long cents) {}

  static final ConcurrentLinkedQueue<String> WAREHOUSE = new ConcurrentLinkedQueue<>();

  static void extract(Emitter<String> out) throws InterruptedException {
    for (String line : List.of("o1,ada,1250", "o2,bob,oops", "o3,cyd,990")) {
      out.emit(line);                                   // one item per line, like `yield`
    }
  }

  static void transform(String line, Emitter<Order> out) throws InterruptedException {
    String[] f = line.split(",");
    out.emit(new Order(f[0], f[1], Long.parseLong(f[2]))); // "oops" throws: counted, logged
  }

  static void load(Order order, Emitter<Void> out) {
    WAREHOUSE.add(order.id() + " " + order.customer() + " " + order.cents());
  }

  static ExecutionResult runEtl() throws InterruptedException {
    AsyncGraph graph = new AsyncGraph();
    var extract = graph.addNode(QuickstartTest::extract);                // node "extract"
    var transform = graph.addNode(QuickstartTest::transform,
        NodeOptions.builder().maxTasks(4).build());                     // 4 concurrent workers
    var load = graph.addNode(QuickstartTest::load);
    graph.addEdge(extract, transform);                                   // typed: String -> String
    graph.addEdge(transform, load);                                      // Order -> Order
    return new AsyncExecutor(graph).execute();
  }
  // @end

  @Test
  void quickstartRunsTheEtlGraph() throws InterruptedException {
    WAREHOUSE.clear();
    ExecutionResult result = runEtl();
    assertThat(WAREHOUSE).containsExactlyInAnyOrder("o1 ada 1250", "o3 cyd 990");
    assertThat(result.stats().get("extract")).isEqualTo(TestStats.done(0, 3, 0, 0));
    assertThat(result.stats().get("transform")).isEqualTo(TestStats.done(3, 2, 1, 0));
    assertThat(result.stats().get("load")).isEqualTo(TestStats.done(2, 0, 0, 0));
    assertThat(result.exceptions().get("transform")).singleElement()
        .isInstanceOf(NumberFormatException.class);
    assertThat(result.halted()).isFalse();
  }
}
