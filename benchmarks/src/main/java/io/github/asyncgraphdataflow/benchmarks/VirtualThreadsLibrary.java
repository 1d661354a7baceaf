package io.github.asyncgraphdataflow.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The plain reference: what a Java user writes without any library. Every stage is one or more
 * virtual threads, every edge an {@link ArrayBlockingQueue} of {@link #BUFFER} items, the end
 * of the stream one marker per consuming thread. W3's 1,000 workers sleep with
 * {@link Thread#sleep} on their virtual threads, exactly as ours do, so the difference between
 * this and ours in W3 is the library's cost, not the JDK's timer.
 */
final class VirtualThreadsLibrary implements Library {
  private static final Object END = new Object();

  /** A stage's body: takes from its input, puts into its output, until the end marker. */
  private interface Body {
    void run() throws InterruptedException;
  }

  private static Thread start(List<Thread> threads, Body body) {
    Thread t = Thread.ofVirtual().start(() -> {
      try {
        body.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    threads.add(t);
    return t;
  }

  private static void join(List<Thread> threads) throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
  }

  private static BlockingQueue<Object> queue() {
    return new ArrayBlockingQueue<>(BUFFER);
  }

  /** What a sink saw; read after its thread was joined. */
  static final class Sum {
    long count;
    long sum;
  }

  private static Body source(int n, BlockingQueue<Object> out, int consumers) {
    return () -> {
      for (int i = 0; i < n; i++) {
        out.put(i);
      }
      for (int c = 0; c < consumers; c++) {
        out.put(END);
      }
    };
  }

  /** A stage of {@code workers} threads applying {@code f}; one end marker per next consumer. */
  private interface Step {
    Object apply(Object x) throws InterruptedException;
  }

  private static void stage(List<Thread> threads, int workers, BlockingQueue<Object> in,
      BlockingQueue<Object> out, Step f) {
    java.util.concurrent.atomic.AtomicInteger left =
        new java.util.concurrent.atomic.AtomicInteger(workers);
    for (int w = 0; w < workers; w++) {
      start(threads, () -> {
        while (true) {
          Object x = in.take();
          if (x == END) {
            break;
          }
          out.put(f.apply(x));
        }
        if (left.decrementAndGet() == 0) {
          out.put(END);
        }
      });
    }
  }

  private static Body sink(BlockingQueue<Object> in, int ends, Sum s) {
    return () -> {
      int seen = 0;
      while (seen < ends) {
        Object x = in.take();
        if (x == END) {
          seen++;
        } else {
          s.count++;
          s.sum += ((Number) x).longValue();
        }
      }
    };
  }

  @Override
  public void linear(int n) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    BlockingQueue<Object> a = queue();
    BlockingQueue<Object> b = queue();
    Sum s = new Sum();
    start(threads, source(n, a, 1));
    stage(threads, 1, a, b, x -> (Integer) x + 1);
    start(threads, sink(b, 1, s));
    join(threads);
    Check.result("W1 vthreads", n, s.count, Check.linearSum(n), s.sum);
  }

  @Override
  public void diamond(int n) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    BlockingQueue<Object> toB = queue();
    BlockingQueue<Object> toC = queue();
    BlockingQueue<Object> toD = queue();
    Sum s = new Sum();
    start(threads, () -> {
      for (int i = 0; i < n; i++) {
        toB.put(i);
        toC.put(i);
      }
      toB.put(END);
      toC.put(END);
    });
    stage(threads, 1, toB, toD, x -> (Integer) x * 2);
    stage(threads, 1, toC, toD, x -> (Integer) x * 3);
    start(threads, sink(toD, 2, s));
    join(threads);
    Check.result("W2 vthreads", 2L * n, s.count, Check.diamondSum(n), s.sum);
  }

  @Override
  public void io(int n) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    BlockingQueue<Object> a = queue();
    BlockingQueue<Object> b = queue();
    Sum s = new Sum();
    start(threads, source(n, a, IO_CONCURRENCY));
    stage(threads, IO_CONCURRENCY, a, b, x -> {
      Thread.sleep(IO_WAIT_MS);
      return x;
    });
    start(threads, sink(b, 1, s));
    join(threads);
    Check.result("W3 vthreads", n, s.count, Check.identitySum(n), s.sum);
  }

  @Override
  public void cpu(int n, int concurrency) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    BlockingQueue<Object> a = queue();
    BlockingQueue<Object> b = queue();
    Sum s = new Sum();
    start(threads, source(n, a, concurrency));
    stage(threads, concurrency, a, b, x -> Work.work((Integer) x));
    start(threads, sink(b, 1, s));
    join(threads);
    Check.result("W4 vthreads", n, s.count, Work.expectedSum(n), s.sum);
  }
}
