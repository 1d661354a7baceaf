package io.github.asyncgraphdataflow.benchmarks;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeOptions;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Hand-over latency after idleness: a source emits one item stamped with {@link System#nanoTime},
 * the sink (one worker, idle until then) records how long the item took to reach it and
 * acknowledges; the source waits for the acknowledgement and emits the next. Each hand-over
 * thus races the sink going back to sleep; every 20th cycle the source first sleeps 1 ms, so
 * the sink has surely parked. What matters is the worst case: an item noticed only by a timed
 * poll shows up as a latency of a millisecond or more.
 *
 * <p>Cases: ours with a stash queue (10,000 items, lock-free hand-over), ours with a small
 * queue (16 items, under the lock), and the plain reference (two virtual threads and an
 * {@link ArrayBlockingQueue}). Prints one {@code WAKEUP} line per case: median, p99, p99.9
 * and maximum in microseconds, how many hand-overs took 1 ms or more, and the sample count.
 */
public final class WakeUpLatency {
  private static final int WARMUP = 5_000;
  private static final int CYCLES = 20_000;

  private WakeUpLatency() {}

  /**
   * Runs every case and prints {@code WAKEUP <case> median p99 p99.9 max slow n}.
   *
   * @param args optional: the number of measured cycles
   */
  public static void main(String[] args) throws Exception {
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : CYCLES;
    print("ours-stash", ours(10_000, cycles));
    print("ours-ring", ours(16, cycles));
    print("vthreads", plain(cycles));
  }

  private static void print(String name, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    long slow = Arrays.stream(s).filter(x -> x >= 1_000_000).count();
    System.out.printf(Locale.ROOT, "WAKEUP %s %.1f %.1f %.1f %.1f %d %d%n", name,
        s[s.length / 2] / 1e3, s[(int) (s.length * 0.99)] / 1e3,
        s[(int) (s.length * 0.999)] / 1e3, s[s.length - 1] / 1e3, slow, s.length);
  }

  private static void pause(int i) throws InterruptedException {
    if (i % 20 == 19) {
      Thread.sleep(1);
    }
  }

  static long[] ours(int queueSize, int cycles) throws InterruptedException {
    int warmup = Math.min(WARMUP, cycles);
    int total = warmup + cycles;
    long[] lat = new long[total];
    Semaphore ack = new Semaphore(0);
    AsyncGraph g = new AsyncGraph();
    g.addNode("source", (Emitter<Long> out) -> {
      for (int i = 0; i < total; i++) {
        pause(i);
        out.emit(System.nanoTime());
        ack.acquire();
      }
    });
    int[] seen = {0};
    g.addNode((Long stamp, Emitter<Void> out) -> {
      lat[seen[0]++] = System.nanoTime() - stamp;
      ack.release();
    }, NodeOptions.builder().name("sink").queueSize(queueSize).build());
    g.addEdge("source", "sink");
    new AsyncExecutor(g).execute();
    if (seen[0] != total) {
      throw new IllegalStateException("WRONG RESULT: " + seen[0] + " of " + total);
    }
    return Arrays.copyOfRange(lat, warmup, total);
  }

  static long[] plain(int cycles) throws InterruptedException {
    int warmup = Math.min(WARMUP, cycles);
    int total = warmup + cycles;
    long[] lat = new long[total];
    Semaphore ack = new Semaphore(0);
    BlockingQueue<Long> q = new ArrayBlockingQueue<>(Library.BUFFER);
    Thread sink = Thread.ofVirtual().start(() -> {
      try {
        for (int i = 0; i < total; i++) {
          long stamp = q.take();
          lat[i] = System.nanoTime() - stamp;
          ack.release();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread source = Thread.ofVirtual().start(() -> {
      try {
        for (int i = 0; i < total; i++) {
          pause(i);
          q.put(System.nanoTime());
          ack.acquire();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    source.join();
    sink.join();
    return Arrays.copyOfRange(lat, warmup, total);
  }
}
