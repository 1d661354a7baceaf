package io.github.asyncgraphdataflow.examples.breweries;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An embedded HTTP server on 127.0.0.1 (a free port) that serves a {@link BreweryDataSet} the
 * way the Open Brewery DB API does: {@code GET /v1/breweries?page=P&per_page=N} returns a JSON
 * array (N at most 200, default 50), {@code GET /v1/breweries/meta} returns
 * {@code {"total": T, "page": P, "per_page": N}}.
 *
 * <p>To be realistic and still repeatable, every answer waits 20 to 50 ms, and the first
 * request for some pages fails with HTTP 429 or 500, chosen by a fixed hash of the page number
 * and attempt: a client that retries gets every record. Pages listed as permanent failures
 * always fail (for testing a job's self-check).
 *
 * <p>Thread-safe; each request runs on its own virtual thread.
 */
public final class BreweryServer implements AutoCloseable {
  private static final int MAX_PER_PAGE = 200;
  private static final int DEFAULT_PER_PAGE = 50;

  private final BreweryDataSet data;
  private final Set<Integer> permanentFailures;
  private final int extraDelayMillis;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong recordsServed = new AtomicLong();

  private BreweryServer(BreweryDataSet data, Set<Integer> permanentFailures, int extraDelayMillis)
      throws IOException {
    this.data = data;
    this.permanentFailures = Set.copyOf(permanentFailures);
    this.extraDelayMillis = extraDelayMillis;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/breweries", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /**
   * Starts a server.
   *
   * @param data the records to serve
   * @param permanentFailures pages that always fail with HTTP 500
   * @return the running server
   * @throws IOException if no port can be bound
   */
  public static BreweryServer start(BreweryDataSet data, Set<Integer> permanentFailures)
      throws IOException {
    return new BreweryServer(data, permanentFailures, 0);
  }

  /**
   * Starts a server whose every answer takes {@code extraDelayMillis} longer (to watch, or
   * interrupt, a long run).
   *
   * @param data the records to serve
   * @param permanentFailures pages that always fail with HTTP 500
   * @param extraDelayMillis added to each answer's 20 to 50 ms
   * @return the running server
   * @throws IOException if no port can be bound
   */
  public static BreweryServer start(BreweryDataSet data, Set<Integer> permanentFailures,
      int extraDelayMillis) throws IOException {
    return new BreweryServer(data, permanentFailures, extraDelayMillis);
  }

  /**
   * The API's base address, e.g. {@code http://127.0.0.1:41234/v1/breweries}.
   *
   * @return the address
   */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/breweries");
  }

  /**
   * How many requests were answered.
   *
   * @return the count
   */
  public long requests() {
    return requests.get();
  }

  /**
   * How many requests were answered with a failure on purpose.
   *
   * @return the count
   */
  public long failures() {
    return failures.get();
  }

  /**
   * How many records were sent in successful page responses (a page sent twice counts twice).
   *
   * @return the count
   */
  public long recordsServed() {
    return recordsServed.get();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      int page = Math.max(1, intParam(query, "page", 1));
      int perPage = Math.min(MAX_PER_PAGE,
          Math.max(1, intParam(query, "per_page", DEFAULT_PER_PAGE)));
      boolean meta = path.equals("/v1/breweries/meta");
      if (!meta && !path.equals("/v1/breweries")) {
        send(exchange, 404, Map.of("message", "Not found"));
        return;
      }
      String key = meta ? "meta" : page + "/" + perPage;
      int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      int hash = mix(key.hashCode() * 31 + attempt);
      Thread.sleep(extraDelayMillis + 20 + Math.floorMod(hash, 31)); // 20 to 50 ms, plus the extra
      boolean transientFailure = attempt == 1 && Math.floorMod(hash >>> 8, 16) == 0;
      if (!meta && (permanentFailures.contains(page) || transientFailure)) {
        failures.incrementAndGet();
        boolean tooMany = Math.floorMod(hash >>> 12, 2) == 0 && !permanentFailures.contains(page);
        send(exchange, tooMany ? 429 : 500,
            Map.of("message", tooMany ? "Too many requests" : "Internal server error"));
        return;
      }
      if (meta) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", data.size());
        body.put("page", page);
        body.put("per_page", perPage);
        send(exchange, 200, body);
      } else {
        var records = data.page(page, perPage);
        send(exchange, 200, records);
        recordsServed.addAndGet(records.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return params;
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static int intParam(Map<String, String> query, String name, int fallback) {
    try {
      return Integer.parseInt(query.getOrDefault(name, Integer.toString(fallback)).strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** A fixed integer hash (the finalizer of MurmurHash3), so "random" choices repeat. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
