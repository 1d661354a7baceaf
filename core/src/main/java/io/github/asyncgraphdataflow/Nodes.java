package io.github.asyncgraphdataflow;

import io.github.asyncgraphdataflow.internal.Adapter;
import io.github.asyncgraphdataflow.internal.ReflectiveFunction;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Ready-made node functions for the common shapes, so simple steps need no emitter code.
 *
 * {@snippet :
 * var parse = graph.addNode(Nodes.<String, Integer>map(Integer::parseInt)); // node "parseInt"
 * var even = graph.addNode("even", Nodes.filter((Integer x) -> x % 2 == 0));
 * var words = graph.addNode("words", Nodes.flatMap((String s) -> List.of(s.split(" "))));
 * var print = graph.addNode("print", Nodes.sink(System.out::println));
 * }
 *
 * <p>A node made from a method reference takes that method's name, as if the method reference
 * were given directly. All functions returned here are stateless and thread-safe.
 */
public final class Nodes {
  private Nodes() {}

  /**
   * A function of one value that may throw.
   *
   * @param <I> the input
   * @param <O> the result
   */
  @FunctionalInterface
  public interface Mapper<I, O> extends Serializable {
    /**
     * Computes the result.
     *
     * @param input the input
     * @return the result, possibly null
     * @throws Exception any failure, counted as an error of the node
     */
    O apply(I input) throws Exception;
  }

  /**
   * A test of one value that may throw.
   *
   * @param <I> the input
   */
  @FunctionalInterface
  public interface Predicate<I> extends Serializable {
    /**
     * Tests the input.
     *
     * @param input the input
     * @return true to pass the item on
     * @throws Exception any failure, counted as an error of the node
     */
    boolean test(I input) throws Exception;
  }

  /**
   * A consumer of one value that may throw.
   *
   * @param <I> the input
   */
  @FunctionalInterface
  public interface Consumer<I> extends Serializable {
    /**
     * Consumes the input.
     *
     * @param input the input
     * @throws Exception any failure, counted as an error of the node
     */
    void accept(I input) throws Exception;
  }

  /**
   * A source of items that may throw.
   *
   * @param <O> the items
   */
  @FunctionalInterface
  public interface Generator<O> extends Serializable {
    /**
     * Produces the items; called once per call of the node.
     *
     * @return the items to emit, in order
     * @throws Exception any failure, counted as an error of the node
     */
    Iterable<? extends O> get() throws Exception;
  }

  /**
   * Emits one result per input: {@code out.emit(mapper.apply(x))}.
   *
   * @param mapper the function
   * @param <I> the input
   * @param <O> the result
   * @return a one-input node function
   */
  public static <I, O> NodeFunction<I, O> map(Mapper<? super I, ? extends O> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return new Wrapped<I, O>(mapper) {
      @Override
      public void apply(I input, Emitter<O> out) throws Exception {
        out.emit(mapper.apply(input));
      }
    };
  }

  /**
   * Passes on the inputs the predicate accepts.
   *
   * @param predicate the test
   * @param <I> the item type
   * @return a one-input node function
   */
  public static <I> NodeFunction<I, I> filter(Predicate<? super I> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return new Wrapped<I, I>(predicate) {
      @Override
      public void apply(I input, Emitter<I> out) throws Exception {
        if (predicate.test(input)) {
          out.emit(input);
        }
      }
    };
  }

  /**
   * Emits every element of the {@link Iterable} the mapper returns (nothing for null).
   *
   * @param mapper the function
   * @param <I> the input
   * @param <O> the elements
   * @return a one-input node function
   */
  public static <I, O> NodeFunction<I, O> flatMap(
      Mapper<? super I, ? extends Iterable<? extends O>> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return new Wrapped<I, O>(mapper) {
      @Override
      public void apply(I input, Emitter<O> out) throws Exception {
        Iterable<? extends O> items = mapper.apply(input);
        if (items != null) {
          for (O item : items) {
            out.emit(item);
          }
        }
      }
    };
  }

  /**
   * Emits every element of the {@link Stream} the mapper returns, closing it afterwards.
   *
   * @param mapper the function
   * @param <I> the input
   * @param <O> the elements
   * @return a one-input node function
   */
  public static <I, O> NodeFunction<I, O> flatMapStream(
      Mapper<? super I, ? extends Stream<? extends O>> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return new Wrapped<I, O>(mapper) {
      @Override
      public void apply(I input, Emitter<O> out) throws Exception {
        try (Stream<? extends O> items = mapper.apply(input)) {
          if (items != null) {
            Iterator<? extends O> it = items.iterator();
            while (it.hasNext()) {
              out.emit(it.next());
            }
          }
        }
      }
    };
  }

  /**
   * Consumes every input and emits nothing: a terminal step such as a writer.
   *
   * @param consumer the consumer
   * @param <I> the input
   * @return a one-input node function that emits nothing
   */
  public static <I> NodeFunction<I, Void> sink(Consumer<? super I> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    return new Wrapped<I, Void>(consumer) {
      @Override
      public void apply(I input, Emitter<Void> out) throws Exception {
        consumer.accept(input);
      }
    };
  }

  /**
   * A source that emits every element of what the generator returns, once per call.
   *
   * @param generator the items' supplier
   * @param <O> the items
   * @return a no-input node function
   */
  public static <O> SourceFunction<O> source(Generator<? extends O> generator) {
    Objects.requireNonNull(generator, "generator");
    return new SourceAdapter<>(generator);
  }

  /**
   * A node function given by reflection, the counterpart of the original's
   * {@code check_async_gen=False} case: a callable whose shape the compiler cannot check.
   * The method's parameters are the node's inputs, except a trailing {@link Emitter}
   * parameter; a method without one has its non-void return value emitted. With
   * {@link NodeOptions#checkFunction()} on (the default), {@code addNode} verifies that the
   * method can be called (accessible, with a receiver when it is an instance method); with it
   * off, any such problem surfaces as an error of the node on each call.
   *
   * @param target the receiver, or {@code null} for a static method
   * @param method the method
   * @return a node function; its node's input count is the method's
   */
  public static NodeFunction<Object, Object> method(Object target, Method method) {
    return new ReflectiveFunction(target, Objects.requireNonNull(method, "method"));
  }

  private abstract static class Wrapped<I, O> implements NodeFunction<I, O>, Adapter {
    private static final long serialVersionUID = 1L;
    private final transient Object delegate;

    Wrapped(Object delegate) {
      this.delegate = delegate;
    }

    @Override
    public Object delegate() {
      return delegate;
    }
  }

  private static final class SourceAdapter<O> implements SourceFunction<O>, Adapter {
    private static final long serialVersionUID = 1L;
    private final transient Generator<? extends O> generator;

    SourceAdapter(Generator<? extends O> generator) {
      this.generator = generator;
    }

    @Override
    public void run(Emitter<O> out) throws Exception {
      Iterable<? extends O> items = generator.get();
      if (items != null) {
        for (O item : items) {
          out.emit(item);
        }
      }
    }

    @Override
    public Object delegate() {
      return generator;
    }
  }
}
