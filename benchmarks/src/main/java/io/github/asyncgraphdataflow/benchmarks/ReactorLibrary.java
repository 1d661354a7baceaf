package io.github.asyncgraphdataflow.benchmarks;

import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * W1-W4 in Project Reactor. Each stage runs behind its own {@code publishOn} with a prefetch
 * (bounded queue) of 10,000 on {@link Schedulers#parallel()}; the source runs on its own
 * worker through {@code subscribeOn}. {@code hide()} after each mapping stage stops Reactor's
 * operator fusion from moving that stage's function onto the next stage's thread, so every
 * node really is its own asynchronous stage, as in the other libraries. Broadcast is
 * {@code publish(selector, 10000)}, merge is {@code Flux.merge}, the I/O wait is
 * {@code Mono.delay} inside {@code flatMap(…, 1000)}, and W4's parallel workers are
 * {@code parallel(c).runOn(…, 10000)} rails.
 */
final class ReactorLibrary implements Library {
  private final Scheduler s = Schedulers.parallel();

  static final class Sum {
    long count;
    long sum;
  }

  private static Mono<Sum> sum(Flux<? extends Number> f) {
    return f.collect(Sum::new, (a, x) -> {
      a.count++;
      a.sum += x.longValue();
    });
  }

  private Flux<Integer> source(int n) {
    return Flux.range(0, n).subscribeOn(s);
  }

  @Override
  public void linear(int n) {
    Sum r = sum(source(n).publishOn(s, BUFFER).map(x -> x + 1).hide().publishOn(s, BUFFER))
        .block();
    Check.result("W1 reactor", n, r.count, Check.linearSum(n), r.sum);
  }

  @Override
  public void diamond(int n) {
    Flux<Integer> merged = source(n).publish(shared -> Flux.merge(BUFFER,
        shared.publishOn(s, BUFFER).map(x -> x * 2).hide(),
        shared.publishOn(s, BUFFER).map(x -> x * 3).hide()), BUFFER);
    Sum r = sum(merged.publishOn(s, BUFFER)).block();
    Check.result("W2 reactor", 2L * n, r.count, Check.diamondSum(n), r.sum);
  }

  @Override
  public void io(int n) {
    Duration wait = Duration.ofMillis(IO_WAIT_MS);
    Sum r = sum(source(n).publishOn(s, BUFFER)
        .flatMap(x -> Mono.delay(wait).thenReturn(x), IO_CONCURRENCY)
        .publishOn(s, BUFFER)).block();
    Check.result("W3 reactor", n, r.count, Check.identitySum(n), r.sum);
  }

  @Override
  public void cpu(int n, int concurrency) {
    Sum r = sum(source(n).parallel(concurrency).runOn(s, BUFFER)
        .map(Work::work).sequential().publishOn(s, BUFFER)).block();
    Check.result("W4 reactor", n, r.count, Work.expectedSum(n), r.sum);
  }
}
