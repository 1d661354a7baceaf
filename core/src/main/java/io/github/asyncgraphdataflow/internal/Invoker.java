package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeFunction;
import io.github.asyncgraphdataflow.NodeFunction2;
import io.github.asyncgraphdataflow.NodeFunction3;
import io.github.asyncgraphdataflow.NodeFunction4;
import io.github.asyncgraphdataflow.SourceFunction;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Calls a node's function with an item, following the original's input rules: a function with
 * no input ignores the item; a one-input function gets the item whole; a function with several
 * inputs gets the item spread (records, arrays and lists by position, a {@code Map} by
 * parameter name) unless unpacking is off. An item that cannot fill the parameters throws
 * {@link IllegalArgumentException}, which the worker counts as an error of the node.
 *
 * <p>Thread-safe: immutable, and the record accessor cache is a {@link ClassValue}. Public only
 * for {@code io.github.asyncgraphdataflow.spi.NodeCaller}; not API.
 */
public final class Invoker {
  private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected Method[] computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Method[] methods = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        methods[i] = components[i].getAccessor();
        try {
          methods[i].setAccessible(true);
        } catch (RuntimeException e) {
          // left inaccessible; the call reports it
        }
      }
      return methods;
    }
  };

  private static final Object[] NO_VALUES = new Object[0];

  private final String node;
  private final Object function;
  private final int inputs;
  private final boolean unpack;
  private final List<String> names;

  /**
   * Makes an invoker for one node.
   *
   * @param spec the node
   * @param info what is known of its function
   */
  public Invoker(NodeSpec spec, FunctionInfo info) {
    this.node = spec.name();
    this.function = spec.function();
    this.inputs = spec.inputs();
    this.unpack = spec.options().unpackInput();
    this.names = spec.options().parameterNames().isEmpty()
        ? info.parameterNames()
        : spec.options().parameterNames();
  }

  /**
   * Calls the function with one queued item.
   *
   * @param item the item
   * @param out where the function emits
   * @throws Exception what the function throws, or {@link IllegalArgumentException} if the
   *     item does not fit the function's inputs
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void call(Object item, Emitter<Object> out) throws Exception {
    if (function instanceof NodeFunction f && !(function instanceof ReflectiveFunction)) {
      f.apply(item, out); // the hot path: no array per item
    } else if (function instanceof SourceFunction f) {
      f.run(out);
    } else if (inputs == 0) {
      callWith(NO_VALUES, out);
    } else if (inputs == 1) {
      callWith(new Object[] {item}, out);
    } else {
      callWith(spread(item), out);
    }
  }

  /**
   * Calls the function with a start node's arguments (already checked to fit).
   *
   * @param args the arguments
   * @param out where the function emits
   * @throws Exception what the function throws
   */
  public void callStart(List<?> args, Emitter<Object> out) throws Exception {
    callWith(inputs == 0 ? NO_VALUES : args.toArray(), out);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void callWith(Object[] v, Emitter<Object> out) throws Exception {
    checkCount(v);
    if (function instanceof ReflectiveFunction r) {
      r.invoke(v, out);
      return;
    }
    switch (inputs) {
      case 0 -> ((SourceFunction) function).run(out);
      case 1 -> ((NodeFunction) function).apply(v[0], out);
      case 2 -> ((NodeFunction2) function).apply(v[0], v[1], out);
      case 3 -> ((NodeFunction3) function).apply(v[0], v[1], v[2], out);
      case 4 -> ((NodeFunction4) function).apply(v[0], v[1], v[2], v[3], out);
      default -> throw new IllegalStateException("unsupported input count " + inputs);
    }
  }

  private void checkCount(Object[] v) {
    if (v.length != inputs) {
      throw new IllegalArgumentException("node '" + node + "' takes " + inputs
          + " input(s) but the item has " + v.length + " value(s)");
    }
  }

  private Object[] spread(Object item) throws ReflectiveOperationException {
    if (!unpack || item == null) {
      return new Object[] {item};
    }
    if (item instanceof Object[] array) {
      return array;
    }
    if (item instanceof List<?> list) {
      return list.toArray();
    }
    if (item instanceof Record record) {
      Method[] accessors = ACCESSORS.get(record.getClass());
      Object[] values = new Object[accessors.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = accessors[i].invoke(record);
      }
      return values;
    }
    if (item instanceof Map<?, ?> map) {
      return byName(map);
    }
    if (item.getClass().isArray()) {
      Object[] values = new Object[Array.getLength(item)];
      for (int i = 0; i < values.length; i++) {
        values[i] = Array.get(item, i);
      }
      return values;
    }
    return new Object[] {item};
  }

  private Object[] byName(Map<?, ?> map) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("node '" + node + "' received a Map but its parameter "
          + "names are unknown: compile with -parameters and use a method reference, or set "
          + "NodeOptions.builder().parameterNames(...)");
    }
    for (Object key : map.keySet()) {
      if (!names.contains(key)) {
        throw new IllegalArgumentException("node '" + node + "' got an unexpected input '" + key
            + "'; its inputs are " + names);
      }
    }
    Object[] values = new Object[names.size()];
    for (int i = 0; i < values.length; i++) {
      if (!map.containsKey(names.get(i))) {
        throw new IllegalArgumentException("node '" + node + "' is missing the input '"
            + names.get(i) + "'; the item has " + map.keySet());
      }
      values[i] = map.get(names.get(i));
    }
    return values;
  }
}
