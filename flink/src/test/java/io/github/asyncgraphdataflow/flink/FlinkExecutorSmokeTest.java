package io.github.asyncgraphdataflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeStats;
import java.util.UUID;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlinkExecutorSmokeTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.extension();

  static AsyncGraph chain(String run) {
    AsyncGraph g = new AsyncGraph();
    g.addNode("numbers", (Emitter<Integer> out) -> {
      for (int i = 0; i < 100; i++) {
        out.emit(i);
      }
    });
    g.addNode("double", (Integer x, Emitter<Integer> out) -> {
      if (x % 10 == 3) {
        throw new IllegalStateException("no " + x);
      }
      out.emit(2 * x);
    });
    g.addNode("keep", (Integer x, Emitter<Void> out) -> TestCluster.sink(run).add(x));
    g.addEdge("numbers", "double");
    g.addEdge("double", "keep");
    return g;
  }

  @Test
  void runsAChain() throws Exception {
    String run = UUID.randomUUID().toString();
    ExecutionResult r = FlinkExecutor.builder(() -> chain(run)).environment(TestCluster.env(2))
        .build().execute();
    assertThat(r.stats().get("numbers")).isEqualTo(new NodeStats(0, 100, 0, 0, 0, 0, 0, 0));
    assertThat(r.stats().get("double")).isEqualTo(new NodeStats(100, 90, 10, 0, 100, 0, 0, 0));
    assertThat(r.stats().get("keep").in()).isEqualTo(90);
    assertThat(TestCluster.received(run)).hasSize(90);
    assertThat(r.exceptions().get("double")).hasSize(10)
        .allSatisfy(t -> assertThat(((NodeFailure) t).exceptionClassName())
            .isEqualTo(IllegalStateException.class.getName()));
    assertThat(r.halted()).isFalse();
  }
}
