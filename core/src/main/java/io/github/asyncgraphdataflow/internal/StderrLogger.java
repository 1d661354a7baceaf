package io.github.asyncgraphdataflow.internal;

import java.io.PrintStream;
import java.time.Instant;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The executor's last-resort logger: when no SLF4J provider is bound (SLF4J then hands out
 * no-operation loggers and prints only its "no providers" notice), failures would be invisible.
 * Like Python's last-resort logging handler, this writes WARN and ERROR lines (with stack
 * traces) to standard error, and drops the other levels. It is used only for the executor's
 * own default logger; a logger the user passes is always used as given.
 *
 * <p>Thread-safety: each event is formatted first and written with one {@code println}, which
 * {@link PrintStream} makes atomic, followed by the stack trace under the stream's lock.
 */
public final class StderrLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;
  private final transient PrintStream err;

  private StderrLogger(String name, PrintStream err) {
    this.name = name;
    this.err = err;
  }

  /**
   * The logger to use by default: {@code factory}'s logger for {@code name}, or one writing
   * WARN and ERROR to {@code err} if that factory is SLF4J's no-operation fallback.
   *
   * @param factory the bound logger factory ({@code LoggerFactory.getILoggerFactory()})
   * @param name the logger's name
   * @param err where the fallback writes
   * @return the logger
   */
  public static Logger orFallback(ILoggerFactory factory, String name, PrintStream err) {
    Logger logger = factory.getLogger(name);
    if (factory instanceof NOPLoggerFactory || logger instanceof NOPLogger) {
      return new StderrLogger(name, err);
    }
    return logger;
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return false;
  }

  @Override
  public boolean isInfoEnabled() {
    return false;
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return false;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return true;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
      Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    String line = Instant.now() + " " + level + " [" + Thread.currentThread().getName() + "] "
        + name + " - " + message;
    synchronized (err) {
      err.println(line);
      if (throwable != null) {
        throwable.printStackTrace(err);
      }
    }
  }
}
