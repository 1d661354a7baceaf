package io.github.asyncgraphdataflow.reliability;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;

/**
 * A thread factory for {@code AsyncExecutor.builder(graph).threadFactory(...)} that remembers
 * every thread it made, so a test can check that none of them outlives {@code execute}.
 * Thread-safe.
 */
final class RecordingThreadFactory implements ThreadFactory {
  private final ThreadFactory delegate;
  private final ConcurrentLinkedQueue<Thread> threads = new ConcurrentLinkedQueue<>();

  private RecordingThreadFactory(ThreadFactory delegate) {
    this.delegate = delegate;
  }

  static RecordingThreadFactory virtual() {
    return new RecordingThreadFactory(Thread.ofVirtual().factory());
  }

  static RecordingThreadFactory platform() {
    return new RecordingThreadFactory(Thread.ofPlatform().daemon().factory());
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = delegate.newThread(r);
    threads.add(t);
    return t;
  }

  List<Thread> threads() {
    return List.copyOf(threads);
  }

  /** The threads made so far that have not terminated. */
  List<Thread> alive() {
    return threads.stream().filter(Thread::isAlive).toList();
  }
}
