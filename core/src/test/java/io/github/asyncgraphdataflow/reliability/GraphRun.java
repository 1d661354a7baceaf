package io.github.asyncgraphdataflow.reliability;

import io.github.asyncgraphdataflow.RecordingThreadFactory;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.DeadLetter;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeFunction;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.Retry;
import io.github.asyncgraphdataflow.SourceFunction;
import io.github.asyncgraphdataflow.queue.FifoQueue;
import io.github.asyncgraphdataflow.reliability.GraphSpec.EdgeSpec;
import io.github.asyncgraphdataflow.reliability.GraphSpec.NodeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Builds a {@link GraphSpec} into a real graph whose node functions keep their own counters
 * ({@link Probe}), independent of the library's statistics, and runs it once.
 */
final class GraphRun {
  /** The item type flowing through the test graphs: who emitted it, and a value. */
  record Item(int origin, long value) {}

  /** A node's deliberate failure, numbered in the order the node created them (from 1). */
  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int node;
    final long seq;

    Boom(int node, long seq) {
      super("boom n" + node + " #" + seq, null, false, false);
      this.node = node;
      this.seq = seq;
    }
  }

  /** A transient failure of an attempt, which the node's retry policy retries. */
  static final class Transient extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int node;

    Transient(int node) {
      super("transient n" + node, null, false, false);
      this.node = node;
    }
  }

  /** What one node's function observed, counted by the function itself. */
  static final class Probe {
    final AtomicLong startCalls = new AtomicLong();
    final AtomicLong calls = new AtomicLong();
    final AtomicLongArray receivedFrom;
    final AtomicLongArray receivedSumFrom;
    /** Dead letters received, by the node they came from (along an error edge). */
    final AtomicLongArray deadLettersFrom;
    /** Transient failures thrown (each retried unless a halt made it final). */
    final AtomicLong transients = new AtomicLong();
    /**
     * Attempts per input item object (equal items may arrive more than once; a retry passes
     * the very same object), or per start call, to fail the first ones transiently.
     */
    final Map<Object, AtomicInteger> attempts =
        Collections.synchronizedMap(new IdentityHashMap<>());
    final AtomicLong emitAttempts = new AtomicLong();
    final AtomicLong emitReturned = new AtomicLong();
    /** Emits of attempts that then fail transiently: held, and dropped unless a halt ends the retry. */
    final AtomicLong heldEmitAttempts = new AtomicLong();
    final AtomicLong emittedSum = new AtomicLong();
    /** Per destination: items whose emit returned and that pass that edge's condition. */
    final AtomicLongArray passedTo;
    final AtomicLongArray passedSumTo;
    /** Per destination: items an emit was attempted for that pass that edge's condition. */
    final AtomicLongArray attemptsPassingTo;
    final AtomicLong booms = new AtomicLong();
    final AtomicLong thrown = new AtomicLong();
    final AtomicLong throwablesEmitted = new AtomicLong();
    /** Throwables given to emit, including any whose emit then threw (a halt). */
    final AtomicLong throwableEmitAttempts = new AtomicLong();
    /** Highest sequence number taken just before an emit that then returned normally. */
    final AtomicLong lastNormalEmitStart = new AtomicLong(-1);

    Probe(int nodes) {
      receivedFrom = new AtomicLongArray(nodes);
      receivedSumFrom = new AtomicLongArray(nodes);
      passedTo = new AtomicLongArray(nodes);
      passedSumTo = new AtomicLongArray(nodes);
      attemptsPassingTo = new AtomicLongArray(nodes);
      deadLettersFrom = new AtomicLongArray(nodes);
    }

    long received() {
      long sum = 0;
      for (int i = 0; i < receivedFrom.length(); i++) {
        sum += receivedFrom.get(i) + deadLettersFrom.get(i);
      }
      return sum;
    }

    /** This attempt's number for the input (1 for the first). */
    int attempt(Object input) {
      return attempts.computeIfAbsent(input, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  final GraphSpec spec;
  final AtomicLong sequence = new AtomicLong();
  final RecordingLogger logger = new RecordingLogger(sequence);
  final RecordingThreadFactory threads;
  final Probe[] probes;
  final AsyncGraph graph;
  final AsyncExecutor executor;

  GraphRun(GraphSpec spec) {
    this.spec = spec;
    int n = spec.nodes().size();
    this.probes = new Probe[n];
    for (int i = 0; i < n; i++) {
      probes[i] = new Probe(n);
    }
    this.threads = spec.platformThreads()
        ? RecordingThreadFactory.platform()
        : RecordingThreadFactory.virtual();
    this.graph = build();
    this.executor = AsyncExecutor.builder(graph)
        .logger(logger)
        .maxExceptions(spec.maxExceptions())
        .threadFactory(threads)
        .build();
  }

  ExecutionResult execute() {
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> executor.execute(),
        () -> "execute did not return within 60 s for\n" + spec);
  }

  private AsyncGraph build() {
    AsyncGraph g = new AsyncGraph(spec.halt() == GraphSpec.Halt.GRAPH);
    Set<Integer> added = new HashSet<>();
    List<EdgeSpec> pending = new ArrayList<>(spec.edges());
    for (int v : spec.nodeOrder()) {
      addNode(g, v);
      added.add(v);
      if (spec.eagerEdges()) {
        pending.removeIf(e -> {
          if (added.contains(e.from()) && added.contains(e.to())) {
            addEdge(g, e);
            return true;
          }
          return false;
        });
      }
    }
    pending.forEach(e -> addEdge(g, e));
    spec.errorEdges().forEach(e ->
        g.addErrorEdge(GraphSpec.name(e.from()), GraphSpec.name(e.to())));
    return g;
  }

  private void addEdge(AsyncGraph g, EdgeSpec e) {
    if (spec.condition(e.from(), e.to()) < 0) {
      g.addEdge(GraphSpec.name(e.from()), GraphSpec.name(e.to()));
    } else {
      g.addEdge(GraphSpec.name(e.from()), GraphSpec.name(e.to()),
          item -> spec.passes(e.from(), e.to(), ((Item) item).value()));
    }
  }

  private void addNode(AsyncGraph g, int v) {
    NodeSpec ns = spec.nodes().get(v);
    NodeOptions.Builder builder = NodeOptions.builder()
        .name(GraphSpec.name(v))
        .maxTasks(ns.maxTasks())
        .queueSize(ns.queueSize())
        .haltOnException(spec.halt() == GraphSpec.Halt.SOME_NODES && ns.halts())
        .ordered(spec.ordered(v));
    if (ns.customQueue()) {
      builder.queue(() -> new FifoQueue<Object>(ns.queueSize()));
    }
    GraphSpec.PolicySpec ps = spec.policy(v);
    if (ps.attempts() > 1) {
      builder.retry(Retry.of(ps.attempts()).backoff(Duration.ofNanos(ps.backoffNanos()))
          .retryIf(t -> t instanceof Transient));
    }
    if (ps.timeout()) {
      builder.timeout(Duration.ofSeconds(30));
    }
    NodeOptions options = builder.build();
    Probe probe = probes[v];
    if (spec.isStart(v)) {
      SourceFunction<Object> source = out -> {
        int attempt = probe.attempt(probe);
        if (attempt == 1) {
          probe.startCalls.incrementAndGet();
        }
        if (attempt <= transientFailures(v, -1)) {
          for (int k = 0; k < ns.items(); k++) {
            probe.heldEmitAttempts.incrementAndGet();
            out.emit(new Item(v, mix(v + 1_000, mix(v, k))));  // held, then dropped
          }
          throw transientFailure(v);
        }
        for (int k = 0; k < ns.items(); k++) {
          step(v, mix(v, k), out);
        }
      };
      g.addNode(source, options);
    } else {
      NodeFunction<Object, Object> function = (input, out) -> {
        long value;
        int attempt = probe.attempt(input);
        if (input instanceof DeadLetter<?> letter) {
          int from = Integer.parseInt(letter.node().substring(1));
          value = letter.item() instanceof Item i ? mix(i.value(), 77) : mix(from, 78);
          if (attempt == 1) {
            probe.calls.incrementAndGet();
            probe.deadLettersFrom.incrementAndGet(from);
          }
        } else {
          Item item = (Item) input;
          value = item.value();
          if (attempt == 1) {
            probe.calls.incrementAndGet();
            probe.receivedFrom.incrementAndGet(item.origin());
            probe.receivedSumFrom.addAndGet(item.origin(), item.value());
          }
        }
        if (attempt <= transientFailures(v, value)) {
          probe.heldEmitAttempts.incrementAndGet();
          out.emit(new Item(v, mix(v + 1_000, value)));  // held, then dropped
          throw transientFailure(v);
        }
        step(v, value, out);
      };
      g.addNode(function, options);
    }
  }

  /** How many first attempts of this item (value -1: the start call) fail transiently. */
  private int transientFailures(int v, long value) {
    GraphSpec.PolicySpec ps = spec.policy(v);
    if (ps.attempts() < 2 || Math.floorMod(mix(v + 2_000, value), 1000) >= ps.transientPerMille()) {
      return 0;
    }
    return 1 + (int) Math.floorMod(mix(v + 3_000, value), (long) ps.attempts() - 1);
  }

  private Transient transientFailure(int v) {
    probes[v].transients.incrementAndGet();
    return new Transient(v);
  }

  /** One item's work at node v: maybe sleep, maybe drop it, maybe fail, else pass it on. */
  private void step(int v, long value, Emitter<Object> out) throws InterruptedException {
    NodeSpec ns = spec.nodes().get(v);
    long h = mix(v, value);
    if (ns.delayEvery() > 0 && Math.floorMod(h, ns.delayEvery()) == 0) {
      Thread.sleep(Duration.ofNanos(50_000 + Math.floorMod(h >>> 8, 200_000)));  // simulated I/O
    }
    if (Math.floorMod(h >>> 16, 1000) < ns.filterPerMille()) {
      return;
    }
    long next = mix(v + 1_000, value);
    if (Math.floorMod(h >>> 32, 1000) >= ns.failPerMille()) {
      emit(v, next, out);
      return;
    }
    switch (Math.floorMod(h >>> 44, 3)) {
      case 0 -> throw boom(v);
      case 1 -> {
        emitThrowable(v, out);
        emit(v, next, out);
      }
      default -> {
        emit(v, next, out);
        throw boom(v);
      }
    }
  }

  private Boom boom(int v) {
    probes[v].thrown.incrementAndGet();
    return new Boom(v, probes[v].booms.incrementAndGet());
  }

  private void emit(int v, long value, Emitter<Object> out) throws InterruptedException {
    Probe p = probes[v];
    long start = sequence.incrementAndGet();
    p.emitAttempts.incrementAndGet();
    List<Integer> passing = new ArrayList<>();
    for (EdgeSpec e : spec.edges()) {
      if (e.from() == v && spec.passes(v, e.to(), value)) {
        passing.add(e.to());
        p.attemptsPassingTo.incrementAndGet(e.to());
      }
    }
    out.emit(new Item(v, value));   // GraphHaltedException or InterruptedException propagate
    p.emitReturned.incrementAndGet();
    p.emittedSum.addAndGet(value);
    for (int to : passing) {
      p.passedTo.incrementAndGet(to);
      p.passedSumTo.addAndGet(to, value);
    }
    p.lastNormalEmitStart.accumulateAndGet(start, Math::max);
  }

  private void emitThrowable(int v, Emitter<Object> out) throws InterruptedException {
    Probe p = probes[v];
    long start = sequence.incrementAndGet();
    Boom b = new Boom(v, p.booms.incrementAndGet());
    p.throwableEmitAttempts.incrementAndGet();
    out.emit(b);   // counted as an error of this node; GraphHaltedException propagates
    p.throwablesEmitted.incrementAndGet();
    p.lastNormalEmitStart.accumulateAndGet(start, Math::max);
  }

  private long mix(long a, long b) {
    long x = spec.seed() ^ (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
    x ^= x >>> 33;
    x *= 0xFF51AFD7ED558CCDL;
    x ^= x >>> 33;
    x *= 0xC4CEB9FE1A85EC53L;
    x ^= x >>> 33;
    return x;
  }
}
