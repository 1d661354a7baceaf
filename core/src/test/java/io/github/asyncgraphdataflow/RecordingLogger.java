package io.github.asyncgraphdataflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A test appender: an SLF4J logger that records every event, thread-safe. */
final class RecordingLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  /** One logged event, with its message already formatted. */
  record Event(Level level, String message, Throwable throwable, String thread) {}

  private final transient List<Event> events = new CopyOnWriteArrayList<>();

  RecordingLogger(String name) {
    this.name = name;
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  List<Event> at(Level level) {
    return events.stream().filter(e -> e.level() == level).toList();
  }

  List<String> messages(Level level) {
    return at(level).stream().map(Event::message).toList();
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    events.add(new Event(level, MessageFormatter.basicArrayFormat(pattern, arguments), throwable,
        Thread.currentThread().getName()));
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
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
