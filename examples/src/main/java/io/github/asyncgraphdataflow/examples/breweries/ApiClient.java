package io.github.asyncgraphdataflow.examples.breweries;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GETs from the API with {@link HttpClient}, retrying what is worth retrying: HTTP 429 (too many
 * requests), 500, 502, 503, 504 and I/O failures, up to {@code maxAttempts} in all, waiting
 * {@code 100 ms * 2^(attempt-1)} (at most 2 s) in between, or what the server's
 * {@code Retry-After} header asks (at most 10 s). Other statuses fail at once.
 *
 * <p>Thread-safe: one client serves every fetcher.
 */
final class ApiClient implements AutoCloseable {
  private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();
  private final int maxAttempts;
  private final AtomicLong retries = new AtomicLong();

  ApiClient(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /**
   * How many requests were repeated after a failure.
   *
   * @return the count
   */
  long retries() {
    return retries.get();
  }

  /**
   * GETs a JSON document.
   *
   * @param uri the address
   * @return the body
   * @throws IOException if it still fails after the last attempt, or fails in a way not worth
   *     retrying
   * @throws InterruptedException if interrupted (the graph halts)
   */
  String get(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header("User-Agent", "async-graph-data-flow-examples")
        .GET()
        .build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response = null;
      IOException failure = null;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        failure = e;
      }
      if (response != null && response.statusCode() == 200) {
        return response.body();
      }
      if (response != null && !RETRYABLE.contains(response.statusCode())) {
        throw new IOException("HTTP " + response.statusCode() + " from " + uri);
      }
      String problem = response != null ? "HTTP " + response.statusCode() : failure.toString();
      if (attempt >= maxAttempts) {
        throw new IOException(
            problem + " from " + uri + " after " + attempt + (attempt == 1 ? " attempt" : " attempts"), failure);
      }
      Duration wait = response != null
          ? retryAfter(response).orElse(backoff(attempt))
          : backoff(attempt);
      retries.incrementAndGet();
      Thread.sleep(wait);
    }
  }

  @Override
  public void close() {
    http.close();
  }

  private static Duration backoff(int attempt) {
    Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        long seconds = Long.parseLong(v.strip());
        return Optional.of(Duration.ofSeconds(Math.min(10, Math.max(0, seconds))));
      } catch (NumberFormatException e) {
        return Optional.empty(); // an HTTP date: fall back to our own back-off
      }
    });
  }
}
