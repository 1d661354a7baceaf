package io.github.asyncgraphdataflow.examples.breweries;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * GETs from the API with {@link HttpClient}, one attempt per call: retrying is the graph's job
 * (the nodes' {@link io.github.asyncgraphdataflow.Retry} policy, with {@link #retriable} as its
 * condition). HTTP 429 (too many requests), 500, 502, 503 and 504 and I/O failures are
 * retriable; other statuses are not.
 *
 * <p>{@code Retry-After}: a 429 or 503 answer that asks for a pause (in seconds) carries it in
 * its {@link HttpStatusException}; the retry policy reads it through {@link #retryAfter}
 * ({@link io.github.asyncgraphdataflow.Retry#retryAfter}) and waits that long, at most
 * {@link #MAX_RETRY_AFTER}, instead of its back-off. This client never sleeps itself.
 *
 * <p>Thread-safe: one client serves every fetcher.
 */
final class ApiClient implements AutoCloseable {
  /** The longest {@code Retry-After} pause honoured. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

  private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

  /** An answer other than 200. */
  static final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final Duration retryAfter;

    HttpStatusException(int status, URI uri, Duration retryAfter) {
      super("HTTP " + status + " from " + uri);
      this.status = status;
      this.retryAfter = retryAfter;
    }

    int status() {
      return status;
    }

    /** The pause the answer asked for ({@code Retry-After} in seconds, capped), or null. */
    Duration retryAfter() {
      return retryAfter;
    }

    /** The message alone ("HTTP 500 from …"): the status says what kind of failure it is. */
    @Override
    public String toString() {
      return getMessage();
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  /**
   * Whether a failure of {@link #get} is worth another attempt: HTTP 429/500/502/503/504, or
   * an I/O failure without an answer.
   *
   * @param failure the failure
   * @return true to retry
   */
  static boolean retriable(Throwable failure) {
    if (failure instanceof HttpStatusException h) {
      return RETRYABLE.contains(h.status());
    }
    return failure instanceof IOException;
  }

  /**
   * GETs a JSON document, once.
   *
   * @param uri the address
   * @return the body
   * @throws IOException if it fails ({@link HttpStatusException} for an answer other than 200)
   * @throws InterruptedException if interrupted (the graph halts)
   */
  String get(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header("User-Agent", "async-graph-data-flow-examples")
        .GET()
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) { // e.g. a ConnectException, which has no message of its own
      throw new IOException("no answer from " + uri + " (" + e + ")", e);
    }
    if (response.statusCode() == 200) {
      return response.body();
    }
    int status = response.statusCode();
    Duration pause = status == 429 || status == 503 ? retryAfter(response).orElse(null) : null;
    throw new HttpStatusException(status, uri, pause);
  }

  /**
   * The pause a failure of {@link #get} asked for, for {@link
   * io.github.asyncgraphdataflow.Retry#retryAfter}: the {@code Retry-After} of a 429 or 503
   * answer, in seconds, at most {@link #MAX_RETRY_AFTER}; {@code null} (the policy's back-off)
   * for any other failure, or an answer without one or with an HTTP date.
   *
   * @param failure the failure
   * @return the pause, or null
   */
  static Duration retryAfter(Throwable failure) {
    return failure instanceof HttpStatusException h ? h.retryAfter() : null;
  }

  @Override
  public void close() {
    http.close();
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        long seconds = Long.parseLong(v.strip());
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        return Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
      } catch (NumberFormatException e) {
        return Optional.empty(); // an HTTP date: the policy's back-off only
      }
    });
  }
}
