package io.github.asyncgraphdataflow.flink;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.util.SerializedThrowable;

/** Reads a failed job's exception: which node halted it, or which item could not travel. */
final class Failures {
  private static final Pattern HALTED = Pattern.compile(
      Pattern.quote(NodeHaltedException.PREFIX) + "(.*)' halted the graph: (.*)", Pattern.DOTALL);

  private Failures() {}

  /** The node named by a {@link NodeHaltedException} in the cause chain, or null. */
  static String haltingNode(Throwable failure) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof NodeHaltedException h) {
        return h.node();
      }
      Matcher m = HALTED.matcher(String.valueOf(t.getMessage()));
      if (t instanceof SerializedThrowable && m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  /** The halting failure as a kept exception (when the accumulators were lost with the job). */
  static NodeFailure haltCause(Throwable failure, String node) {
    for (Throwable t = failure; t != null; t = next(t)) {
      Matcher m = HALTED.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        String cause = m.group(2);
        int colon = cause.indexOf(": ");
        return new NodeFailure(node, colon < 0 ? cause : cause.substring(0, colon),
            colon < 0 ? null : cause.substring(colon + 2), null, null);
      }
    }
    return null;
  }

  private static final Pattern UNSERIALIZABLE = Pattern.compile(
      Pattern.quote(UnserializableItemException.PREFIX)
          + "([^\\n]*?)' emitted an item of class (\\S+) that Flink cannot serialize");

  /**
   * The {@link UnserializableItemException} in the failure (its causes, suppressed exceptions,
   * or the text of a serialized one), or null.
   */
  static UnserializableItemException unserializable(Throwable failure) {
    UnserializableItemException found = find(failure, 0);
    if (found != null) {
      return found;
    }
    java.io.StringWriter text = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(text));
    Matcher m = UNSERIALIZABLE.matcher(text.toString());
    return m.find() ? new UnserializableItemException(m.group(1), m.group(2), failure) : null;
  }

  private static UnserializableItemException find(Throwable failure, int depth) {
    if (depth > 5) {
      return null;
    }
    for (Throwable t = failure; t != null; t = next(t)) {
      for (Throwable s : t.getSuppressed()) {
        UnserializableItemException u = find(s, depth + 1);
        if (u != null) {
          return u;
        }
      }
      if (t instanceof UnserializableItemException u) {
        return u;
      }
      if (t instanceof SerializedThrowable s && s.getOriginalErrorClassName()
          .equals(UnserializableItemException.class.getName())) {
        Throwable d = s.deserializeError(Failures.class.getClassLoader());
        if (d instanceof UnserializableItemException u) {
          return u;
        }
      }
    }
    return null;
  }

  /** What the job manager still has of a failed job's accumulators, or nothing. */
  static Map<String, Object> accumulatorsAfterFailure(JobClient client) {
    try {
      return client.getAccumulators().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return Map.of();
    }
  }

  private static Throwable next(Throwable t) {
    Throwable c = t.getCause();
    return c == t ? null : c;
  }
}
