package io.github.asyncgraphdataflow.live;

import io.github.asyncgraphdataflow.AsyncGraph;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/** The view's documents by path: the page's files and the raw data. Immutable. */
final class Pages {
  /** One document: its content type and how to make its body. */
  record Page(String contentType, Supplier<String> body) {}

  private final Map<String, Page> pages;

  Pages(GraphModel model, StatsFeed feed, AsyncGraph graph) {
    String html = text("index.html");
    String js = text("live.js");
    String css = text("live.css");
    String graphJson = model.toJson("async-graph-data-flow");
    String mermaid = graph.toMermaid(); // drawn once: the view shows the graph it started with
    String dot = graph.toDot();
    Page index = new Page("text/html", () -> html);
    pages = Map.of(
        "/", index,
        "/index.html", index,
        "/live.js", new Page("text/javascript", () -> js),
        "/live.css", new Page("text/css", () -> css),
        "/graph.json", new Page("application/json", () -> graphJson),
        "/stats.json", new Page("application/json", () -> feed.latest().json()),
        "/graph.mmd", new Page("text/plain", () -> mermaid),
        "/graph.dot", new Page("text/vnd.graphviz", () -> dot));
  }

  Page get(String path) {
    return pages.get(path);
  }

  private static String text(String name) {
    return new String(LiveView.resource(name), StandardCharsets.UTF_8);
  }
}
