package io.github.asyncgraphdataflow.reliability;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that keeps every event in memory (and prints nothing), for tests that assert
 * what the executor logs. Each event carries a number from a sequence the test may share with
 * its node functions, so "this happened after that log line" can be checked without clocks.
 * Thread-safe.
 */
final class RecordingLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  /** One logged line, formatted. */
  record Event(long seq, Level level, String message, Throwable throwable) {}

  private final transient AtomicLong sequence;
  private final transient ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

  RecordingLogger() {
    this(new AtomicLong());
  }

  RecordingLogger(AtomicLong sequence) {
    this.sequence = sequence;
    this.name = "recording";
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  List<Event> events(Level level) {
    return events.stream().filter(e -> e.level() == level).toList();
  }

  /** The sequence number of the first event whose message starts with the prefix, or -1. */
  long firstSeq(String prefix) {
    return events.stream().filter(e -> e.message().startsWith(prefix))
        .mapToLong(Event::seq).min().orElse(-1);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] args, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, args);
    events.add(new Event(sequence.incrementAndGet(), level, message, throwable));
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
