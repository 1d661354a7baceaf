package io.github.asyncgraphdataflow.examples.breweries;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncgraphdataflow.AsyncGraph;
import io.github.asyncgraphdataflow.DeadLetter;
import io.github.asyncgraphdataflow.Emitter;
import io.github.asyncgraphdataflow.Node;
import io.github.asyncgraphdataflow.NodeOptions;
import io.github.asyncgraphdataflow.Nodes;
import io.github.asyncgraphdataflow.RateLimit;
import io.github.asyncgraphdataflow.Retry;
import java.time.Duration;
import io.github.asyncgraphdataflow.queue.BatchingQueue;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The job's graph: six named nodes, one function each.
 *
 * <pre>
 * discoverPages -> fetchPage (N workers) -> parseJson -> cleanRecord -+-> writeCsv
 *                                                                     +-> writeSqlite
 * </pre>
 * (writeSqlite gets batches of 300 records from its BatchingQueue.)
 *
 * <p>Thread-safe: the counters are atomic; each sink is used by its node's single worker.
 */
final class BreweriesJob {
  /** Rows per SQLite transaction. */
  static final int SQLITE_BATCH = 300;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<RawBrewery>> PAGE = new TypeReference<>() {};

  private final ApiClient client;
  private final URI base;
  private final int perPage;
  private final int fetchers;
  private final int attempts;
  private final int rate;
  private final CsvSink csv;
  private final SqliteSink sqlite;
  private final SortedSet<Integer> onlyPages;
  final PageLedger ledger = new PageLedger();
  final FailedPages failedPages = new FailedPages();
  /** The pages this run fetches, once the metadata request has answered. */
  final AtomicReference<List<Integer>> runPages = new AtomicReference<>();
  final AtomicLong expectedRecords = new AtomicLong(-1);
  final AtomicLong pages = new AtomicLong(-1);
  final AtomicLong pagesFetched = new AtomicLong();
  final AtomicLong recordsParsed = new AtomicLong();

  /** One page as the API sent it. */
  record Page(int number, String body) {}

  /**
   * A job.
   *
   * @param attempts attempts per request (the retry policy of discoverPages and fetchPage)
   * @param rate requests per second for fetchPage, or 0 for no limit
   * @param onlyPages the pages to fetch (a resumed run), or null for every page
   */
  BreweriesJob(ApiClient client, URI base, int perPage, int fetchers, int attempts, int rate,
      CsvSink csv, SqliteSink sqlite, SortedSet<Integer> onlyPages) {
    this.attempts = attempts;
    this.rate = rate;
    this.onlyPages = onlyPages;
    this.client = client;
    this.base = base;
    this.perPage = perPage;
    this.fetchers = fetchers;
    this.csv = csv;
    this.sqlite = sqlite;
  }

  /**
   * Retries HTTP 429/5xx and I/O failures: 100 ms, 200 ms, ... at most 2 s, each +-20%, or the
   * pause a 429 or 503 answer asks for with {@code Retry-After} (at most 10 s).
   */
  private Retry retry() {
    return Retry.of(attempts).backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(2))
        .jitter(0.2).retryIf(ApiClient::retriable).retryAfter(ApiClient::retryAfter);
  }

  AsyncGraph graph() {
    return graph(false);
  }

  /**
   * The job's graph.
   *
   * @param forFlink for the Flink runner, which takes no node policies and no error edges:
   *     the same nodes, with the retries done inside the two request nodes and a page that
   *     fails for good recorded there (and counted as that node's error)
   */
  AsyncGraph graph(boolean forFlink) {
    if (forFlink) {
      return flinkGraph();
    }
    AsyncGraph graph = new AsyncGraph();
    // holdLimit(0): the page numbers go on at once; only a failed metadata request is retried
    var discover = graph.addNode(this::discoverPages, NodeOptions.builder()
        .name("discoverPages").retry(retry().holdLimit(0)).build());
    // a short queue: the fetchers take pages one or two at a time (a worker takes its share of
    // what is queued), so they share the work evenly to the last page
    NodeOptions.Builder fetchOptions = NodeOptions.builder()
        .name("fetchPage").maxTasks(fetchers).queueSize(2 * fetchers).retry(retry());
    if (rate > 0) {
      fetchOptions.rateLimit(RateLimit.perSecond(rate));
    }
    var fetch = graph.addNode(this::fetchPage, fetchOptions.build());
    // a page that fails for good arrives here along the error edge, with its error and attempts
    var failed = graph.addNode("recordFailedPage", Nodes.sink(
        (DeadLetter<Integer> d) -> failedPages.failed(d.item(), d.error(), d.attempts())));
    graph.addErrorEdge(fetch, failed);
    return addWriters(graph, discover, fetch);
  }

  /** Adds the nodes after fetchPage (parse, clean, the two sinks) and every plain edge. */
  private AsyncGraph addWriters(AsyncGraph graph, Node<?, Integer> discover,
      Node<Integer, Page> fetch) {
    var parse = graph.addNode("parseJson", this::parseJson);
    var clean = graph.addNode("cleanRecord", Nodes.map(Brewery::clean));
    var writeCsv = graph.addNode("writeCsv", Nodes.sink(this::writeCsv));
    // the batching queue hands this node lists of up to 300 records, and the last, shorter
    // list when cleanRecord has finished
    var writeSqlite = graph.addNode(Nodes.sink(this::writeSqlite), NodeOptions.builder()
        .name("writeSqlite")
        .queue(() -> new BatchingQueue<Brewery>(SQLITE_BATCH))
        .build());
    graph.addEdge(discover, fetch);
    graph.addEdge(fetch, parse);
    graph.addEdge(parse, clean);
    graph.addEdge(clean, writeCsv);
    // by name: the queue turns cleanRecord's Brewery items into the List<Brewery> it takes
    graph.addEdge(clean.name(), writeSqlite.name());
    return graph;
  }

  private AsyncGraph flinkGraph() {
    AsyncGraph graph = new AsyncGraph();
    var discover = graph.addNode("discoverPages", (Emitter<Integer> out) ->
        withRetries(-1, () -> discoverPages(out)));
    var fetch = graph.addNode("fetchPage", (Integer page, Emitter<Page> out) ->
        withRetries(page, () -> fetchPage(page, out)),
        NodeOptions.builder().maxTasks(fetchers).queueSize(2 * fetchers).build());
    return addWriters(graph, discover, fetch);
  }

  /** A request that may fail. */
  private interface Request {
    void run() throws IOException, InterruptedException;
  }

  /**
   * The retry policy of {@link #retry()} done by hand, for the Flink runner: sleeps and tries
   * again while the failure is retriable; a page that fails for good is recorded.
   */
  private void withRetries(int page, Request request) throws IOException, InterruptedException {
    Retry policy = retry();
    for (int attempt = 1; ; attempt++) {
      try {
        request.run();
        return;
      } catch (IOException | RuntimeException e) {
        if (attempt >= attempts || !ApiClient.retriable(e)) {
          if (page >= 0) {
            failedPages.failed(page, e, attempt);
          }
          throw e;
        }
        Thread.sleep(policy.delay(attempt, e));
      }
    }
  }

  /**
   * Asks the metadata endpoint how many records there are, and emits each page number (or,
   * in a resumed run, the unfinished pages of the run it resumes).
   */
  void discoverPages(Emitter<Integer> out) throws IOException, InterruptedException {
    JsonNode meta = JSON.readTree(client.get(URI.create(base + "/meta?per_page=" + perPage)));
    // the real API sends its numbers as text; asLong reads both
    long total = meta.path("total").asLong(-1);
    if (total < 0) {
      throw new IOException("the metadata endpoint sent no total: " + meta);
    }
    long count = (total + perPage - 1) / perPage;
    List<Integer> todo = new ArrayList<>();
    if (onlyPages == null) {
      for (int page = 1; page <= count; page++) {
        todo.add(page);
      }
    } else {
      todo.addAll(onlyPages); // a page beyond the total now is fetched, comes back empty
    }
    expectedRecords.set(total);
    runPages.set(List.copyOf(todo));
    pages.set(todo.size());
    for (int page : todo) {
      out.emit(page);
    }
  }

  /**
   * Fetches one page (one attempt: the node's retry policy repeats transient failures; a page
   * that fails for good goes along the error edge to recordFailedPage).
   */
  void fetchPage(Integer page, Emitter<Page> out) throws IOException, InterruptedException {
    String body = client.get(URI.create(base + "?page=" + page + "&per_page=" + perPage));
    pagesFetched.incrementAndGet();
    out.emit(new Page(page, body));
  }

  /** Parses a page's JSON array and emits its records one by one. */
  void parseJson(Page page, Emitter<RawBrewery> out) throws IOException, InterruptedException {
    List<RawBrewery> records = JSON.readValue(page.body(), PAGE);
    ledger.parsed(page.number(), records.stream().map(RawBrewery::id).toList());
    for (RawBrewery record : records) {
      out.emit(record);
    }
    recordsParsed.addAndGet(records.size());
  }

  /** Writes one record to the CSV file. */
  void writeCsv(Brewery brewery) throws IOException {
    csv.write(brewery);
    ledger.writtenToCsv(brewery.id());
  }

  /** Upserts a batch into SQLite, in one transaction. */
  void writeSqlite(List<Brewery> batch) throws java.sql.SQLException {
    sqlite.writeBatch(batch);
    ledger.committedToSqlite(batch);
  }
}
