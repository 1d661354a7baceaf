package io.github.asyncgraphdataflow.examples.breweries;

import io.github.asyncgraphdataflow.AsyncGraph;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The main job's graph as the job builds it, with the default options, for drawing. */
public final class BreweriesGraph {
  /** The default of {@code --fetchers}. */
  static final int DEFAULT_FETCHERS = 8;

  private BreweriesGraph() {}

  /**
   * Builds the job's graph with the default options; its sinks are made in a temporary
   * directory and closed (and deleted) again: the graph is for drawing, not for running.
   *
   * @return the graph
   * @throws Exception if a sink cannot be made
   */
  public static AsyncGraph withDefaults() throws Exception {
    Path dir = Files.createTempDirectory("breweries-graph");
    try (ApiClient client = new ApiClient();
        CsvSink csv = new CsvSink(dir.resolve("breweries.csv"));
        SqliteSink sqlite = new SqliteSink(dir.resolve("breweries.db"))) {
      return new BreweriesJob(client, URI.create("http://127.0.0.1/v1/breweries"), 50,
          DEFAULT_FETCHERS, 5, 0, csv, sqlite, null).graph();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(BreweriesGraph::delete);
      }
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
