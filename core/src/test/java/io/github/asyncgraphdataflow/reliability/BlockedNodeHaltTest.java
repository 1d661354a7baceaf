package io.github.asyncgraphdataflow.reliability;

import io.github.asyncgraphdataflow.RecordingThreadFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.GraphHaltedException;
import io.github.asyncgraphdataflow.NodeFunction;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.SourceFunction;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.event.Level;

/**
 * A node blocked for good while another node fails with halting on: the halt interrupts the
 * blocked worker and {@code execute} returns promptly. The halt timeout is set far beyond the
 * guard, so only the interrupt can make these tests pass. A node that ignores interrupts makes
 * {@code execute} return after the halt timeout, naming the node in a WARN line.
 */
class BlockedNodeHaltTest {
  private static final Duration GUARD = Duration.ofSeconds(60);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final ReentrantLock heldLock = new ReentrantLock();
  private Thread lockHolder;

  @AfterEach
  void release() throws Exception {
    for (AutoCloseable r : resources) {
      r.close();
    }
    if (lockHolder != null) {
      lockHolder.interrupt();
      lockHolder.join();
    }
  }

  /** The ways a node function can block forever. */
  enum Blocking {
    SLEEP, OBJECT_WAIT, LOCK_WAIT, BLOCKING_QUEUE_TAKE, FUTURE_GET, SOCKET_READ, FULL_QUEUE_EMIT
  }

  @ParameterizedTest
  @EnumSource(Blocking.class)
  void haltInterruptsABlockedNodeAndExecuteReturns(Blocking how) throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    RecordingLogger logger = new RecordingLogger();
    RecordingThreadFactory threads = RecordingThreadFactory.virtual();
    AsyncGraph graph = new AsyncGraph(true);
    if (how == Blocking.FULL_QUEUE_EMIT) {
      // "producer" waits in emit for room in the queue of "stuck", which never takes again
      graph.addNode("producer", (Emitter<Integer> out) -> {
        for (int i = 0; ; i++) {
          out.emit(i);
        }
      });
      NodeFunction<Integer, Void> stuck = (x, out) -> {
        blocked.countDown();
        new CountDownLatch(1).await();
      };
      graph.addNode(stuck, NodeOptions.builder().name("stuck").queueSize(1).build());
      graph.addEdge("producer", "stuck");
    } else {
      SourceFunction<Void> blocker = blocker(how, blocked);
      graph.addNode("blocker", blocker);
    }
    graph.addNode("failer", (Emitter<Void> out) -> {
      blocked.await();
      throw new IllegalStateException("failer fails");
    });
    AsyncExecutor executor = AsyncExecutor.builder(graph)
        .logger(logger).threadFactory(threads).haltTimeout(Duration.ofMinutes(10)).build();

    ExecutionResult result = assertTimeoutPreemptively(GUARD, () -> executor.execute());

    assertThat(result.haltedBy()).isEqualTo("failer");
    assertThat(result.stats().get("failer").err()).isEqualTo(1);
    assertThat(result.errorCount()).as("being interrupted by the halt is no error").isEqualTo(1);
    assertThat(logger.events(Level.WARN)).as("no worker ignored the interrupt").isEmpty();
    assertThat(threads.alive()).isEmpty();
  }

  private SourceFunction<Void> blocker(Blocking how, CountDownLatch blocked) throws Exception {
    return switch (how) {
      case SLEEP -> out -> {
        blocked.countDown();
        Thread.sleep(Duration.ofDays(365));
      };
      case OBJECT_WAIT -> {
        Object monitor = new Object();
        yield out -> {
          synchronized (monitor) {
            blocked.countDown();
            while (true) {
              monitor.wait();
            }
          }
        };
      }
      case LOCK_WAIT -> {
        CountDownLatch held = new CountDownLatch(1);
        lockHolder = Thread.ofPlatform().start(() -> {
          heldLock.lock();
          try {
            held.countDown();
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            // released by the test's cleanup
          } finally {
            heldLock.unlock();
          }
        });
        held.await();
        yield out -> {
          blocked.countDown();
          heldLock.lockInterruptibly();
        };
      }
      case BLOCKING_QUEUE_TAKE -> out -> {
        blocked.countDown();
        new LinkedBlockingQueue<Object>().take();
      };
      case FUTURE_GET -> out -> {
        blocked.countDown();
        new CompletableFuture<Object>().get();
      };
      case SOCKET_READ -> {
        InputStream in = silentConnection();
        yield out -> {
          blocked.countDown();
          in.read();
        };
      }
      case FULL_QUEUE_EMIT -> throw new AssertionError("built in the test");
    };
  }

  /** A connection to a local server that accepts and never writes a byte. */
  private InputStream silentConnection() throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    resources.add(server);
    Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
    resources.add(client);
    Socket accepted = server.accept();
    resources.add(accepted);
    return client.getInputStream();
  }

  /**
   * A node that ignores interrupts: {@code execute} still returns once the halt timeout has
   * passed, with a WARN line that names the node. The node stays running until it returns by
   * itself; when it then tries to emit, it gets {@link GraphHaltedException}.
   */
  @Test
  void nodeIgnoringInterruptsIsNamedAndExecuteReturnsAfterTheHaltTimeout() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Throwable> lateEmit = new AtomicReference<>();
    RecordingLogger logger = new RecordingLogger();
    RecordingThreadFactory threads = RecordingThreadFactory.virtual();
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("stubborn", (Emitter<String> out) -> {
      inside.countDown();
      while (true) {
        try {
          release.await();
          break;
        } catch (InterruptedException e) {
          // deliberately ignored
        }
      }
      try {
        out.emit("too late");
      } catch (RuntimeException e) {
        lateEmit.set(e);
        throw e;
      }
    });
    graph.addNode("sink", (String s, Emitter<Void> out) -> { });
    graph.addEdge("stubborn", "sink");
    graph.addNode("failer", (Emitter<Void> out) -> {
      inside.await();
      throw new IllegalStateException("failer fails");
    });
    AsyncExecutor executor = AsyncExecutor.builder(graph)
        .logger(logger).threadFactory(threads).haltTimeout(Duration.ofSeconds(1)).build();

    ExecutionResult result = assertTimeoutPreemptively(GUARD, () -> executor.execute());

    assertThat(result.haltedBy()).isEqualTo("failer");
    assertThat(logger.events(Level.WARN)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("stubborn").doesNotContain("sink"));
    assertThat(threads.alive()).extracting(Thread::getName).containsExactly("agdf-stubborn-0");

    release.countDown();
    for (Thread t : threads.threads()) {
      assertThat(t.join(GUARD)).as("%s ends once released", t.getName()).isTrue();
    }
    assertThat(lateEmit.get()).isInstanceOf(GraphHaltedException.class);
    assertThat(executor.dataFlowStats().get("sink").in()).isZero();
  }

  /**
   * A classic {@link Socket} read on a platform thread cannot be interrupted: such a worker is
   * a node that ignores interrupts, handled by the halt timeout.
   */
  @Test
  void socketReadOnPlatformThreadIsReportedAfterTheHaltTimeout() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    InputStream in = silentConnection();
    RecordingLogger logger = new RecordingLogger();
    RecordingThreadFactory threads = RecordingThreadFactory.platform();
    AsyncGraph graph = new AsyncGraph(true);
    graph.addNode("reader", (Emitter<Void> out) -> {
      reading.countDown();
      in.read();
    });
    graph.addNode("failer", (Emitter<Void> out) -> {
      reading.await();
      throw new IllegalStateException("failer fails");
    });
    AsyncExecutor executor = AsyncExecutor.builder(graph)
        .logger(logger).threadFactory(threads).haltTimeout(Duration.ofSeconds(1)).build();

    ExecutionResult result = assertTimeoutPreemptively(GUARD, () -> executor.execute());

    assertThat(result.haltedBy()).isEqualTo("failer");
    assertThat(logger.events(Level.WARN)).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("reader"));
    for (AutoCloseable r : resources) {
      r.close();  // the read fails, the worker ends
    }
    for (Thread t : threads.threads()) {
      assertThat(t.join(GUARD)).as("%s ends once its socket is closed", t.getName()).isTrue();
    }
  }
}
