package io.github.asyncgraphdataflow.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.asyncgraphdataflow.AsyncExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A live web page of a running graph, served by the JDK's own HTTP server: the graph drawn in
 * topological layers, and per node its items in, out and failed, items per second, queue fill,
 * busy workers and last error, updated four times a second over Server-Sent Events. A banner
 * tells when the graph halted or finished.
 *
 * {@snippet file="LiveViewEndpointsTest.java" region="usage"}
 *
 * <p>Endpoints: {@code /} (the page), {@code /events} (Server-Sent Events: one
 * {@code /stats.json} document per tick), {@code /stats.json}, {@code /graph.json},
 * {@code /graph.mmd} (Mermaid, {@link io.github.asyncgraphdataflow.AsyncGraph#toMermaid()}) and
 * {@code /graph.dot} (Graphviz, {@link io.github.asyncgraphdataflow.AsyncGraph#toDot()}).
 *
 * <p><b>Cost to the graph:</b> none on the workers' threads. The view reads
 * {@link AsyncExecutor#dataFlowStats()} once per tick on its own thread and sends that one
 * document to every open page. Built from an executor builder ({@link #start(AsyncExecutor.Builder,
 * int)}), the view also registers a listener, which records each node's last failure (one
 * map write per failure) and the halt; started on a built executor, it reads the last failure
 * from {@link AsyncExecutor#exceptions()} when a node's error count grew, and can tell that a
 * run finished but not that it halted.
 *
 * <p>The server binds to 127.0.0.1 unless given another address: the page shows node names
 * and error messages, so think before exposing it.
 *
 * <p><b>Thread-safety:</b> the view is thread-safe; {@link #close} may be called from any
 * thread, more than once, and stops the server, the ticker and every open stream.
 */
public final class LiveView implements AutoCloseable {
  /** How often the statistics are read and sent, in milliseconds. */
  public static final long TICK_MILLIS = 250;

  private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(15);

  private final AsyncExecutor executor;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final ScheduledExecutorService ticker;
  private final StatsFeed feed;
  private final URI url;

  private LiveView(AsyncExecutor executor, LiveListener listener, InetSocketAddress address)
      throws IOException {
    this.executor = executor;
    GraphModel model = new GraphModel(executor.graph());
    this.feed = new StatsFeed(executor, model, listener);
    this.server = HttpServer.create(address, 0);
    this.handlers = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("agdf-live-http-", 0).factory());
    Pages pages = new Pages(model, feed, executor.graph());
    server.createContext("/", exchange -> serve(exchange, pages));
    server.setExecutor(handlers);
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "agdf-live-ticker");
      t.setDaemon(true);
      return t;
    });
    feed.tick();
    ticker.scheduleAtFixedRate(feed::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    server.start();
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1"
        : bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    this.url = URI.create("http://" + host + ":" + bound.getPort() + "/");
  }

  /**
   * Serves the page of an executor on 127.0.0.1.
   *
   * @param executor the executor to show (running or not yet)
   * @param port the TCP port, or 0 for any free port (see {@link #url()})
   * @return the running view; close it to stop the server
   * @throws IOException if the port cannot be bound
   */
  public static LiveView start(AsyncExecutor executor, int port) throws IOException {
    return start(executor, new InetSocketAddress(InetAddress.getLoopbackAddress(), checkPort(port)));
  }

  /**
   * Serves the page of an executor on the given address.
   *
   * @param executor the executor to show
   * @param address where to listen, e.g. {@code new InetSocketAddress("0.0.0.0", 8080)}
   * @return the running view
   * @throws IOException if the address cannot be bound
   */
  public static LiveView start(AsyncExecutor executor, InetSocketAddress address)
      throws IOException {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(address, "address");
    return new LiveView(executor, null, address);
  }

  /**
   * Builds the executor with the view's listener (so the page also shows where the graph
   * halted, and each node's last error without reading the kept exceptions) and serves its
   * page on 127.0.0.1; the executor is {@link #executor()}.
   *
   * @param builder the executor's builder, other options already set
   * @param port the TCP port, or 0 for any free port
   * @return the running view
   * @throws IOException if the port cannot be bound
   */
  public static LiveView start(AsyncExecutor.Builder builder, int port) throws IOException {
    Objects.requireNonNull(builder, "builder");
    checkPort(port);
    LiveListener listener = new LiveListener();
    AsyncExecutor executor = builder.listener(listener).build();
    return new LiveView(executor, listener,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  private static int checkPort(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    return port;
  }

  /**
   * The executor this view shows.
   *
   * @return the executor
   */
  public AsyncExecutor executor() {
    return executor;
  }

  /**
   * The page's address, with the port actually bound, e.g. {@code http://127.0.0.1:8080/}.
   *
   * @return the URL of the page
   */
  public URI url() {
    return url;
  }

  /**
   * Stops the server, the ticker and every open stream (each stream is ended cleanly; the
   * server waits at most a second for them); the graph is not affected.
   */
  @Override
  public void close() {
    feed.close();
    ticker.shutdownNow();
    server.stop(1);
    handlers.shutdownNow();
  }

  private void serve(HttpExchange exchange, Pages pages) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", "Only GET and HEAD\n");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/events")) {
        stream(exchange);
        return;
      }
      Pages.Page page = pages.get(path);
      if (page == null) {
        send(exchange, 404, "text/plain", "No such page: " + path + "\n");
      } else {
        send(exchange, 200, page.contentType(), page.body().get());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Sends one document per tick until the client goes away or the view closes. */
  private void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      StatsFeed.Tick tick = feed.latest();
      write(out, "retry: 1000\ndata: " + tick.json() + "\n\n");
      long seen = tick.seq();
      while (true) {
        StatsFeed.Tick next = feed.next(seen, KEEP_ALIVE_NANOS);
        if (next == null) {
          if (server.getAddress() == null || ticker.isShutdown()) {
            return;
          }
          write(out, ": keep-alive\n\n");
          continue;
        }
        seen = next.seq();
        write(out, "data: " + next.json() + "\n\n");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the page was closed: nothing to do
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static byte[] resource(String name) {
    try (InputStream in = LiveView.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the jar: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
