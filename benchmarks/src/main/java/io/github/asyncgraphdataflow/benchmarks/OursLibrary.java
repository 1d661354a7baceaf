package io.github.asyncgraphdataflow.benchmarks;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.Node;
import io.github.asyncgraphdataflow.NodeOptions;

/**
 * W1-W4 in this library: one node per stage, default queues of 10,000 items, the
 * middle node of W3 sleeping on its virtual thread, the middle node of W4 with
 * {@code maxTasks} workers.
 */
final class OursLibrary implements Library {

  /** What a sink saw; read after {@code execute} returned (which joins every worker). */
  static final class Sum {
    long count;
    long sum;
  }

  @Override
  public void linear(int n) throws InterruptedException {
    AsyncGraph g = new AsyncGraph();
    Node<Object, Integer> src = g.addNode("source", range(n));
    Node<Integer, Integer> map = g.addNode("map", (Integer x, Emitter<Integer> out) -> out.emit(x + 1));
    Sum s = new Sum();
    Node<Integer, Void> sink = g.addNode("sink", sink(s));
    g.addEdge(src, map);
    g.addEdge(map, sink);
    check(new AsyncExecutor(g).execute(), "W1 ours");
    Check.result("W1 ours", n, s.count, Check.linearSum(n), s.sum);
  }

  @Override
  public void diamond(int n) throws InterruptedException {
    AsyncGraph g = new AsyncGraph();
    Node<Object, Integer> a = g.addNode("a", range(n));
    Node<Integer, Integer> b = g.addNode("b", (Integer x, Emitter<Integer> out) -> out.emit(x * 2));
    Node<Integer, Integer> c = g.addNode("c", (Integer x, Emitter<Integer> out) -> out.emit(x * 3));
    Sum s = new Sum();
    Node<Integer, Void> d = g.addNode("d", sink(s));
    g.addEdge(a, b);
    g.addEdge(a, c);
    g.addEdge(b, d);
    g.addEdge(c, d);
    check(new AsyncExecutor(g).execute(), "W2 ours");
    Check.result("W2 ours", 2L * n, s.count, Check.diamondSum(n), s.sum);
  }

  @Override
  public void io(int n) throws InterruptedException {
    AsyncGraph g = new AsyncGraph();
    Node<Object, Integer> src = g.addNode("source", range(n));
    Node<Integer, Integer> wait = g.addNode((Integer x, Emitter<Integer> out) -> {
      Thread.sleep(IO_WAIT_MS);
      out.emit(x);
    }, NodeOptions.builder().name("wait").maxTasks(IO_CONCURRENCY).build());
    Sum s = new Sum();
    Node<Integer, Void> sink = g.addNode("sink", sink(s));
    g.addEdge(src, wait);
    g.addEdge(wait, sink);
    check(new AsyncExecutor(g).execute(), "W3 ours");
    Check.result("W3 ours", n, s.count, Check.identitySum(n), s.sum);
  }

  @Override
  public void cpu(int n, int concurrency) throws InterruptedException {
    AsyncGraph g = new AsyncGraph();
    Node<Object, Integer> src = g.addNode("source", range(n));
    Node<Integer, Long> work = g.addNode(
        (Integer x, Emitter<Long> out) -> out.emit(Work.work(x)),
        NodeOptions.builder().name("work").maxTasks(concurrency).build());
    Sum s = new Sum();
    Node<Long, Void> sink = g.addNode("sink", (Long x, Emitter<Void> out) -> {
      s.count++;
      s.sum += x;
    });
    g.addEdge(src, work);
    g.addEdge(work, sink);
    check(new AsyncExecutor(g).execute(), "W4 ours");
    Check.result("W4 ours", n, s.count, Work.expectedSum(n), s.sum);
  }

  static io.github.asyncgraphdataflow.SourceFunction<Integer> range(int n) {
    return out -> {
      for (int i = 0; i < n; i++) {
        out.emit(i);
      }
    };
  }

  static io.github.asyncgraphdataflow.NodeFunction<Integer, Void> sink(Sum s) {
    return (x, out) -> {
      s.count++;
      s.sum += x;
    };
  }

  static void check(ExecutionResult r, String what) {
    if (r.halted() || r.errorCount() != 0) {
      throw new IllegalStateException("WRONG RESULT in " + what + ": halted=" + r.halted()
          + ", errors=" + r.exceptions());
    }
  }
}
