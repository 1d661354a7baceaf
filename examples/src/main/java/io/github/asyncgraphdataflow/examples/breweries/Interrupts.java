package io.github.asyncgraphdataflow.examples.breweries;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM into an orderly stop. The JVM runs its shutdown hooks on
 * either signal, while the job's threads keep running; this hook halts the graph with the
 * library's {@code AsyncExecutor.cancel()} (or, if no execution is running yet, interrupts the
 * job's main thread, which makes {@code execute} halt at once); the job then closes the
 * outputs, prints what was done and discarded, and reports its exit code here. The hook waits for that report, at most {@link #CLEANUP_LIMIT_SECONDS}, and
 * ends the JVM with the code ({@code 130} for an interrupted run) by {@link Runtime#halt}
 * ({@code System.exit} cannot be called during shutdown).
 *
 * <p>A signal that arrives once the graph has finished does not interrupt anything: the job
 * finishes its last steps (the self-check, moving files into place) and the JVM ends with the
 * job's own exit code.
 *
 * <p>Thread-safe: the phase changes under this object's lock, so the hook either interrupts
 * the job while the graph runs or waits for its normal end, never both.
 */
final class Interrupts implements AutoCloseable {
  /** How long the hook waits for the job to clean up before ending the JVM anyway. */
  static final long CLEANUP_LIMIT_SECONDS = 30;

  private enum Phase { RUNNING, FINISHING, DONE }

  private final Thread job;
  private final PrintStream out;
  private final Thread hook;
  private volatile java.util.function.BooleanSupplier cancel = () -> false;
  private final CountDownLatch reported = new CountDownLatch(1);
  private Phase phase = Phase.RUNNING;
  private boolean signalled;
  private volatile int exitCode = BreweriesEtl.EXIT_INTERRUPTED;

  private Interrupts(Thread job, PrintStream out) {
    this.job = job;
    this.out = out;
    this.hook = new Thread(this::onSignal, "breweries-etl-shutdown");
  }

  /**
   * Installs the hook; the graph is considered running from now on.
   *
   * @param job the thread that will call {@code execute}
   * @param out the job's output, flushed before the JVM ends
   * @return the installed hook
   */
  static Interrupts install(Thread job, PrintStream out) {
    Interrupts i = new Interrupts(job, out);
    Runtime.getRuntime().addShutdownHook(i.hook);
    return i;
  }

  private void onSignal() {
    synchronized (this) {
      if (phase == Phase.DONE) {
        return;
      }
      signalled = true;
      if (phase == Phase.RUNNING && !cancel.getAsBoolean()) {
        job.interrupt();
      }
    }
    try {
      reported.await(CLEANUP_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(exitCode);
  }

  /**
   * Sets how a signal halts the running graph.
   *
   * @param cancel halts the running execution; false if none was running
   */
  void haltWith(java.util.function.BooleanSupplier cancel) {
    this.cancel = cancel;
  }

  /**
   * Whether SIGINT or SIGTERM arrived.
   *
   * @return true once a signal arrived
   */
  synchronized boolean signalled() {
    return signalled;
  }

  /**
   * Called by the job when the graph has ended: from now on a signal lets the job finish.
   *
   * @return true if a signal arrived while the graph ran (the run is interrupted; the job
   *     thread's interrupt status is cleared)
   */
  synchronized boolean graphEnded() {
    phase = Phase.FINISHING;
    if (signalled) {
      Thread.interrupted();
    }
    return signalled;
  }

  /**
   * Called by the job with its exit code once everything is written and printed.
   *
   * @param code the exit code
   */
  void finished(int code) {
    synchronized (this) {
      phase = Phase.DONE;
      exitCode = code;
    }
    reported.countDown();
  }

  /**
   * Removes the hook if no signal came (the JVM then ends by {@code System.exit}); if one
   * came, lets the waiting hook go on.
   */
  @Override
  public void close() {
    boolean remove;
    synchronized (this) {
      remove = !signalled;
      phase = Phase.DONE;
    }
    reported.countDown();
    if (!remove) {
      return; // the hook is running: it ends the JVM with the reported code
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutdown already began: the hook sees DONE and returns at once
    }
  }
}
