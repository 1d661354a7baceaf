package io.github.asyncgraphdataflow.examples.breweries;

import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The job's logger for the library's messages (warnings and failed calls): one line each,
 * {@code LEVEL message: exception}, without a stack trace. Every failure is also summed up in
 * the self-check and in {@code failed-pages.csv}, so the terminal stays readable when a server
 * fails a thousand requests.
 *
 * <p>Thread-safe: one {@code println} per event on a thread-safe stream.
 */
final class OneLineLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;
  private final transient PrintStream out;
  private final transient java.util.function.BooleanSupplier muted;

  /**
   * A logger.
   *
   * @param out where the lines go
   * @param muted true once the job stopped listening (interrupted: its summary line tells the
   *     rest)
   */
  OneLineLogger(PrintStream out, java.util.function.BooleanSupplier muted) {
    this.out = out;
    this.muted = muted;
    this.name = "breweries-etl";
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    if (muted.getAsBoolean()) {
      return;
    }
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    out.println(level + " " + message + (throwable == null ? "" : ": " + throwable));
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
    return false;
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
