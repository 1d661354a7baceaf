package io.github.asyncgraphdataflow.internal;

import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * What can be learnt about a node function without calling it: the name of the method a method
 * reference points at, and that method's parameter names and types.
 *
 * <p>Node functional interfaces are {@code Serializable}, so the JDK gives every lambda and
 * method reference a {@code writeReplace} method returning a {@link SerializedLambda} that names
 * the implementation method. A lambda's implementation method is synthetic ({@code lambda$...}),
 * so a lambda has no name. The look-up needs reflective access to the lambda's class: on the
 * class path that always works; in a named module that does not open its package, nothing is
 * learnt and the node must be named. Nothing is ever serialized.
 *
 * @param name the method's name, or {@code null} when there is none (a lambda, an anonymous
 *     class, or nothing could be read)
 * @param parameterNames names of the inputs (the emitter excluded), or empty when unknown
 * @param parameterTypes types of the inputs (the emitter excluded), or empty when unknown
 */
public record FunctionInfo(String name, List<String> parameterNames, List<Class<?>> parameterTypes) {

  private static final FunctionInfo UNKNOWN = new FunctionInfo(null, List.of(), List.of());

  /**
   * Reads what is known of a node function.
   *
   * @param function a lambda, method reference, or object implementing a node interface
   * @param inputs how many inputs the node function takes
   * @return what is known, never null
   */
  public static FunctionInfo of(Object function, int inputs) {
    if (function instanceof ReflectiveFunction r) {
      return r.info();
    }
    if (function instanceof Adapter a) {
      return of(a.delegate(), 1);
    }
    Class<?> type = function.getClass();
    if (!type.isSynthetic() && !type.isHidden()) {
      return type.isAnonymousClass()
          ? UNKNOWN
          : new FunctionInfo(decapitalize(type.getSimpleName()), List.of(), List.of());
    }
    SerializedLambda lambda = serializedForm(function);
    if (lambda == null || lambda.getImplMethodName().startsWith("lambda$")) {
      return lambda == null ? UNKNOWN : new FunctionInfo(null, List.of(), typesOf(lambda, inputs));
    }
    return new FunctionInfo(
        lambda.getImplMethodName(), namesOf(lambda, type.getClassLoader(), inputs), typesOf(lambda, inputs));
  }

  private static SerializedLambda serializedForm(Object function) {
    try {
      Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      return writeReplace.invoke(function) instanceof SerializedLambda s ? s : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static List<Class<?>> typesOf(SerializedLambda lambda, int inputs) {
    try {
      MethodType type = MethodType.fromMethodDescriptorString(
          lambda.getInstantiatedMethodType(), FunctionInfo.class.getClassLoader());
      return inputs <= type.parameterCount()
          ? List.copyOf(type.parameterList().subList(0, inputs))
          : List.of();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static List<String> namesOf(SerializedLambda lambda, ClassLoader loader, int inputs) {
    try {
      Class<?> owner = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
      MethodType type = MethodType.fromMethodDescriptorString(lambda.getImplMethodSignature(), loader);
      Method method = owner.getDeclaredMethod(lambda.getImplMethodName(), type.parameterArray());
      Parameter[] params = method.getParameters();
      // Captured arguments (e.g. a bound receiver) come first; an unbound receiver is not a parameter.
      int skip = lambda.getCapturedArgCount();
      if (!Modifier.isStatic(method.getModifiers()) && skip == 0) {
        return List.of();
      }
      skip = Modifier.isStatic(method.getModifiers()) ? skip : skip - 1;
      List<String> names = new ArrayList<>();
      for (int i = skip; i < params.length && names.size() < inputs; i++) {
        if (!params[i].isNamePresent()) {
          return List.of();
        }
        names.add(params[i].getName());
      }
      return names.size() == inputs ? List.copyOf(names) : List.of();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return List.of();
    }
  }

  private static String decapitalize(String s) {
    return s.isEmpty() ? null : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
