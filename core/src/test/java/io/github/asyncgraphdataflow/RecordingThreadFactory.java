package io.github.asyncgraphdataflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/** Makes virtual threads (or platform threads) and remembers each, to check none outlives a run. */
final class RecordingThreadFactory implements ThreadFactory {
  private final ThreadFactory delegate;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  RecordingThreadFactory(ThreadFactory delegate) {
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

  List<Thread> alive() {
    return threads.stream().filter(Thread::isAlive).toList();
  }
}
