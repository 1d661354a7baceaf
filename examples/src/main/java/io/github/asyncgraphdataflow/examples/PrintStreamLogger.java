package io.github.asyncgraphdataflow.examples;

import java.io.PrintStream;
import java.util.Objects;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that prints {@code LEVEL: message} lines (INFO and above) to a
 * {@link PrintStream}, so an example's log lines land in the same stream as its output, in
 * order, where a test can read them. A failure is printed as its {@code toString()} on the next
 * line, without the stack trace, to keep the examples' output short.
 *
 * <p>Thread-safe: each event is one {@code println} call per line on a thread-safe stream.
 */
final class PrintStreamLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;
  private final transient PrintStream out;

  PrintStreamLogger(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
    this.name = "example";
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    synchronized (out) {
      out.println(level + ":" + message);
      if (throwable != null) {
        out.println("    " + throwable);
      }
    }
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
