package io.github.asyncgraphdataflow.benchmarks;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.concurrent.TimeUnit;

/**
 * W1-W4 in RxJava 3, on back-pressured {@link Flowable}s (an {@code Observable} has no bound).
 * Each stage runs behind its own {@code observeOn(computation, false, 10000)}; the source runs
 * on its own worker through {@code subscribeOn}; {@code hide()} stops operator fusion from
 * moving a mapping stage onto the next stage's thread. Broadcast is
 * {@code publish(selector, 10000)}, merge is {@code mergeArray}, the I/O wait is
 * {@code Single.timer} inside {@code flatMapSingle(…, 1000)}, and W4's parallel workers are
 * {@code parallel(c).runOn(…, 10000)} rails.
 */
final class RxJavaLibrary implements Library {
  private final Scheduler s = Schedulers.computation();

  static final class Sum {
    long count;
    long sum;
  }

  private static Sum sum(Flowable<? extends Number> f) {
    return f.collect(Sum::new, (Sum a, Number x) -> {
      a.count++;
      a.sum += x.longValue();
    }).blockingGet();
  }

  private Flowable<Integer> source(int n) {
    return Flowable.range(0, n).subscribeOn(s);
  }

  @Override
  public void linear(int n) {
    Sum r = sum(source(n).observeOn(s, false, BUFFER).map(x -> x + 1).hide()
        .observeOn(s, false, BUFFER));
    Check.result("W1 rxjava", n, r.count, Check.linearSum(n), r.sum);
  }

  @Override
  public void diamond(int n) {
    Flowable<Integer> merged = source(n).publish(shared -> Flowable.mergeArray(2, BUFFER,
        shared.observeOn(s, false, BUFFER).map(x -> x * 2).hide(),
        shared.observeOn(s, false, BUFFER).map(x -> x * 3).hide()), BUFFER);
    Sum r = sum(merged.observeOn(s, false, BUFFER));
    Check.result("W2 rxjava", 2L * n, r.count, Check.diamondSum(n), r.sum);
  }

  @Override
  public void io(int n) {
    Sum r = sum(source(n).observeOn(s, false, BUFFER)
        .flatMapSingle(x -> Single.timer(IO_WAIT_MS, TimeUnit.MILLISECONDS).map(t -> x), false,
            IO_CONCURRENCY)
        .observeOn(s, false, BUFFER));
    Check.result("W3 rxjava", n, r.count, Check.identitySum(n), r.sum);
  }

  @Override
  public void cpu(int n, int concurrency) {
    Sum r = sum(source(n).parallel(concurrency, BUFFER).runOn(s, BUFFER)
        .map(Work::work).sequential().observeOn(s, false, BUFFER));
    Check.result("W4 rxjava", n, r.count, Work.expectedSum(n), r.sum);
  }
}
