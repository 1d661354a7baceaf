package io.github.asyncgraphdataflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * Makes virtual threads (or platform threads) and remembers each, to check none outlives a run;
 * shared by the behaviour tests and the reliability tests. Thread-safe.
 */
public final class RecordingThreadFactory implements ThreadFactory {
  private final ThreadFactory delegate;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  private RecordingThreadFactory(ThreadFactory delegate) {
    this.delegate = delegate;
  }

  public static RecordingThreadFactory virtual() {
    return new RecordingThreadFactory(Thread.ofVirtual().factory());
  }

  public static RecordingThreadFactory platform() {
    return new RecordingThreadFactory(Thread.ofPlatform().daemon().factory());
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = delegate.newThread(r);
    threads.add(t);
    return t;
  }

  public List<Thread> threads() {
    return List.copyOf(threads);
  }

  public List<Thread> alive() {
    return threads.stream().filter(Thread::isAlive).toList();
  }
}
