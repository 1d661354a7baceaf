package io.github.asyncgraphdataflow.examples.breweries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the main job end to end against its embedded server. */
class BreweriesEtlTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return BreweriesEtl.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesEveryServedRecordToCsvAndSqlite() throws Exception {
    int code = run("--out", dir.toString(), "--fetchers", "4");

    assertThat(code).as(out() + err.toString(StandardCharsets.UTF_8)).isZero();
    long expected = BreweryDataSet.DEFAULT_SIZE;
    Path csv = dir.resolve("breweries.csv");
    try (Stream<String> lines = Files.lines(csv)) { // no field of this data set has a line break
      List<String> all = lines.toList();
      assertThat(all.getFirst()).isEqualTo("id,name,brewery_type,address_1,address_2,address_3,"
          + "city,state_province,postal_code,country,longitude,latitude,phone,website_url");
      assertThat(all).hasSize((int) expected + 1);
    }
    assertThat(sqliteRows(dir.resolve("breweries.db"), "SELECT COUNT(*) FROM breweries"))
        .isEqualTo(expected);
    assertThat(sqliteRows(dir.resolve("breweries.db"),
        "SELECT COUNT(DISTINCT id) FROM breweries")).isEqualTo(expected);
    assertThat(out()).contains("Self-check passed: 8,123 records served, 8,123 rows in the CSV "
        + "file, 8,123 rows in SQLite.");
    assertThat(out()).containsPattern("writeSqlite +8123 +0 +0 +0");
    assertThat(out()).contains("CSV:    " + csv.toAbsolutePath());
  }

  @Test
  void selfCheckFailsAndSaysWhatIsMissingWhenAPageCannotBeFetched() throws Exception {
    int code = run("--out", dir.toString(), "--records", "500", "--fail-pages", "3",
        "--retries", "1");

    assertThat(code).isEqualTo(1);
    assertThat(out()).contains("Self-check FAILED: the API reported 500 records; the CSV file "
        + "has 450 rows (50 missing), SQLite 450 rows (50 missing).");
    assertThat(out()).contains("fetchPage: java.io.IOException: HTTP 500 from ");
    assertThat(out()).contains("page=3&per_page=50 after 2 attempts");
  }

  @Test
  void helpListsTheOptions() {
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("--url", "--out", "--fetchers", "--help")
        .doesNotContain("--fail-pages");
  }

  @Test
  void badOptionsExitWithUsageError() {
    assertThat(run("--fetchers", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--fetchers must be at least 1, was 0");
  }

  @Test
  void embeddedServerOptionsDoNotGoWithUrl() {
    assertThat(run("--url", "http://127.0.0.1:9/v1/breweries", "--records", "5")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("do not go with --url");
  }

  private static long sqliteRows(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void cleaningTurnsEmptyTextIntoNullAndCoordinatesIntoNumbers() throws IOException {
    RawBrewery raw = new RawBrewery(" id-1 ", "  Hop Barn ", "MICRO", "", null, " ", "Bend",
        null, "97701", "United States", "-121.3153", "not a number", "(541) 555-0100", "",
        "Oregon", "12 Main St");
    assertThat(Brewery.clean(raw)).isEqualTo(new Brewery("id-1", "Hop Barn", "micro",
        "12 Main St", null, null, "Bend", "Oregon", "97701", "United States", -121.3153, null,
        "5415550100", null));
  }
}
