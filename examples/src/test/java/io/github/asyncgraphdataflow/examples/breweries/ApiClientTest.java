package io.github.asyncgraphdataflow.examples.breweries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.github.asyncgraphdataflow.Retry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} reaches the retry policy through the failure, capped; never a sleep. */
class ApiClientTest {
  private static HttpServer server;
  private static ApiClient client;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // /STATUS/RETRY-AFTER answers STATUS with that Retry-After header ("-": none)
    server.createContext("/", exchange -> {
      String[] parts = exchange.getRequestURI().getPath().split("/");
      if (!parts[2].equals("-")) {
        exchange.getResponseHeaders().add("Retry-After", parts[2].replace('_', ' '));
      }
      exchange.sendResponseHeaders(Integer.parseInt(parts[1]), -1);
      exchange.close();
    });
    server.start();
    client = new ApiClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.stop(0);
  }

  private static ApiClient.HttpStatusException fail(String path) {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return catchThrowableOfType(ApiClient.HttpStatusException.class, () -> client.get(uri));
  }

  @Test
  void aPauseInSecondsOfA429Or503IsKeptInTheFailure() {
    assertThat(ApiClient.retryAfter(fail("/429/2"))).isEqualTo(Duration.ofSeconds(2));
    assertThat(ApiClient.retryAfter(fail("/503/0"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void aLongPauseIsCappedAndOtherAnswersGiveNone() {
    assertThat(ApiClient.retryAfter(fail("/429/3600"))).isEqualTo(ApiClient.MAX_RETRY_AFTER);
    assertThat(ApiClient.retryAfter(fail("/500/5"))).as("not a 429 or 503").isNull();
    assertThat(ApiClient.retryAfter(fail("/429/-"))).as("no header").isNull();
    assertThat(ApiClient.retryAfter(fail("/503/Wed,_21_Oct_2026_07:28:00_GMT")))
        .as("an HTTP date").isNull();
    assertThat(ApiClient.retryAfter(new IOException("no answer"))).isNull();
  }

  @Test
  void thePolicyWaitsThePauseInsteadOfItsBackoff() {
    Retry policy = Retry.of(3).backoff(Duration.ofMillis(100)).retryAfter(ApiClient::retryAfter);
    assertThat(policy.delay(1, fail("/429/2"))).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delay(1, fail("/500/-"))).isEqualTo(Duration.ofMillis(100));
  }
}
