package io.github.asyncgraphdataflow.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.NodeStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.helpers.NOPLogger;

/** The page in a real browser, during a run the test steers with latches. */
class LiveViewBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String[] NODES = {"orders", "parse", "validate", "enrich", "store", "audit"};

  private final CountDownLatch secondBatch = new CountDownLatch(1);
  private final CountDownLatch storeGate = new CountDownLatch(1);
  private ChromeDriver driver;
  private LiveView view;

  @AfterEach
  void tearDown() {
    secondBatch.countDown();
    storeGate.countDown();
    if (driver != null) {
      driver.quit();
    }
    if (view != null) {
      view.close();
    }
  }

  /**
   * orders -> parse -> validate -> enrich -> store, and parse -> audit. Orders sends 30 items,
   * then waits for the test; store waits for the test; validate fails every 7th item; audit
   * halts the graph on the poison item -1 that orders sends after its second batch.
   */
  private AsyncGraph steeredGraph() {
    AsyncGraph graph = new AsyncGraph();
    graph.addNode("orders", (Emitter<Integer> out) -> {
      for (int i = 1; i <= 30; i++) {
        out.emit(i);
      }
      secondBatch.await();
      for (int i = 31; i <= 60; i++) {
        out.emit(i);
      }
      out.emit(-1);
    });
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x),
        NodeOptions.builder().name("parse").maxTasks(4).build());
    graph.addNode((Integer x, Emitter<Integer> out) -> {
      if (x > 0 && x % 7 == 0) {
        throw new IllegalArgumentException("order " + x + " has no customer id");
      }
      out.emit(x);
    }, NodeOptions.builder().name("validate").maxTasks(2).build());
    graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x),
        NodeOptions.builder().name("enrich").maxTasks(2).build());
    graph.addNode((Integer x, Emitter<Void> out) -> storeGate.await(),
        NodeOptions.builder().name("store").maxTasks(2).queueSize(25).build());
    graph.addNode((Integer x, Emitter<Void> out) -> {
      if (x < 0) {
        throw new IllegalStateException("audit log unavailable: disk full");
      }
    }, NodeOptions.builder().name("audit").haltOnException(true).build());
    graph.addEdge("orders", "parse");
    graph.addEdge("parse", "validate");
    graph.addEdge("validate", "enrich");
    graph.addEdge("enrich", "store");
    graph.addEdge("parse", "audit");
    return graph;
  }

  private long cell(String node, String column) {
    String text = driver.findElement(By.cssSelector("#nodes tr[data-node='" + node + "'] td."
        + column)).getText();
    return Long.parseLong(text.split(" ")[0].replace(",", ""));
  }

  private long count(String css) {
    return (Long) driver.executeScript("return document.querySelectorAll(arguments[0]).length", css);
  }

  private WebElement box(String node) {
    return driver.findElement(By.cssSelector("#graph g.node[data-node='" + node + "']"));
  }

  /** Waits until the page shows exactly these statistics for every node. */
  private void awaitPageShows(Supplier<Map<String, NodeStats>> now) {
    new WebDriverWait(driver, WAIT).until(d -> {
      Map<String, NodeStats> stats = now.get();
      for (String node : NODES) {
        NodeStats s = stats.get(node);
        if (cell(node, "in") != s.in() || cell(node, "out") != s.out()
            || cell(node, "err") != s.err() || cell(node, "discarded") != s.discarded()
            || cell(node, "queued") != s.queued() || cell(node, "workers") != s.active()) {
          return false;
        }
      }
      return true;
    });
  }

  private Path screenshot(String name) throws Exception {
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target,
        StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Test
  void thePageFollowsARunShowsFailuresInRedAndTheHaltBanner() throws Exception {
    driver = Browser.open();
    view = LiveView.start(AsyncExecutor.builder(steeredGraph()).logger(NOPLogger.NOP_LOGGER), 0);
    AsyncExecutor executor = view.executor();
    driver.get(view.url().toString());
    new WebDriverWait(driver, WAIT).until(d ->
        d.findElements(By.cssSelector("#graph g.node")).size() == NODES.length);
    assertThat(driver.findElement(By.id("state")).getText()).isEqualToIgnoringCase("waiting");

    CompletableFuture<ExecutionResult> run = CompletableFuture.supplyAsync(() -> {
      try {
        return executor.execute();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    // First batch: 30 orders, 4 fail validation, store holds 2 and queues 24 of 30.
    // (store's workers may have taken a few more items than they hold: queued is not 24)
    new WebDriverWait(driver, WAIT).until(d -> cell("validate", "err") == 4
        && cell("enrich", "in") == 26 && cell("store", "workers") == 2);
    awaitPageShows(executor::dataFlowStats); // the graph is still: page equals executor
    assertThat(driver.findElement(By.id("state")).getText()).isEqualToIgnoringCase("running");
    assertThat(box("validate").getAttribute("class")).contains("failing");
    assertThat(box("parse").getAttribute("class")).doesNotContain("failing");
    NodeStats store = executor.dataFlowStats().get("store");
    assertThat(box("store").getAttribute("class")).contains("busy");
    assertThat(box("store").getAttribute("class").contains("backpressure"))
        .as("amber at 80%% of the queue: %s queued of 25", store.queued())
        .isEqualTo(store.queued() >= 20);
    assertThat(box("validate").findElement(By.cssSelector("text.error")).getText())
        .contains("has no customer id");
    assertThat(driver.findElement(By.cssSelector("#nodes tr[data-node='validate'] td.lastError"))
        .getText()).matches("IllegalArgumentException: order (7|14|21|28) has no customer id");
    assertThat(driver.findElement(By.id("banner")).isDisplayed()).isFalse();
    screenshot("live-page.png");
    long parsedBefore = cell("parse", "in");

    // Second batch and the poison item: audit fails and halts the graph.
    secondBatch.countDown();
    WebElement banner = new WebDriverWait(driver, WAIT).until(d -> {
      WebElement b = d.findElement(By.id("banner"));
      return b.isDisplayed() && b.getAttribute("class").contains("halted") ? b : null;
    });
    assertThat(banner.getText()).contains("halted").contains("audit");
    ExecutionResult result = run.get(30, TimeUnit.SECONDS);
    assertThat(result.haltedBy()).isEqualTo("audit");
    awaitPageShows(result::stats);
    assertThat(cell("parse", "in")).isGreaterThan(parsedBefore).isEqualTo(61);
    assertThat(driver.findElement(By.id("state")).getText()).isEqualToIgnoringCase("halted");
    assertThat(box("audit").getAttribute("class")).contains("failing");
    screenshot("live-page-halted.png");
  }

  /** 20 layers of 10 nodes, chains with a cross edge every fifth layer. */
  static AsyncGraph wideGraph() {
    AsyncGraph graph = new AsyncGraph();
    for (int layer = 0; layer < 20; layer++) {
      for (int r = 0; r < 10; r++) {
        String name = "n" + layer + "_" + r;
        if (layer == 0) {
          graph.addNode(name, (Emitter<Integer> out) -> {
            for (int i = 0; i < 5; i++) {
              out.emit(i);
            }
          });
        } else {
          graph.addNode((Integer x, Emitter<Integer> out) -> out.emit(x),
              NodeOptions.builder().name(name).build());
          graph.addEdge("n" + (layer - 1) + "_" + r, name);
          if (layer % 5 == 0) {
            graph.addEdge("n" + (layer - 1) + "_" + ((r + 1) % 10), name);
          }
        }
      }
    }
    return graph;
  }

  @Test
  void aGraphOf200NodesIsDrawnWhole() throws Exception {
    driver = Browser.open();
    view = LiveView.start(AsyncExecutor.builder(wideGraph()).logger(NOPLogger.NOP_LOGGER), 0);
    ExecutionResult result = view.executor().execute();
    driver.get(view.url().toString());

    new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.id("banner")).isDisplayed());
    assertThat(driver.findElement(By.id("banner")).getText()).startsWith("Finished");
    assertThat(count("#graph g.node")).isEqualTo(200);
    assertThat(count("#nodes tbody tr")).isEqualTo(200);
    assertThat(count("#graph path.edge")).isEqualTo(19 * 10 + 3 * 10);
    new WebDriverWait(driver, WAIT).until(d ->
        cell("n19_3", "in") == result.stats().get("n19_3").in());
    assertThat(result.stats().get("n19_3").in()).isEqualTo(5 * 8);
    screenshot("live-page-200.png");
  }
}
