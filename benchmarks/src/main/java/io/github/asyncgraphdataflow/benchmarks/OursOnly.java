package io.github.asyncgraphdataflow.benchmarks;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeFunction;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The workloads only this library runs: W5 graph scale, W6 blocked tasks, W7 overhead. */
final class OursOnly {
  private OursOnly() {}

  private static final NodeFunction<Object, Object> PASS = (x, out) -> out.emit(x);

  /**
   * W5: a layered graph, {@code width} nodes per layer; node j of a layer feeds nodes
   * j..j+9 (mod width) of the next layer, and in the first layers also node j two layers on,
   * until exactly {@code edges} edges exist.
   *
   * @param nodes node count, a multiple of {@code width}
   * @param edges edge count
   * @param width nodes per layer
   * @return the built graph
   */
  static AsyncGraph layered(int nodes, int edges, int width) {
    AsyncGraph g = new AsyncGraph();
    String[] names = new String[nodes];
    for (int i = 0; i < nodes; i++) {
      names[i] = "n" + i;
      g.addNode(names[i], PASS);
    }
    int layers = nodes / width;
    int fanOut = Math.min(10, width);
    int added = 0;
    for (int l = 0; l + 1 < layers && added < edges; l++) {
      for (int j = 0; j < width && added < edges; j++) {
        for (int k = 0; k < fanOut && added < edges; k++) {
          g.addEdge(names[l * width + j], names[(l + 1) * width + (j + k) % width]);
          added++;
        }
      }
    }
    for (int l = 0; l + 2 < layers && added < edges; l++) {
      for (int j = 0; j < width && added < edges; j++) {
        g.addEdge(names[l * width + j], names[(l + 2) * width + j]);
        added++;
      }
    }
    return g;
  }

  /**
   * W5: throws unless the graph has the expected size.
   *
   * @param g the graph
   * @param nodes expected nodes
   * @param edges expected edges
   */
  static void checkSize(AsyncGraph g, int nodes, int edges) {
    Check.result("W5 build", nodes, g.nodes().size(), edges, g.edges().size());
  }

  /**
   * W5 (execute) and W7: a chain of {@code length} nodes; the first emits 0 once, each other
   * adds 1, and the last records what arrived.
   */
  static final class Chain {
    final AsyncExecutor executor;
    final int length;
    final AtomicLong seen = new AtomicLong();

    Chain(int length) {
      this.length = length;
      AsyncGraph g = new AsyncGraph();
      g.addNode("c0", (Emitter<Integer> out) -> out.emit(0));
      for (int i = 1; i < length - 1; i++) {
        g.addNode("c" + i, (Integer x, Emitter<Integer> out) -> out.emit(x + 1));
      }
      g.addNode("c" + (length - 1), (Integer x, Emitter<Void> out) -> seen.addAndGet(x + 1));
      for (int i = 1; i < length; i++) {
        g.addEdge("c" + (i - 1), "c" + i);
      }
      executor = new AsyncExecutor(g);
    }

    /** Executes once and checks the one item went through every node. */
    void run() throws InterruptedException {
      seen.set(0);
      ExecutionResult r = executor.execute();
      OursLibrary.check(r, "chain of " + length);
      NodeStats last = r.stats().get("c" + (length - 1));
      Check.result("chain of " + length, 1, last.in(), length - 1, seen.get());
    }
  }

  /**
   * W6: heap used per blocked task. A node with {@code tasks} workers gets {@code tasks}
   * items, and every call blocks on a latch; once all are blocked, the heap is measured after
   * a full GC and compared to the heap before the execution started.
   *
   * @param tasks the node's {@code maxTasks}, and the item count
   * @return bytes of heap per blocked task
   */
  static double heapPerBlockedTask(int tasks) throws InterruptedException {
    AtomicInteger blocked = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    AsyncGraph g = new AsyncGraph();
    g.addNode("source", OursLibrary.range(tasks));
    g.addNode((Integer x, Emitter<Void> out) -> {
      blocked.incrementAndGet();
      release.await();
    }, NodeOptions.builder().name("blocked").maxTasks(tasks).queueSize(tasks).build());
    g.addEdge("source", "blocked");
    AsyncExecutor executor = new AsyncExecutor(g);
    long before = usedAfterGc();
    ExecutionResult[] result = new ExecutionResult[1];
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        result[0] = executor.execute();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    while (blocked.get() < tasks) {
      Thread.sleep(10); // a benchmark harness polling, not a test synchronising
    }
    long during = usedAfterGc();
    release.countDown();
    runner.join();
    OursLibrary.check(result[0], "W6 blocked tasks");
    Check.result("W6 blocked tasks", tasks, result[0].stats().get("blocked").in(), tasks,
        blocked.get());
    return (double) (during - before) / tasks;
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Prints W6's heap per blocked task; the runner starts it in its own JVM.
   *
   * @param args the task count (default 100,000)
   */
  public static void main(String[] args) throws InterruptedException {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    heapPerBlockedTask(tasks / 10); // warm-up: class loading and JIT out of the measurement
    double perTask = heapPerBlockedTask(tasks);
    System.out.println("HEAP_PER_TASK_BYTES " + perTask);
    System.out.println("MAX_HEAP_BYTES " + Runtime.getRuntime().maxMemory());
  }
}
