package io.github.asyncgraphdataflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.examples.breweries.BreweriesGraph;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The graph pictures of the READMEs are drawn from the real graphs: each block between
 * {@code <!-- graph:NAME -->} and {@code <!-- /graph -->} must be a {@code ```mermaid} block
 * holding exactly {@code toMermaid()} of the graph named NAME. When a graph changes this test
 * fails; redraw the pictures with
 *
 * <pre>
 * mvn -B -pl examples -am verify -Dtest=ReadmeGraphsTest -Dsurefire.failIfNoSpecifiedTests=false -Dgraphs.update=true
 * </pre>
 *
 * which rewrites the blocks in place (and passes).
 */
class ReadmeGraphsTest {
  private static final Pattern BLOCK =
      Pattern.compile("<!-- graph:([\\w-]+) -->\\n(.*?)<!-- /graph -->", Pattern.DOTALL);
  private static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());

  /** Every graph a README draws, by the name its marker uses. */
  static Map<String, Callable<AsyncGraph>> graphs() {
    Map<String, Callable<AsyncGraph>> graphs = new LinkedHashMap<>();
    graphs.put("breweries", BreweriesGraph::withDefaults);
    graphs.put("branching", () -> Branching.graph(NOWHERE, Duration.ZERO));
    graphs.put("combine-sources", () -> CombineSources.graph(NOWHERE));
    return graphs;
  }

  /** The READMEs, relative to the examples module (where the tests run). */
  static List<Path> readmes() {
    return List.of(Path.of("..", "README.md"), Path.of("README.md"));
  }

  @Test
  void everyGraphPictureInTheReadmesIsDrawnFromItsGraph() throws Exception {
    boolean update = Boolean.getBoolean("graphs.update");
    Map<String, Callable<AsyncGraph>> graphs = graphs();
    Map<String, String> drawn = new LinkedHashMap<>();
    for (Map.Entry<String, Callable<AsyncGraph>> g : graphs.entrySet()) {
      drawn.put(g.getKey(), "```mermaid\n" + g.getValue().call().toMermaid() + "```\n");
    }
    List<String> drifted = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (Path readme : readmes()) {
      String text = Files.readString(readme, StandardCharsets.UTF_8);
      Matcher m = BLOCK.matcher(text);
      StringBuilder rewritten = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        assertThat(drawn).as("%s names an unknown graph '%s'", readme, name).containsKey(name);
        used.add(name);
        if (!m.group(2).equals(drawn.get(name))) {
          drifted.add(readme + ": " + name);
        }
        m.appendReplacement(rewritten,
            Matcher.quoteReplacement("<!-- graph:" + name + " -->\n" + drawn.get(name)
                + "<!-- /graph -->"));
      }
      m.appendTail(rewritten);
      if (update && !rewritten.toString().equals(text)) {
        Files.writeString(readme, rewritten, StandardCharsets.UTF_8);
      }
    }

    assertThat(used).as("every graph is drawn somewhere").containsExactlyInAnyOrderElementsOf(
        graphs.keySet());
    if (!update) {
      assertThat(drifted).as("pictures that no longer match their graph; redraw them with "
          + "mvn -B -pl examples -am verify -Dtest=ReadmeGraphsTest "
          + "-Dsurefire.failIfNoSpecifiedTests=false -Dgraphs.update=true").isEmpty();
    }
  }
}
