package io.github.asyncgraphdataflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeStats;
import io.github.asyncgraphdataflow.reliability.GraphRun.Boom;
import io.github.asyncgraphdataflow.reliability.GraphRun.Probe;
import io.github.asyncgraphdataflow.reliability.GraphRun.Transient;
import io.github.asyncgraphdataflow.reliability.GraphSpec.EdgeSpec;
import io.github.asyncgraphdataflow.reliability.GraphSpec.Halt;
import io.github.asyncgraphdataflow.reliability.GraphSpec.NodeSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Invariants over random acyclic graphs: 1 to 30 nodes, random fan-out and fan-in, several
 * start nodes and isolated nodes, nodes and edges added in random order, 1 to 16 workers and
 * queues of 1 to 64 items per node (sometimes 1,024 to 2,048, which use the default queue's
 * lock-free stashes), random item counts, per-item failures, filters and short sleeps decided
 * by a seed, some nodes with ordered output and some edges with a condition. Every node function counts what it sees and does, independently of the library,
 * and after {@code execute} returns the two accounts must agree.
 */
class RandomGraphPropertiesTest {

  /**
   * Without halting, nothing is lost, duplicated or invented: along every edge the destination
   * received exactly what the source emitted (count and checksum), every received item was
   * given to the function, the library's {@code in/out/err} equal the functions' own counts,
   * nothing is discarded, the kept exceptions are the most recent ones oldest first, and no
   * worker thread is alive.
   */
  @Property(tries = 120)
  void everyItemIsDeliveredAndCountedWithoutHalting(@ForAll("graphsWithoutHalting") GraphSpec spec) {
    GraphRun run = new GraphRun(spec);
    ExecutionResult result = run.execute();
    Map<String, NodeStats> stats = result.stats();

    assertThat(result.halted()).as("halted").isFalse();
    assertNoThreadAlive(run);
    assertStatsMatchExecutor(run, result);
    for (int v = 0; v < spec.nodes().size(); v++) {
      Probe p = run.probes[v];
      NodeStats s = stats.get(GraphSpec.name(v));
      String node = GraphSpec.name(v);
      assertThat(s.discarded()).as("%s discarded", node).isZero();
      assertThat(s.out()).as("%s out", node).isEqualTo(p.emitReturned.get());
      assertThat(p.emitAttempts.get()).as("%s emits that threw", node)
          .isEqualTo(p.emitReturned.get());
      assertThat(s.err()).as("%s err", node).isEqualTo(p.thrown.get() + p.throwablesEmitted.get());
      assertThat(s.retries()).as("%s retries == transient failures", node)
          .isEqualTo(p.transients.get());
      assertThat(s.in()).as("%s in", node).isEqualTo(p.calls.get());
      for (int u : spec.errorSourcesOf(v)) {
        Probe source = run.probes[u];
        assertThat(p.deadLettersFrom.get(u)).as("dead letters along n%d-x->%s", u, node)
            .isEqualTo(source.thrown.get() + source.throwablesEmitted.get());
      }
      assertThat(p.startCalls.get()).as("%s start calls", node).isEqualTo(spec.isStart(v) ? 1 : 0);
      for (int u = 0; u < spec.nodes().size(); u++) {
        boolean edge = spec.edges().contains(new EdgeSpec(u, v));
        assertThat(p.receivedFrom.get(u)).as("items along n%d->%s", u, node)
            .isEqualTo(edge ? run.probes[u].passedTo.get(v) : 0);
        assertThat(p.receivedSumFrom.get(u)).as("checksum along n%d->%s", u, node)
            .isEqualTo(edge ? run.probes[u].passedSumTo.get(v) : 0);
        if (edge && spec.condition(u, v) < 0) {
          assertThat(run.probes[u].passedTo.get(v)).as("n%d->%s has no condition", u, node)
              .isEqualTo(run.probes[u].emitReturned.get());
        }
      }
    }
    assertCommonInvariants(run, result);
  }

  /**
   * With halting on (graph-wide, or for some nodes): {@code execute} returns; if a node where
   * halting is on failed, the run halted, and it names such a node; no emit that began after
   * the halt was logged returned normally; every item that reached a node was either given to
   * its function or counted as discarded; what each node received still equals what its
   * sources emitted; the kept exceptions are the most recent ones, oldest first; no worker
   * thread is alive.
   */
  @Property(tries = 120)
  void haltingStopsEveryEmitterAndAccountsForEveryItem(@ForAll("graphsWithHalting") GraphSpec spec) {
    GraphRun run = new GraphRun(spec);
    ExecutionResult result = run.execute();
    Map<String, NodeStats> stats = result.stats();

    assertNoThreadAlive(run);
    assertStatsMatchExecutor(run, result);
    boolean haltingNodeFailed = IntStream.range(0, spec.nodes().size())
        .anyMatch(v -> spec.halts(v)
            && run.probes[v].thrown.get() + run.probes[v].throwablesEmitted.get() > 0);
    if (haltingNodeFailed) {
      assertThat(result.halted()).as("a node with halting on failed, so the run halted").isTrue();
    }
    if (result.halted()) {
      int by = Integer.parseInt(result.haltedBy().substring(1));
      assertThat(spec.halts(by)).as("halted by %s, which has halting on", result.haltedBy()).isTrue();
      assertThat(stats.get(result.haltedBy()).err()).as("err of %s", result.haltedBy()).isPositive();
      long haltSeq = run.logger.firstSeq("Graph execution halted");
      assertThat(haltSeq).as("the halt is logged").isPositive();
      for (int v = 0; v < spec.nodes().size(); v++) {
        assertThat(run.probes[v].lastNormalEmitStart.get())
            .as("n%d emitted after the halt was logged", v).isLessThan(haltSeq);
      }
    }
    for (int v = 0; v < spec.nodes().size(); v++) {
      Probe p = run.probes[v];
      NodeStats s = stats.get(GraphSpec.name(v));
      String node = GraphSpec.name(v);
      // a retried node holds its emits: one that returned may be dropped by the halt
      long leastOut = spec.policy(v).attempts() > 1 ? 0 : p.emitReturned.get();
      // a halt that ends the wait for another attempt lets the failed attempt's held emits go
      // on (counted as out here, as in and discarded where they were bound)
      assertThat(s.out()).as("%s out", node)
          .isBetween(leastOut, p.emitAttempts.get() + p.heldEmitAttempts.get());
      // an emitted throwable is counted, then its dead letter's hand-over may meet the halt
      assertThat(s.err()).as("%s err", node).isLessThanOrEqualTo(
          p.thrown.get() + p.throwableEmitAttempts.get() + p.transients.get());
      assertThat(s.retries()).as("%s retries", node).isLessThanOrEqualTo(p.transients.get());
      assertThat(s.in()).as("%s in == calls + discarded", node)
          .isEqualTo(p.calls.get() + s.discarded());
      assertThat(p.startCalls.get()).as("%s start calls", node)
          .isLessThanOrEqualTo(spec.isStart(v) ? 1 : 0);
      if (!result.halted()) {
        assertThat(s.discarded()).as("%s discarded without a halt", node).isZero();
        assertThat(s.out()).as("%s out", node).isEqualTo(p.emitReturned.get());
        assertThat(s.err()).as("%s err", node)
            .isEqualTo(p.thrown.get() + p.throwablesEmitted.get());
      }
    }
    assertCommonInvariants(run, result);
  }

  // ---- invariants shared by both properties ----

  private static void assertCommonInvariants(GraphRun run, ExecutionResult result) {
    GraphSpec spec = run.spec;
    Map<String, NodeStats> stats = result.stats();
    assertThat(stats.keySet()).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, spec.nodes().size()).mapToObj(GraphSpec::name).toList());
    for (int v = 0; v < spec.nodes().size(); v++) {
      String node = GraphSpec.name(v);
      NodeStats s = stats.get(node);
      Probe p = run.probes[v];
      List<Integer> sources = spec.sourcesOf(v);
      final int to = v;
      long fromErrorSources = spec.errorSourcesOf(v).stream()
          .mapToLong(u -> stats.get(GraphSpec.name(u)).err()).sum();
      if (sources.stream().allMatch(u -> spec.condition(u, to) < 0)) {
        long fromSources = sources.stream()
            .mapToLong(u -> stats.get(GraphSpec.name(u)).out()).sum();
        assertThat(s.in()).as("%s in == sum of its sources' out + its error sources' err", node)
            .isEqualTo(fromSources + fromErrorSources);
      } else {
        // along a conditional edge: the items that passed, among those the source counted out
        long returned = sources.stream().mapToLong(u -> run.probes[u].passedTo.get(to)).sum();
        // a retrying source holds an attempt's emits, which a halt may throw away unsent
        long leastReturned = sources.stream().filter(u -> spec.policy(u).attempts() <= 1)
            .mapToLong(u -> run.probes[u].passedTo.get(to)).sum();
        long attempted = sources.stream()
            .mapToLong(u -> run.probes[u].attemptsPassingTo.get(to)).sum();
        assertThat(s.in()).as("%s in == what passed its edges' conditions + dead letters", node)
            .isBetween(leastReturned + fromErrorSources, attempted + fromErrorSources);
        if (!result.halted()) {
          assertThat(s.in()).as("%s in == what passed its edges' conditions", node)
              .isEqualTo(returned + fromErrorSources);
        }
      }
      for (int u = 0; u < spec.nodes().size(); u++) {
        if (!spec.errorSourcesOf(v).contains(u)) {
          assertThat(p.deadLettersFrom.get(u)).as("%s dead letters from n%d", node, u).isZero();
        }
      }
      assertThat(p.received()).as("%s items received == calls", node).isEqualTo(p.calls.get());
      for (int u = 0; u < spec.nodes().size(); u++) {
        if (!spec.sourcesOf(v).contains(u)) {
          assertThat(p.receivedFrom.get(u)).as("%s received from non-source n%d", node, u).isZero();
        }
      }
      assertExceptions(run, result, v);
    }
  }

  /** At most maxExceptions, all this node's; for a single-worker node exactly the last ones. */
  private static void assertExceptions(GraphRun run, ExecutionResult result, int v) {
    String node = GraphSpec.name(v);
    long err = result.stats().get(node).err();
    List<Throwable> kept = result.exceptions().get(node);
    long expected = Math.min(err, run.spec.maxExceptions());
    assertThat(kept).as("%s exceptions", node).hasSize((int) expected)
        .allSatisfy(t -> assertThat(t).isInstanceOfAny(Boom.class, Transient.class)
            .satisfies(b -> assertThat(b instanceof Boom boom ? boom.node : ((Transient) b).node)
                .isEqualTo(v)))
        .doesNotHaveDuplicates();
    boolean oneWorker = run.spec.nodes().get(v).maxTasks() == 1 || run.spec.isStart(v);
    // a transient failure is kept only when a halt made it final; with retries, a Boom thrown
    // by an attempt that is retried takes a number but is not kept, so numbers have gaps
    if (oneWorker && run.spec.policy(v).attempts() < 2
        && kept.stream().allMatch(Boom.class::isInstance)) {
      List<Long> seqs = kept.stream().map(t -> ((Boom) t).seq).toList();
      assertThat(seqs).as("%s keeps the most recent exceptions, oldest first", node)
          .containsExactlyElementsOf(
              LongStream.rangeClosed(err - expected + 1, err).boxed().toList());
    }
  }

  private static void assertNoThreadAlive(GraphRun run) {
    assertThat(run.threads.threads()).as("worker threads").isNotEmpty()
        .allSatisfy(t -> assertThat(t.getName()).matches("agdf-n\\d+-\\d+|agdf-timeouts"));
    assertThat(run.threads.alive()).as("worker threads alive after execute returned").isEmpty();
  }

  private static void assertStatsMatchExecutor(GraphRun run, ExecutionResult result) {
    assertThat(run.executor.dataFlowStats()).isEqualTo(result.stats());
    assertThat(run.executor.exceptions()).isEqualTo(result.exceptions());
  }

  // ---- generators ----

  @Provide
  Arbitrary<GraphSpec> graphsWithoutHalting() {
    return graphs(Arbitraries.just(Halt.OFF));
  }

  @Provide
  Arbitrary<GraphSpec> graphsWithHalting() {
    return graphs(Arbitraries.of(Halt.GRAPH, Halt.SOME_NODES));
  }

  private static Arbitrary<GraphSpec> graphs(Arbitrary<Halt> halt) {
    return Arbitraries.integers().between(1, 30).flatMap(n -> Combinators.combine(
            nodeSpec().list().ofSize(n),
            edges(n),
            Arbitraries.shuffle(IntStream.range(0, n).boxed().toList()),
            Arbitraries.of(true, false),
            Arbitraries.longs(),
            Arbitraries.integers().between(1, 6),
            Arbitraries.of(false, false, false, true),
            halt)
        .as(GraphSpec::of)
        .map(GraphSpec::withinBudget)
        .flatMap(g -> Combinators.combine(policySpec().list().ofSize(n),
                edges(n).map(es -> es.subList(0, Math.min(es.size(), n / 2 + 1))))
            .as((policies, errorEdges) -> g.withPolicies(policies, errorEdges))));
  }

  /** Mostly no policy; else retries of transient failures, and a generous timeout. */
  private static Arbitrary<GraphSpec.PolicySpec> policySpec() {
    Arbitrary<GraphSpec.PolicySpec> some = Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(0, 500),
            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 200_000))),
            Arbitraries.of(false, true))
        .as(GraphSpec.PolicySpec::new);
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(GraphSpec.PolicySpec.NONE)), Tuple.of(1, some));
  }

  private static Arbitrary<NodeSpec> nodeSpec() {
    Arbitrary<Integer> tasks = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(1)), Tuple.of(1, Arbitraries.integers().between(2, 16)));
    Arbitrary<Integer> fail = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 300)));
    Arbitrary<Integer> filter = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 700)));
    Arbitrary<Integer> delay = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(5, 100)));
    // mostly 1-64, so back-pressure is exercised hard; sometimes large enough (1,024+) that
    // producers hand items over through the lock-free stashes of the default queue
    Arbitrary<Integer> queueSize = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(1, 64)),
        Tuple.of(1, Arbitraries.integers().between(1_024, 2_048)));
    return Combinators.combine(
            tasks,
            queueSize,
            Arbitraries.integers().between(0, 300),
            fail,
            filter,
            delay,
            Arbitraries.of(false, false, true),
            Arbitraries.of(false, false, false, true))
        .as(NodeSpec::new);
  }

  private static Arbitrary<List<EdgeSpec>> edges(int n) {
    if (n < 2) {
      return Arbitraries.just(List.of());
    }
    Arbitrary<Integer> index = Arbitraries.integers().between(0, n - 1);
    return Combinators.combine(index, index)
        .filter((a, b) -> !a.equals(b))
        .as((a, b) -> new EdgeSpec(Math.min(a, b), Math.max(a, b)))
        .list().uniqueElements().ofMaxSize(Math.min(2 * n, n * (n - 1) / 2));
  }
}
