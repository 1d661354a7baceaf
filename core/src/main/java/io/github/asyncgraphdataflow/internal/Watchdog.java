package io.github.asyncgraphdataflow.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The per-call timeouts of one execution: one timer thread (from the executor's thread
 * factory, virtual by default, named {@code agdf-timeouts}) for every node's calls, no thread
 * per call.
 *
 * <p>A worker {@linkplain #arm arms} a {@link Token} before a call and {@linkplain Token#disarm
 * disarms} it after. The token's state moves once, under its monitor, from running to either
 * done (disarmed first) or fired (the timer first, which interrupts the worker while holding
 * the monitor). So once {@code disarm} returns, the timer can no longer interrupt that
 * thread: a late timer never reaches the next call, and the worker may safely clear the
 * interrupt flag the timer set.
 *
 * <p>Thread-safety: the timer is a {@link ScheduledThreadPoolExecutor} (cancelled tasks are
 * removed at once); tokens synchronize as above. {@link #shutdown} stops the timer thread and
 * waits for it, so it never outlives the execution.
 */
final class Watchdog {
  private final ScheduledThreadPoolExecutor timer;
  /** The timer's threads (one, unless one died), joined by {@link #shutdown}. */
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  Watchdog(ThreadFactory factory) {
    timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = factory.newThread(r);
      t.setName("agdf-timeouts");
      threads.add(t);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Starts the clock of one call on the current thread. */
  Token arm(long nanos) {
    Token token = new Token(Thread.currentThread());
    token.future = timer.schedule(token, nanos, TimeUnit.NANOSECONDS);
    return token;
  }

  /**
   * Stops the timer thread and waits for it to end (joined: a terminated pool's thread may
   * still be finishing its exit).
   */
  void shutdown() {
    timer.shutdownNow();
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** One call's timeout. */
  static final class Token implements Runnable {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int FIRED = 2;
    private final Thread thread;
    private int state = RUNNING;
    private ScheduledFuture<?> future;

    Token(Thread thread) {
      this.thread = thread;
    }

    @Override
    public synchronized void run() {
      if (state == RUNNING) {
        state = FIRED;
        thread.interrupt();
      }
    }

    /**
     * Ends the call's clock.
     *
     * @return true if the call timed out (the thread was interrupted for it)
     */
    boolean disarm() {
      boolean fired;
      synchronized (this) {
        fired = state == FIRED;
        state = DONE;
      }
      if (!fired) {
        future.cancel(false);
      }
      return fired;
    }
  }
}
