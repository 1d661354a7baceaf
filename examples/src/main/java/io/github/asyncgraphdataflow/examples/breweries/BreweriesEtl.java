package io.github.asyncgraphdataflow.examples.breweries;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeStats;
import io.github.asyncgraphdataflow.live.LiveView;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job: downloads every page of a breweries API in the shape of the Open Brewery DB API
 * and writes the records to a CSV file and a SQLite database, then checks that both hold every
 * record. Without {@code --url} it starts an embedded server ({@link BreweryServer}) with a
 * generated data set. Run with {@code --help} for the options.
 *
 * <p>Exit codes: 0 done and checked, 1 the self-check found missing records, 2 bad options.
 */
@Command(name = "breweries-etl", mixinStandardHelpOptions = true, sortOptions = false,
    version = "breweries-etl (async-graph-data-flow examples) 0.1.0",
    description = {
        "Downloads every page of a breweries API (the Open Brewery DB API's shape), cleans the "
            + "records and writes them to a CSV file and a SQLite database, fetching pages "
            + "concurrently; then checks that both outputs hold every record.",
        "Without --url it starts an embedded API server on 127.0.0.1 with "
            + "a generated data set of 8,123 records (20-50 ms per request, a few transient "
            + "HTTP 429/500 failures, which are retried)."})
public final class BreweriesEtl implements Callable<Integer> {
  private static final long SEED = 20_240_601L;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL",
      description = "The API's base address, e.g. https://api.openbrewerydb.org/v1/breweries "
          + "(default: the embedded server).")
  URI url;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/breweries",
      description = "Where breweries.csv and breweries.db are written (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Option(names = "--live", paramLabel = "PORT",
      description = "Serve a live page of the running graph on 127.0.0.1:PORT (0: any free port).")
  Integer livePort;

  @Option(names = "--fetchers", paramLabel = "N", defaultValue = "8",
      description = "How many pages are fetched at the same time (default: ${DEFAULT-VALUE}).")
  int fetchers;

  @Option(names = "--per-page", paramLabel = "N", defaultValue = "50",
      description = "Records per page, 1 to 200 (default: ${DEFAULT-VALUE}, as the API's).")
  int perPage;

  @Option(names = "--records", paramLabel = "N", defaultValue = "" + BreweryDataSet.DEFAULT_SIZE,
      description = "Size of the embedded server's data set (default: ${DEFAULT-VALUE}).")
  int records;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
      description = "Retries per request after a transient failure (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
      description = "Where the graph runs: local (AsyncExecutor, the default) or flink (an "
          + "embedded Apache Flink cluster of 2 TaskManagers x 2 slots; fetchPage on 2 "
          + "subtasks of --fetchers concurrent requests each).")
  String engine;

  @Option(names = "--fail-pages", paramLabel = "P", split = ",", hidden = true,
      description = "Pages the embedded server always fails (to see the self-check fail).")
  List<Integer> failPages = new ArrayList<>();

  private final PrintStream out;
  private final boolean terminal;

  BreweriesEtl(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /**
   * Runs the job from the command line and exits with its exit code.
   *
   * @param args the options; {@code --help} lists them
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Progress.stdoutIsTerminal()));
  }

  /**
   * Runs the job.
   *
   * @param args the options
   * @param out where progress, statistics and results go
   * @param err where errors go
   * @param terminal whether {@code out} is a terminal (progress is then updated in place)
   * @return the exit code
   */
  static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    CommandLine cl = new CommandLine(new BreweriesEtl(out, terminal));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    check(fetchers >= 1, "--fetchers must be at least 1, was " + fetchers);
    check(perPage >= 1 && perPage <= 200, "--per-page must be 1 to 200, was " + perPage);
    check(records >= 0, "--records must not be negative, was " + records);
    check(retries >= 0, "--retries must not be negative, was " + retries);
    check(engine.equals("local") || engine.equals("flink"),
        "--engine must be local or flink, was " + engine);
    check(livePort == null || (livePort >= 0 && livePort <= 65_535),
        "--live must be a port from 0 to 65535, was " + livePort);
    check(livePort == null || engine.equals("local"), "--live works with --engine local only");
    Files.createDirectories(outDir);
    if (url != null) {
      var parsed = spec.commandLine().getParseResult();
      check(!parsed.hasMatchedOption("--records") && !parsed.hasMatchedOption("--fail-pages"),
          "--records and --fail-pages configure the embedded server; they do not go with --url");
      out.println("API: " + url);
      return runJob(url);
    }
    try (BreweryServer server = BreweryServer.start(
        BreweryDataSet.generate(records, SEED), Set.copyOf(failPages))) {
      out.println("Embedded API: " + server.baseUri() + " (" + String.format(Locale.ROOT,
          "%,d", records) + " records)");
      int code = runJob(server.baseUri());
      out.printf(Locale.ROOT, "Embedded API answered %,d requests (%,d failed on purpose).%n",
          server.requests(), server.failures());
      return code;
    }
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }

  private int runJob(URI base) throws Exception {
    Path csvFile = outDir.resolve("breweries.csv").toAbsolutePath();
    Path dbFile = outDir.resolve("breweries.db").toAbsolutePath();
    Files.deleteIfExists(csvFile);
    Files.deleteIfExists(dbFile);
    long started = System.nanoTime();
    ExecutionResult result;
    BreweriesJob job;
    try (ApiClient client = new ApiClient(retries + 1);
        CsvSink csv = new CsvSink(csvFile);
        SqliteSink sqlite = new SqliteSink(dbFile)) {
      job = new BreweriesJob(client, base, perPage, fetchers, csv, sqlite);
      if (engine.equals("flink")) {
        try (Progress progress = new Progress(out, terminal,
            () -> status(job, client, csv, sqlite, null))) {
          result = FlinkEngine.execute(job);
        }
      } else {
        AsyncExecutor.Builder builder = AsyncExecutor.builder(job.graph());
        LiveView live = livePort == null ? null : LiveView.start(builder, livePort);
        AsyncExecutor executor = live == null ? builder.build() : live.executor();
        if (live != null) {
          out.println("Live view: " + live.url());
        }
        try (live; Progress progress = new Progress(out, terminal,
            () -> status(job, client, csv, sqlite, executor.dataFlowStats()))) {
          result = executor.execute();
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    printStats(result.stats());
    out.println("CSV:    " + csvFile);
    out.println("SQLite: " + dbFile + " (table " + SqliteSink.TABLE + ")");
    out.printf(Locale.ROOT, "Wall time: %.2f s with %d fetcher(s)%n", seconds, fetchers);
    return selfCheck(job.expectedRecords.get(), CsvSink.countRows(csvFile),
        SqliteSink.countRows(dbFile), result);
  }

  private static String status(BreweriesJob job, ApiClient client, CsvSink csv, SqliteSink sqlite,
      Map<String, NodeStats> stats) {
    long errors = stats == null ? 0 : stats.values().stream().mapToLong(NodeStats::err).sum();
    long pages = job.pages.get();
    return String.format(Locale.ROOT,
        "pages %,d/%s (retries %d) | records parsed %,d | CSV %,d | SQLite %,d | errors %d",
        job.pagesFetched.get(), pages < 0 ? "?" : String.format(Locale.ROOT, "%,d", pages),
        client.retries(), job.recordsParsed.get(), csv.rows(), sqlite.rows(), errors);
  }

  private void printStats(Map<String, NodeStats> stats) {
    out.println("Data-flow statistics:");
    out.printf(Locale.ROOT, "  %-14s %8s %8s %6s %10s%n", "node", "in", "out", "err", "discarded");
    stats.forEach((node, s) -> out.printf(Locale.ROOT, "  %-14s %8d %8d %6d %10d%n",
        node, s.in(), s.out(), s.err(), s.discarded()));
  }

  private int selfCheck(long expected, long csvRows, long sqliteRows, ExecutionResult result) {
    if (expected >= 0 && csvRows == expected && sqliteRows == expected) {
      out.printf(Locale.ROOT, "Self-check passed: %,d records served, %,d rows in the CSV file, "
          + "%,d rows in SQLite.%n", expected, csvRows, sqliteRows);
      return 0;
    }
    StringBuilder m = new StringBuilder("Self-check FAILED: ");
    if (expected < 0) {
      m.append("the number of records is unknown (the metadata request failed); ");
    } else {
      m.append(String.format(Locale.ROOT, "the API reported %,d records; ", expected));
    }
    m.append(String.format(Locale.ROOT, "the CSV file has %,d rows%s, SQLite %,d rows%s.",
        csvRows, missing(expected, csvRows), sqliteRows, missing(expected, sqliteRows)));
    result.exceptions().forEach((node, failures) -> failures.forEach(
        f -> m.append(System.lineSeparator()).append("  ").append(node).append(": ").append(f)));
    out.println(m);
    return 1;
  }

  private static String missing(long expected, long rows) {
    return expected < 0 || rows == expected ? ""
        : String.format(Locale.ROOT, " (%,d %s)", Math.abs(expected - rows),
            rows < expected ? "missing" : "too many");
  }
}
