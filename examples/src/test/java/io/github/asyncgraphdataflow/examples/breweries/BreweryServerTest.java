package io.github.asyncgraphdataflow.examples.breweries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The embedded server speaks the API's shape, and its data set is the same on every run. */
class BreweryServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void servesTheMetadataAndPagesOfTheDataSet() throws Exception {
    BreweryDataSet data = BreweryDataSet.generate(450, 7);
    try (BreweryServer server = BreweryServer.start(data, Set.of());
        HttpClient http = HttpClient.newHttpClient()) {
      JsonNode meta = get(http, server.baseUri() + "/meta?per_page=20");
      assertThat(meta.get("total").asInt()).isEqualTo(450);
      assertThat(meta.get("per_page").asInt()).isEqualTo(20);

      JsonNode page = getRetrying(http, server.baseUri() + "?page=2&per_page=3");
      assertThat(page).hasSize(3);
      assertThat(page.get(0).get("id").asText()).isEqualTo(data.page(2, 3).get(0).get("id"));
      assertThat(page.get(0).has("longitude")).isTrue();

      assertThat(getRetrying(http, server.baseUri() + "?page=1&per_page=500")).hasSize(200);
      assertThat(getRetrying(http, server.baseUri() + "?page=99&per_page=50")).isEmpty();
    }
  }

  @Test
  void theDataSetIsDeterministic() {
    assertThat(BreweryDataSet.generate(100, 42).page(1, 100))
        .isEqualTo(BreweryDataSet.generate(100, 42).page(1, 100));
    assertThat(BreweryDataSet.standard().size()).isEqualTo(BreweryDataSet.DEFAULT_SIZE);
  }

  @Test
  void aPermanentFailureAlwaysFails() throws Exception {
    try (BreweryServer server = BreweryServer.start(BreweryDataSet.generate(10, 1), Set.of(1));
        HttpClient http = HttpClient.newHttpClient()) {
      for (int i = 0; i < 3; i++) {
        assertThat(status(http, server.baseUri() + "?page=1")).isEqualTo(500);
      }
    }
  }

  private static int status(HttpClient http, String uri) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static JsonNode get(HttpClient http, String uri) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The server fails the first request for some pages on purpose: the second one succeeds. */
  private static JsonNode getRetrying(HttpClient http, String uri) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 429 || r.statusCode() == 500) {
      r = http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
