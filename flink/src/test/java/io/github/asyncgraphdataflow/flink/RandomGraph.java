package io.github.asyncgraphdataflow.flink;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.queue.BatchingQueue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random graph as plain data (like core's reliability GraphSpec, smaller): node {@code i} is
 * {@code n<i>}, edges go from lower to higher indexes. Every decision about an item (fail,
 * filter, emit an exception, fan out) follows from the seed, the node and the item's value,
 * never from order or time, so the local executor and Flink must agree on every count.
 *
 * @param seed the seed
 * @param nodes per node settings
 * @param edges the edges, {@code {from, to}}
 */
record RandomGraph(long seed, List<Node> nodes, List<int[]> edges) implements Serializable {

  /**
   * One node.
   *
   * @param maxTasks workers (and concurrent calls per Flink subtask)
   * @param parallelism Flink subtasks
   * @param items what it emits as a start node
   * @param failPerMille chance per item of a failed call
   * @param filterPerMille chance per item of emitting nothing
   * @param throwPerMille chance per item of emitting an exception (an error, not passed on)
   * @param batch batch size of a BatchingQueue, or 0
   */
  record Node(int maxTasks, int parallelism, int items, int failPerMille, int filterPerMille,
      int throwPerMille, int batch) implements Serializable {}

  static RandomGraph random(long seed) {
    Random r = new Random(seed);
    int n = 2 + r.nextInt(8);
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new Node(1 + r.nextInt(4), 1 + r.nextInt(2), r.nextInt(300),
          r.nextInt(4) == 0 ? r.nextInt(200) : 0, r.nextInt(3) == 0 ? r.nextInt(300) : 0,
          r.nextInt(5) == 0 ? r.nextInt(100) : 0, r.nextInt(6) == 0 ? 1 + r.nextInt(20) : 0));
    }
    List<int[]> edges = new ArrayList<>();
    for (int to = 1; to < n; to++) {
      for (int from = 0; from < to; from++) {
        if (r.nextInt(3) == 0) {
          edges.add(new int[] {from, to});
        }
      }
    }
    return new RandomGraph(seed, nodes, edges);
  }

  @Override
  public String toString() {
    return "RandomGraph[seed=" + seed + ", nodes=" + nodes + ", edges="
        + edges.stream().map(e -> "n" + e[0] + "->n" + e[1]).toList() + "]";
  }

  static String name(int i) {
    return "n" + i;
  }

  boolean isStart(int i) {
    return edges.stream().noneMatch(e -> e[1] == i);
  }

  boolean isSink(int i) {
    return edges.stream().noneMatch(e -> e[0] == i);
  }

  /** Builds the graph; sinks record what they receive under {@code run + "|" + node}. */
  AsyncGraph build(String run) {
    AsyncGraph g = new AsyncGraph();
    for (int i = 0; i < nodes.size(); i++) {
      Node spec = nodes.get(i);
      int v = i;
      boolean sink = isSink(i);
      String key = run + "|" + name(i);
      NodeOptions.Builder options = NodeOptions.builder().name(name(i)).maxTasks(spec.maxTasks());
      if (isStart(i)) {
        g.addNode((Emitter<Long> out) -> {
          for (long k = 0; k < spec.items(); k++) {
            out.emit(k);
          }
        }, options.build());
      } else if (spec.batch() > 0) {
        options.queue(() -> new BatchingQueue<Long>(spec.batch()));
        g.addNode((Object batch, Emitter<Long> out) -> {
          for (Object x : (List<?>) batch) {
            try {
              step(v, spec, (Long) x, sink, key, out);
            } catch (IllegalStateException e) {
              emitFailure(out, e); // per item, so the counts do not depend on batch make-up
            }
          }
        }, options.build());
      } else {
        g.addNode((Long x, Emitter<Long> out) -> step(v, spec, x, sink, key, out),
            options.build());
      }
    }
    edges.forEach(e -> g.addEdge(name(e[0]), name(e[1])));
    return g;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void emitFailure(Emitter<Long> out, Throwable t) throws InterruptedException {
    ((Emitter) out).emit(t);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void step(int v, Node spec, long x, boolean sink, String key, Emitter<Long> out)
      throws InterruptedException {
    if (sink) {
      TestCluster.sink(key).add(x);
    }
    long h = mix(seed, v, x);
    if (Math.floorMod(h, 1000) < spec.failPerMille()) {
      throw new IllegalStateException("n" + v + " fails on " + x);
    }
    if (Math.floorMod(h >>> 10, 1000) < spec.throwPerMille()) {
      // an emitted exception: counted as an error of this node, not passed on
      ((Emitter) out).emit(new IllegalArgumentException("n" + v + " emits a failure for " + x));
      return;
    }
    if (Math.floorMod(h >>> 20, 1000) < spec.filterPerMille()) {
      return;
    }
    out.emit(x * 31 + v);
  }

  static long mix(long seed, int v, long x) {
    long z = seed * 0x9E3779B97F4A7C15L + v * 0xBF58476D1CE4E5B9L + x * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
