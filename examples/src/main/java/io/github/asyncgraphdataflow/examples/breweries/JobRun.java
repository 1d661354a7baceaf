package io.github.asyncgraphdataflow.examples.breweries;

import io.github.asyncgraphdataflow.AsyncExecutor;
import io.github.asyncgraphdataflow.ExecutionResult;
import io.github.asyncgraphdataflow.NodeStats;
import io.github.asyncgraphdataflow.live.LiveView;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * One run of the job: builds the graph over temporary outputs, runs it with a status line,
 * and then either publishes the outputs (finished, self-check passed), keeps them as partial
 * files with the record of unfinished pages (failed or interrupted), or deletes them (nothing
 * worth keeping). The published outputs are never touched by a run that did not finish.
 *
 * <p>Not thread-safe: runs on the job's main thread.
 */
final class JobRun {
  private static final int MAX_LISTED_FAILURES = 5;

  private final PrintStream out;
  private final boolean terminal;
  private final Interrupts interrupts;
  private final int fetchers;
  private final int perPage;
  private final int retries;
  private final int rate;
  private final Integer livePort;
  private final boolean flink;

  JobRun(PrintStream out, boolean terminal, Interrupts interrupts, int fetchers, int perPage,
      int retries, int rate, Integer livePort, boolean flink) {
    this.flink = flink;
    this.rate = rate;
    this.livePort = livePort;
    this.out = out;
    this.terminal = terminal;
    this.interrupts = interrupts;
    this.fetchers = fetchers;
    this.perPage = perPage;
    this.retries = retries;
  }

  /**
   * Runs the job.
   *
   * @param base the API's base address
   * @param outputs the output files
   * @param onlyPages the pages to fetch (a resumed run), or null for all
   * @return the exit code
   * @throws IOException if an output cannot be written
   * @throws SQLException if the database cannot be opened or read
   */
  int run(URI base, Outputs outputs, SortedSet<Integer> onlyPages)
      throws IOException, SQLException {
    boolean resume = onlyPages != null;
    outputs.prepare(resume);
    long started = System.nanoTime();
    ExecutionResult result = null;
    boolean interrupted = false;
    BreweriesJob job;
    AsyncExecutor executor = null;
    CsvSink csv = new CsvSink(outputs.tmpCsv);
    SqliteSink sqlite;
    try (ApiClient client = new ApiClient()) {
      sqlite = new SqliteSink(outputs.tmpDb);
      try (sqlite) {
        job = new BreweriesJob(client, base, perPage, fetchers, retries + 1, rate, csv, sqlite,
            onlyPages);
        if (flink) {
          BreweriesJob flinkJob = job;
          StatusLine status = new StatusLine(System.nanoTime());
          try (Progress progress = new Progress(out, terminal, () -> status.next(
              System.nanoTime(), Map.of(), flinkJob.pages.get(), csv.rows(), sqlite.rows()))) {
            result = FlinkEngine.execute(job);
          } catch (IOException | SQLException | RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException("the Flink job failed: " + e, e);
          }
        } else {
          BreweriesJob localJob = job;
          AsyncExecutor.Builder builder = AsyncExecutor.builder(job.graph())
              .logger(new OneLineLogger(System.err,
                  () -> interrupts != null && interrupts.signalled()));
          LiveView live = livePort == null ? null : LiveView.start(builder, livePort);
          AsyncExecutor local = live == null ? builder.build() : live.executor();
          executor = local;
          if (live != null) {
            out.println("Live view: " + live.url());
          }
          if (interrupts != null) {
            interrupts.haltWith(local::cancel);
          }
          StatusLine status = new StatusLine(System.nanoTime());
          try (live; Progress progress = new Progress(out, terminal, () -> status.next(
              System.nanoTime(), local.dataFlowStats(), localJob.pages.get(), csv.rows(),
              sqlite.rows()))) {
            try {
              result = local.execute();
            } catch (InterruptedException e) {
              interrupted = true; // a signal before execute began: it halted at once
            }
          }
          if (interrupts != null && interrupts.graphEnded()) {
            interrupted = true;
          }
        }
      } // closing the database waits for a batch in progress to commit or roll back
    }
    try (csv) {
      if (resume) {
        csv.keepRowsOf(outputs.partialCsv); // one row per id: the rows not fetched again
      }
    }
    Map<String, NodeStats> stats = executor != null ? executor.dataFlowStats()
        : result != null ? result.stats() : Map.of();
    if (interrupted) {
      return interrupted(job, stats, outputs, csv, sqlite);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    printStats(stats);
    out.printf(Locale.ROOT, "Wall time: %.2f s with %d fetcher(s)%n", seconds, fetchers);
    long csvRows = CsvSink.countRows(outputs.tmpCsv);
    long sqliteRows = SqliteSink.countRows(outputs.tmpDb);
    if (selfCheck(job, csvRows, sqliteRows, result)) {
      outputs.publish();
      out.println("CSV:    " + outputs.csv);
      out.println("SQLite: " + outputs.db + " (table " + SqliteSink.TABLE + ")");
      return BreweriesEtl.EXIT_OK;
    }
    out.println(keepOrDelete(job, outputs, "not written (the run failed)"));
    return BreweriesEtl.EXIT_FAILED;
  }

  private int interrupted(BreweriesJob job, Map<String, NodeStats> stats, Outputs outputs,
      CsvSink csv, SqliteSink sqlite) throws IOException {
    List<Integer> runPages = job.runPages.get();
    NodeStats fetch = stats.getOrDefault("fetchPage", NodeStats.ZERO);
    long discarded = stats.values().stream().mapToLong(NodeStats::discarded).sum();
    String where = stats.entrySet().stream().filter(e -> e.getValue().discarded() > 0)
        .map(e -> e.getKey() + " " + e.getValue().discarded())
        .collect(Collectors.joining(", "));
    String kept = keepOrDelete(job, outputs, "not finished (interrupted)");
    out.printf(Locale.ROOT, "Interrupted: graph halted after %,d of %s pages; written %,d CSV "
            + "rows and %,d SQLite rows (%,d rolled back); discarded %,d queued items%s. %s%n",
        fetch.out(), runPages == null ? "?" : String.format(Locale.ROOT, "%,d", runPages.size()),
        csv.rows(), sqlite.rows(), sqlite.rolledBack(), discarded,
        where.isEmpty() ? "" : " (" + where + ")", kept);
    return BreweriesEtl.EXIT_INTERRUPTED;
  }

  /** Keeps this run's files as the partial ones, or deletes them; says which. */
  private String keepOrDelete(BreweriesJob job, Outputs outputs, String otherwise)
      throws IOException {
    List<Integer> runPages = job.runPages.get();
    if (runPages == null) {
      outputs.deleteTemporaries();
      return "Nothing published or kept (the page count is unknown): the files in "
          + outputs.dir + " are as they were.";
    }
    List<FailedPages.Entry> unfinished = job.failedPages.entries(
        job.ledger.unfinished(runPages), perPage, otherwise);
    outputs.keepPartial(unfinished);
    return String.format(Locale.ROOT, "Nothing published: %s and %s are as they were; this "
            + "run's rows are in %s and %s, its %,d unfinished page(s) in %s; --resume fetches "
            + "only those.", outputs.csv.getFileName(), outputs.db.getFileName(),
        outputs.partialCsv, outputs.partialDb.getFileName(), unfinished.size(),
        outputs.failedPages.getFileName());
  }

  private void printStats(Map<String, NodeStats> stats) {
    out.println("Data-flow statistics:");
    out.printf(Locale.ROOT, "  %-17s %8s %8s %6s %10s%n", "node", "in", "out", "err", "discarded");
    stats.forEach((node, s) -> out.printf(Locale.ROOT, "  %-17s %8d %8d %6d %10d%n",
        node, s.in(), s.out(), s.err(), s.discarded()));
  }

  private boolean selfCheck(BreweriesJob job, long csvRows, long sqliteRows,
      ExecutionResult result) {
    long expected = job.expectedRecords.get();
    if (expected >= 0 && csvRows == expected && sqliteRows == expected) {
      out.printf(Locale.ROOT, "Self-check passed: %,d records served, %,d rows in the CSV file, "
          + "%,d rows in SQLite.%n", expected, csvRows, sqliteRows);
      return true;
    }
    StringBuilder m = new StringBuilder("Self-check FAILED: ");
    if (expected < 0) {
      m.append("the number of records is unknown (the metadata request failed); ");
    } else {
      m.append(String.format(Locale.ROOT, "the API reported %,d records; ", expected));
    }
    m.append(String.format(Locale.ROOT, "the CSV file has %,d rows%s, SQLite %,d rows%s.",
        csvRows, missing(expected, csvRows), sqliteRows, missing(expected, sqliteRows)));
    if (job.failedPages.failedForGood() > 0) {
      m.append(String.format(Locale.ROOT, " %,d page(s) failed for good.",
          job.failedPages.failedForGood()));
    }
    int listed = 0;
    int total = 0;
    for (var e : result.exceptions().entrySet()) {
      for (Throwable f : e.getValue()) {
        total++;
        if (listed < MAX_LISTED_FAILURES) {
          listed++;
          m.append(System.lineSeparator()).append("  ").append(e.getKey()).append(": ")
              .append(f);
        }
      }
    }
    if (total > listed) {
      m.append(System.lineSeparator()).append(String.format(Locale.ROOT,
          "  ... and %,d more failure(s)", total - listed));
    }
    out.println(m);
    return false;
  }

  private static String missing(long expected, long rows) {
    return expected < 0 || rows == expected ? ""
        : String.format(Locale.ROOT, " (%,d %s)", Math.abs(expected - rows),
            rows < expected ? "missing" : "too many");
  }
}
