package io.github.asyncgraphdataflow.benchmarks;

import java.io.PrintStream;

/**
 * Every workload once, at a tiny size, for every library: a correctness check that takes
 * seconds. Each run checks its own count and checksum and throws when they are wrong; nothing
 * here looks at time.
 */
public final class Smoke {
  private Smoke() {}

  /**
   * Runs them all.
   *
   * @param log where to say what ran
   * @throws Exception the first wrong result or failure
   */
  public static void runAll(PrintStream log) throws Exception {
    for (String name : new String[] {"ours", "reactor", "rxjava", "pekko", "vthreads"}) {
      try (Library lib = Library.of(name)) {
        lib.linear(20_000);
        lib.diamond(10_000);
        lib.io(2_000);
        lib.cpu(200, 1);
        lib.cpu(200, 2);
        log.println("smoke W1-W4 " + name + ": ok");
      }
    }
    for (String name : new String[] {"disruptor", "disruptor-blocking"}) {
      try (Library lib = Library.of(name)) {
        lib.linear(20_000);
        log.println("smoke W1 " + name + ": ok");
      }
    }
    for (String line : new String[] {"ours-stash", "ours-ring"}) {
      WakeUpLatency.ours(line.endsWith("stash") ? 10_000 : 16, 200);
    }
    WakeUpLatency.plain(200);
    log.println("smoke wake-up latency: ok");
    References.loop(200);
    References.split(200);
    OursOnly.checkSize(OursOnly.layered(1_000, 10_000, 10), 1_000, 10_000);
    OursOnly.checkSize(OursOnly.layered(10_000, 100_000, 100), 10_000, 100_000);
    new OursOnly.Chain(1_000).run();
    new OursLibrary().linear(200_000);
    double perTask = OursOnly.heapPerBlockedTask(1_000);
    log.println("smoke W6 heap per blocked task (1,000 tasks): " + Math.round(perTask) + " B");
    OursOnly.Chain three = new OursOnly.Chain(3);
    for (int i = 0; i < 100; i++) {
      three.run();
    }
    log.println("smoke W4 references, W5, W6, W7 ours: ok");
  }

  /**
   * Runs the smoke check from the command line.
   *
   * @param args ignored
   */
  public static void main(String[] args) throws Exception {
    runAll(System.out);
  }
}
