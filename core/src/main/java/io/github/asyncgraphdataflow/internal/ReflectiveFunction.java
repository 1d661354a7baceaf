package io.github.asyncgraphdataflow.internal;

import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.NodeFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A node function given as a {@link Method}: the inputs are the method's parameters, except a
 * trailing {@link Emitter} parameter; without one, a non-void return value is emitted.
 *
 * <p>Thread-safe (immutable).
 */
public final class ReflectiveFunction implements NodeFunction<Object, Object> {
  private static final long serialVersionUID = 1L;

  private final transient Object target;
  private final transient Method method;
  private final boolean takesEmitter;
  private final int inputs;
  private final transient FunctionInfo info;

  /**
   * Wraps a method.
   *
   * @param target the receiver, or {@code null} for a static method
   * @param method the method to call
   */
  public ReflectiveFunction(Object target, Method method) {
    this.target = target;
    this.method = Objects.requireNonNull(method, "method");
    Class<?>[] types = method.getParameterTypes();
    this.takesEmitter = types.length > 0 && types[types.length - 1] == Emitter.class;
    this.inputs = takesEmitter ? types.length - 1 : types.length;
    List<String> names = new ArrayList<>();
    Parameter[] params = method.getParameters();
    for (int i = 0; i < inputs; i++) {
      if (params[i].isNamePresent()) {
        names.add(params[i].getName());
      }
    }
    this.info = new FunctionInfo(
        method.getName(),
        names.size() == inputs ? List.copyOf(names) : List.of(),
        List.of(Arrays.copyOf(types, inputs)));
  }

  /**
   * Verifies the method can be called as a node: accessible, and with a receiver when it is an
   * instance method.
   *
   * @throws IllegalArgumentException naming the method and what is wrong
   */
  public void check() {
    boolean isStatic = Modifier.isStatic(method.getModifiers());
    if (!isStatic && target == null) {
      throw new IllegalArgumentException(
          "method " + method.getName() + " is an instance method and needs a target");
    }
    if (!isStatic && !method.getDeclaringClass().isInstance(target)) {
      throw new IllegalArgumentException("target is not an instance of "
          + method.getDeclaringClass().getName() + " for method " + method.getName());
    }
    try {
      method.setAccessible(true);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("method " + method.getName() + " is not accessible: "
          + e.getMessage(), e);
    }
  }

  /**
   * The number of inputs.
   *
   * @return the parameter count without the emitter
   */
  public int inputs() {
    return inputs;
  }

  FunctionInfo info() {
    return info;
  }

  /**
   * Calls the method with spread inputs.
   *
   * @param args one value per input
   * @param out the emitter
   * @throws Exception what the method throws
   */
  @SuppressWarnings("unchecked")
  public void invoke(Object[] args, Emitter<?> out) throws Exception {
    Object[] all = takesEmitter ? Arrays.copyOf(args, args.length + 1) : args;
    if (takesEmitter) {
      all[args.length] = out;
    }
    try {
      if (!method.canAccess(Modifier.isStatic(method.getModifiers()) ? null : target)) {
        method.setAccessible(true);
      }
      Object result = method.invoke(target, all);
      if (!takesEmitter && method.getReturnType() != void.class) {
        ((Emitter<Object>) out).emit(result);
      }
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception ex) {
        throw ex;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  @Override
  public void apply(Object input, Emitter<Object> out) throws Exception {
    invoke(new Object[] {input}, out);
  }

  @Override
  public String toString() {
    return "method " + method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }
}
