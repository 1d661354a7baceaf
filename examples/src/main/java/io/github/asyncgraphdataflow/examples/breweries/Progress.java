package io.github.asyncgraphdataflow.examples.breweries;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows a status line while the job runs: rewritten in place about ten times a second on a
 * terminal, or printed as a plain line every two seconds when the output is a file or a pipe.
 *
 * <p>Thread-safe: one background thread prints; {@link #close()} stops it and prints the last
 * state.
 */
final class Progress implements AutoCloseable {
  private final PrintStream out;
  private final boolean terminal;
  private final Supplier<String> status;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Thread thread;
  private int width;

  Progress(PrintStream out, boolean terminal, Supplier<String> status) {
    this.out = out;
    this.terminal = terminal;
    this.status = status;
    Duration every = terminal ? Duration.ofMillis(100) : Duration.ofSeconds(2);
    this.thread = Thread.ofPlatform().daemon().name("progress").start(() -> {
      try {
        while (!stop.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
          print();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /**
   * Whether standard output is an interactive terminal. Up to JDK 21 {@link System#console()}
   * is null otherwise; from JDK 22 it may exist anyway, and {@code Console.isTerminal()} tells.
   *
   * @return true on a terminal
   */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only on a terminal
    }
  }

  private synchronized void print() {
    String line = status.get();
    if (terminal) {
      String pad = " ".repeat(Math.max(0, width - line.length()));
      out.print("\r" + line + pad);
      out.flush();
      width = line.length();
    } else {
      out.println(line);
    }
  }

  @Override
  public void close() {
    stop.countDown();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join(); // not cut short by an interrupt: the job needs the last line printed
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    print();
    if (terminal) {
      out.println();
    }
  }
}
