package io.github.asyncgraphdataflow.benchmarks;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.ClosedShape;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.UniformFanInShape;
import org.apache.pekko.stream.UniformFanOutShape;
import org.apache.pekko.stream.javadsl.Balance;
import org.apache.pekko.stream.javadsl.Broadcast;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.GraphDSL;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Merge;
import org.apache.pekko.stream.javadsl.RunnableGraph;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * W1-W4 in Apache Pekko Streams. Every stage is its own async island ({@code .async()}, one
 * actor each) whose input is a back-pressured {@code buffer(10000)}; broadcast and merge are
 * GraphDSL {@link Broadcast} and {@link Merge}, the I/O wait is {@code mapAsyncUnordered(1000)}
 * over {@link Patterns#after} on the actor system's scheduler, and W4's parallel workers are a
 * {@link Balance} over {@code c} async workers merged back. Default dispatcher and scheduler
 * settings; logging turned down to warnings.
 */
final class PekkoLibrary implements Library {
  private final ActorSystem system = ActorSystem.create("bench", ConfigFactory
      .parseString("pekko.loglevel = WARNING\npekko.log-dead-letters = off\n"
          + "pekko.stdout-loglevel = WARNING")
      .withFallback(ConfigFactory.load()));
  private final Materializer mat = Materializer.matFromSystem(system);

  static final class Sum {
    long count;
    long sum;
  }

  private static Source<Integer, NotUsed> source(int n) {
    return Source.range(0, n - 1).async();
  }

  /** One stage: a bounded input, the function, and an async boundary after it. */
  private static <I, O> Flow<I, O, NotUsed> stage(Class<I> in, Function<I, O> f) {
    return Flow.of(in).buffer(BUFFER, OverflowStrategy.backpressure()).map(f).async();
  }

  private static <T extends Number> Sink<T, CompletionStage<Sum>> sink(Class<T> in) {
    return Flow.of(in).buffer(BUFFER, OverflowStrategy.backpressure())
        .toMat(Sink.<Sum, T>fold(new Sum(), (a, x) -> {
          a.count++;
          a.sum += x.longValue();
          return a;
        }), Keep.right());
  }

  private static Sum await(CompletionStage<Sum> done) throws Exception {
    return done.toCompletableFuture().get();
  }

  @Override
  public void linear(int n) throws Exception {
    Sum r = await(source(n).via(stage(Integer.class, x -> x + 1)).runWith(sink(Integer.class), mat));
    Check.result("W1 pekko", n, r.count, Check.linearSum(n), r.sum);
  }

  @Override
  public void diamond(int n) throws Exception {
    RunnableGraph<CompletionStage<Sum>> graph = RunnableGraph.fromGraph(
        GraphDSL.create(sink(Integer.class), (b, out) -> {
          UniformFanOutShape<Integer, Integer> fanOut = b.add(Broadcast.create(2));
          UniformFanInShape<Integer, Integer> fanIn = b.add(Merge.create(2));
          b.from(b.add(source(n))).viaFanOut(fanOut)
              .via(b.add(stage(Integer.class, x -> x * 2))).viaFanIn(fanIn).to(out);
          b.from(fanOut).via(b.add(stage(Integer.class, x -> x * 3))).toFanIn(fanIn);
          return ClosedShape.getInstance();
        }));
    Sum r = await(graph.run(mat));
    Check.result("W2 pekko", 2L * n, r.count, Check.diamondSum(n), r.sum);
  }

  @Override
  public void io(int n) throws Exception {
    Duration wait = Duration.ofMillis(IO_WAIT_MS);
    Flow<Integer, Integer, NotUsed> waiting = Flow.of(Integer.class)
        .buffer(BUFFER, OverflowStrategy.backpressure())
        .mapAsyncUnordered(IO_CONCURRENCY, x -> Patterns.after(wait, system.scheduler(),
            system.dispatcher(), () -> CompletableFuture.completedFuture(x)))
        .async();
    Sum r = await(source(n).via(waiting).runWith(sink(Integer.class), mat));
    Check.result("W3 pekko", n, r.count, Check.identitySum(n), r.sum);
  }

  @Override
  public void cpu(int n, int concurrency) throws Exception {
    Flow<Integer, Long, NotUsed> workers;
    if (concurrency == 1) {
      workers = stage(Integer.class, Work::work);
    } else {
      Flow<Integer, Long, NotUsed> worker = Flow.of(Integer.class).map(Work::work).async();
      workers = Flow.of(Integer.class).buffer(BUFFER, OverflowStrategy.backpressure())
          .via(Flow.fromGraph(GraphDSL.create(b -> {
            UniformFanOutShape<Integer, Integer> split = b.add(Balance.create(concurrency));
            UniformFanInShape<Long, Long> join = b.add(Merge.create(concurrency));
            for (int i = 0; i < concurrency; i++) {
              b.from(split.out(i)).via(b.add(worker)).toInlet(join.in(i));
            }
            return FlowShape.of(split.in(), join.out());
          })));
    }
    Sum r = await(source(n).via(workers).runWith(sink(Long.class), mat));
    Check.result("W4 pekko", n, r.count, Work.expectedSum(n), r.sum);
  }

  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get();
    } catch (Exception e) {
      throw new IllegalStateException("Pekko did not terminate", e);
    }
  }
}
