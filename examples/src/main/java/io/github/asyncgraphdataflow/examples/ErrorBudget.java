package io.github.asyncgraphdataflow.examples;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.helpers.NOPLogger;

/**
 * Error budget, time limit and cancel: three ways to stop a run, each with the same
 * accounting as any halt, and a result that says why ({@code haltReason()}).
 *
 * <ol>
 *   <li>{@code maxErrors(3)} on {@code check}: the graph goes on past the first failures, and
 *       halts at the third.
 *   <li>{@code timeLimit}: an endless source is halted when the time is up.
 *   <li>{@code cancel()} from another thread.
 * </ol>
 *
 * <pre>
 * error budget: halted by check, reason ERROR_BUDGET, err=3
 * time limit: reason TIME_LIMIT, every item accounted for: true
 * cancel: reason CANCELLED, every item accounted for: true
 * </pre>
 */
public final class ErrorBudget {
  private ErrorBudget() {}

  /**
   * Runs the example on standard output.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    run(System.out, Pace.DEFAULT_TICK);
  }

  static void run(PrintStream out, Duration tick) throws InterruptedException {
    AsyncGraph budget = new AsyncGraph();
    var numbers = budget.addNode("numbers", (Emitter<Integer> emit) -> {
      for (int i = 0; i < 100; i++) {
        emit.emit(i);
      }
    });
    var check = budget.addNode((Integer i, Emitter<Integer> emit) -> {
      if (i % 10 == 9) {
        throw new IllegalArgumentException("bad " + i);
      }
      emit.emit(i);
    }, NodeOptions.builder().name("check").maxErrors(3).build());
    budget.addEdge(numbers, check);
    ExecutionResult r1 = AsyncExecutor.builder(budget).logger(NOPLogger.NOP_LOGGER).build()
        .execute();
    out.println("error budget: halted by " + r1.haltedBy() + ", reason " + r1.haltReason()
        + ", err=" + r1.stats().get("check").err());

    ExecutionResult r2 = AsyncExecutor.builder(endless(tick, new CountDownLatch(1)))
        .timeLimit(tick.multipliedBy(20)).logger(NOPLogger.NOP_LOGGER).build().execute();
    out.println("time limit: reason " + r2.haltReason() + ", every item accounted for: "
        + accounted(r2));

    CountDownLatch started = new CountDownLatch(1);
    AsyncExecutor executor = AsyncExecutor.builder(endless(tick, started))
        .logger(NOPLogger.NOP_LOGGER).build();
    Thread.ofVirtual().start(() -> {
      try {
        started.await();
        while (!executor.cancel()) {
          Thread.onSpinWait();      // execute may not have started its run yet
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    ExecutionResult r3 = executor.execute();
    out.println("cancel: reason " + r3.haltReason() + ", every item accounted for: "
        + accounted(r3));
  }

  private static AsyncGraph endless(Duration tick, CountDownLatch started) {
    AsyncGraph graph = new AsyncGraph();
    var ticks = graph.addNode("ticks", (Emitter<Long> emit) -> {
      for (long i = 0; ; i++) {
        emit.emit(i);
        started.countDown();
      }
    });
    var slow = graph.addNode("slow", (Long i, Emitter<Void> emit) -> Pace.sleep(tick, 1));
    graph.addEdge(ticks, slow);
    return graph;
  }

  private static boolean accounted(ExecutionResult r) {
    return r.stats().values().stream().allMatch(s -> s.in() == s.calls() + s.discarded())
        && r.stats().get("ticks").out() == r.stats().get("slow").in();
  }
}
