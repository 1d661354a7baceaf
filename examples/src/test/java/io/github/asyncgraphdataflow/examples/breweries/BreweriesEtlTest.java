package io.github.asyncgraphdataflow.examples.breweries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the main job as a real program (its own JVM, see {@link JobProcess}) against its embedded
 * server: a good run, a failing run that leaves the good outputs as they were, a resumed run
 * that fetches only the unfinished pages, and a run stopped by SIGINT or SIGTERM. The exit
 * codes are those of examples/README.md's table.
 */
class BreweriesEtlTest {
  private static final String HEADER = "id,name,brewery_type,address_1,address_2,address_3,"
      + "city,state_province,postal_code,country,longitude,latitude,phone,website_url";

  @TempDir
  Path dir;

  private Path out() {
    return dir.resolve("out");
  }

  @Test
  void aGoodRunExitsZeroAndAFailingRunLeavesItsOutputsByteForByteAndExitsOne()
      throws Exception {
    JobProcess good = JobProcess.run(dir, "--out", "out", "--records", "500", "--fetchers", "4");

    assertThat(good.exitCode()).as(good.transcript()).isZero();
    assertThat(good.err()).as(good.transcript()).isEmpty();
    Path csv = out().resolve("breweries.csv");
    List<String> lines = Files.readAllLines(csv); // no field of this data set has a line break
    assertThat(lines.getFirst()).isEqualTo(HEADER);
    assertThat(lines).hasSize(501);
    assertThat(sqlite("SELECT COUNT(*) FROM breweries")).isEqualTo(500);
    assertThat(sqlite("SELECT COUNT(DISTINCT id) FROM breweries")).isEqualTo(500);
    assertThat(good.out()).contains("Self-check passed: 500 records served, 500 rows in the "
        + "CSV file, 500 rows in SQLite.", "CSV:    " + csv.toAbsolutePath());
    assertThat(good.out()).containsPattern("writeSqlite +500 +0 +0 +0");
    assertThat(files()).containsExactly("breweries.csv", "breweries.db");
    Map<String, byte[]> before = contents();

    JobProcess unreachable = JobProcess.run(dir, "--out", "out", "--url", "http://127.0.0.1:9/",
        "--retries", "0");

    assertThat(unreachable.exitCode()).as(unreachable.transcript()).isEqualTo(1);
    assertThat(unreachable.out()).contains("API: http://127.0.0.1:9\n", "Self-check FAILED: the "
        + "number of records is unknown (the metadata request failed)", "Nothing published or "
        + "kept (the page count is unknown): the files in " + out().toAbsolutePath()
        + " are as they were.");
    assertThat(unreachable.err()).as("one line per failure, no stack trace")
        .startsWith("ERROR Exception in node 'discoverPages'")
        .contains("java.io.IOException: no answer from http://127.0.0.1:9/meta?per_page=50 "
            + "(java.net.ConnectException")
        .doesNotContain("\tat ");
    assertSameContents(before);
    assertThat(files()).containsExactly("breweries.csv", "breweries.db");

    JobProcess pageFails = JobProcess.run(dir, "--out", "out", "--records", "300",
        "--fail-pages", "3", "--retries", "1");

    assertThat(pageFails.exitCode()).as(pageFails.transcript()).isEqualTo(1);
    assertThat(pageFails.out()).contains("Self-check FAILED: the API reported 300 records; the "
        + "CSV file has 250 rows (50 missing), SQLite 250 rows (50 missing). 1 page(s) failed "
        + "for good.", "fetchPage: HTTP 500 from ",
        "page=3&per_page=50\n", "Nothing published: breweries.csv and "
        + "breweries.db are as they were; this run's rows are in "
        + out().resolve("breweries.partial.csv").toAbsolutePath());
    assertSameContents(before);
    assertThat(files()).containsExactly("breweries.csv", "breweries.db",
        "breweries.partial.csv", "breweries.partial.db", "failed-pages.csv");
  }

  @Test
  void resumeFetchesOnlyTheUnfinishedPagesAndNeverDuplicatesARow() throws Exception {
    JobProcess first = JobProcess.run(dir, "--out", "out", "--records", "500",
        "--fail-pages", "3,7", "--retries", "2");
    assertThat(first.exitCode()).as(first.transcript()).isEqualTo(1);
    assertThat(Files.readAllLines(out().resolve("failed-pages.csv"))).hasSize(3)
        .anyMatch(l -> l.startsWith("3,50,\"HTTP 500 from ") && l.endsWith(" (3 attempts)\""))
        .anyMatch(l -> l.startsWith("7,50,\"HTTP 500 from "));

    JobProcess second = JobProcess.run(dir, "--out", "out", "--records", "500", "--resume",
        "--fail-pages", "7", "--retries", "2");

    assertThat(second.exitCode()).as(second.transcript()).isEqualTo(1);
    assertThat(second.out()).as(second.transcript()).containsPattern("fetchPage +2 +1 +1 +0")
        .contains("the CSV file has 450 rows (50 missing), SQLite 450 rows (50 missing)");
    assertThat(Files.readAllLines(out().resolve("failed-pages.csv"))).hasSize(2)
        .last().asString().startsWith("7,50,");

    JobProcess third = JobProcess.run(dir, "--out", "out", "--records", "500", "--resume");

    assertThat(third.exitCode()).as(third.transcript()).isZero();
    assertThat(third.out()).containsPattern("fetchPage +1 +1 +0 +0")
        .contains("Self-check passed: 500 records served, 500 rows in the CSV file, 500 rows "
            + "in SQLite.");
    assertThat(files()).containsExactly("breweries.csv", "breweries.db");
    assertThat(sqlite("SELECT COUNT(DISTINCT id) FROM breweries")).isEqualTo(500);
    assertThat(csvIds()).hasSize(500).doesNotHaveDuplicates();
    Map<String, byte[]> done = contents();

    JobProcess again = JobProcess.run(dir, "--out", "out", "--resume");

    assertThat(again.exitCode()).as(again.transcript()).isZero();
    assertThat(again.out()).startsWith("Nothing to resume: the last run in ");
    assertSameContents(done);
  }

  @Test
  void sigintHaltsTheGraphKeepsThePartialFilesAndExits130ThenResumeFinishes() throws Exception {
    assertThat(JobProcess.run(dir, "--out", "out", "--records", "300").exitCode()).isZero();
    Map<String, byte[]> good = contents();

    JobProcess job = JobProcess.start(dir, "--out", "out", "--records", "2000",
        "--server-delay-ms", "300", "--fetchers", "2");
    job.awaitLine(l -> l.matches("pages [1-9].* CSV [1-9].*")); // mid-run: rows are written
    job.signal("INT");

    assertThat(job.exitCode()).as(job.transcript()).isEqualTo(130);
    String line = job.out().lines().reduce((a, b) -> b).orElseThrow();
    Matcher m = Pattern.compile("Interrupted: graph halted after ([0-9,]+) of 40 pages; "
        + "written ([0-9,]+) CSV rows and ([0-9,]+) SQLite rows \\(0 rolled back\\); "
        + "discarded ([0-9,]+) queued items.*Nothing published: breweries.csv and breweries.db "
        + "are as they were; .* its ([0-9,]+) unfinished page\\(s\\) in failed-pages.csv; "
        + "--resume fetches only those.").matcher(line);
    assertThat(m.matches()).as(job.transcript()).isTrue();
    assertThat(job.err()).as("nothing but the summary line").isEmpty();
    assertSameContents(good);
    long csvRows = number(m.group(2));
    long sqliteRows = number(m.group(3));
    long unfinished = number(m.group(5));
    assertThat(csvRows).isPositive().isLessThan(2000);
    assertThat(CsvSink.countRows(out().resolve("breweries.partial.csv"))).isEqualTo(csvRows);
    assertThat(SqliteSink.countRows(out().resolve("breweries.partial.db"))).isEqualTo(sqliteRows);
    assertThat(Files.readAllLines(out().resolve("failed-pages.csv"))).hasSize(
        (int) unfinished + 1);

    JobProcess resumed = JobProcess.run(dir, "--out", "out", "--records", "2000", "--resume");

    assertThat(resumed.exitCode()).as(resumed.transcript()).isZero();
    assertThat(resumed.out()).containsPattern("fetchPage +" + unfinished + " ");
    assertThat(sqlite("SELECT COUNT(DISTINCT id) FROM breweries")).isEqualTo(2000);
    assertThat(sqlite("SELECT COUNT(*) FROM breweries")).isEqualTo(2000);
    assertThat(csvIds()).hasSize(2000).doesNotHaveDuplicates();
  }

  @Test
  void sigtermStopsTheRunTheSameWay() throws Exception {
    JobProcess job = JobProcess.start(dir, "--out", "out", "--records", "2000",
        "--server-delay-ms", "300", "--fetchers", "2");
    job.awaitLine(l -> l.matches("pages [1-9].*"));
    job.signal("TERM");

    assertThat(job.exitCode()).as(job.transcript()).isEqualTo(130);
    assertThat(job.out()).as(job.transcript()).containsPattern(
        "\nInterrupted: graph halted after [0-9,]+ of 40 pages; .*\n$");
    assertThat(files()).doesNotContain("breweries.csv", "breweries.db")
        .contains("failed-pages.csv");
  }

  @Test
  void helpExitsZeroAndListsTheOptions() throws Exception {
    JobProcess job = JobProcess.run(dir, "--help");

    assertThat(job.exitCode()).isZero();
    assertThat(job.out()).contains("--url", "--out", "--fetchers", "--resume", "--help",
        "Exit codes:").doesNotContain("--fail-pages", "--server-delay-ms");
  }

  private long sqlite(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
            + out().resolve("breweries.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<String> csvIds() throws IOException {
    try (Stream<String> lines = Files.lines(out().resolve("breweries.csv"))) {
      return lines.skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
    }
  }

  /** The files a run leaves in --out, besides its lock file (which always stays). */
  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(out())) {
      List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).contains(OutputDirectory.LOCK_FILE);
      return names.stream().filter(n -> !n.equals(OutputDirectory.LOCK_FILE)).toList();
    }
  }

  private Map<String, byte[]> contents() throws IOException {
    Map<String, byte[]> m = new HashMap<>();
    for (String f : List.of("breweries.csv", "breweries.db")) {
      m.put(f, Files.readAllBytes(out().resolve(f)));
    }
    return m;
  }

  private void assertSameContents(Map<String, byte[]> before) throws IOException {
    for (var e : before.entrySet()) {
      assertThat(Files.readAllBytes(out().resolve(e.getKey()))).as(e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", ""));
  }
}
