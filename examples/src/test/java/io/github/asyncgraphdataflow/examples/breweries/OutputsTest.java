package io.github.asyncgraphdataflow.examples.breweries;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncgraphdataflow.NodeStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces behind the job's outputs and status line, in process. */
class OutputsTest {
  @TempDir
  Path dir;

  private static Brewery brewery(String id, String name) {
    return new Brewery(id, name, "micro", "1 Main St", null, null, "Bend", "Oregon", "97701",
        "United States", -121.5, null, "5415550100", null);
  }

  @Test
  void loadingTheSameRecordsTwiceKeepsOneRowPerIdWithTheNewerValues() throws Exception {
    Path db = dir.resolve("b.db");
    try (SqliteSink sink = new SqliteSink(db)) {
      sink.writeBatch(List.of(brewery("a", "Old"), brewery("b", "B")));
    }
    try (SqliteSink sink = new SqliteSink(db)) { // a resumed run opens the same table
      sink.writeBatch(List.of(brewery("a", "New"), brewery("c", "C")));
    }

    assertThat(SqliteSink.countRows(db)).isEqualTo(3);
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var rs = c.createStatement().executeQuery("SELECT name FROM breweries WHERE id = 'a'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("New");
    }
  }

  @Test
  void aResumedCsvKeepsOneRowPerIdTheNewest() throws Exception {
    Path earlier = dir.resolve("earlier.csv");
    try (CsvSink sink = new CsvSink(earlier)) {
      sink.write(brewery("a", "Old, \"quoted\""));
      sink.write(brewery("b", "B"));
    }
    Path now = dir.resolve("now.csv");
    try (CsvSink sink = new CsvSink(now)) {
      sink.write(brewery("a", "New"));
      assertThat(sink.keepRowsOf(earlier)).isEqualTo(1);
      assertThat(sink.rows()).isEqualTo(2);
    }

    assertThat(Files.readAllLines(now)).containsExactly(
        "id,name,brewery_type,address_1,address_2,address_3,city,state_province,postal_code,"
            + "country,longitude,latitude,phone,website_url",
        "a,New,micro,\"1 Main St\",,,Bend,Oregon,97701,\"United States\",-121.5,,5415550100,",
        "b,B,micro,\"1 Main St\",,,Bend,Oregon,97701,\"United States\",-121.5,,5415550100,");
  }

  @Test
  void failedPagesRoundTrip() throws Exception {
    FailedPages pages = new FailedPages();
    pages.failed(7, new java.io.IOException("HTTP 500 from x, \"really\""), 3);
    List<FailedPages.Entry> entries = pages.entries(List.of(9, 7), 50, "interrupted");
    Path file = dir.resolve(FailedPages.FILE);

    FailedPages.write(file, entries);

    assertThat(FailedPages.read(file)).containsExactly(
        new FailedPages.Entry(7, 50, "HTTP 500 from x, \"really\" (3 attempts)"),
        new FailedPages.Entry(9, 50, "interrupted"));
  }

  @Test
  void statusLineMeasuresRatesFromSuccessiveSnapshotsAndEstimatesTheTimeLeft() {
    long second = 1_000_000_000L;
    StatusLine status = new StatusLine(0);

    String line = status.next(2 * second, Map.of(
        "fetchPage", new NodeStats(30, 20, 0, 0, 28, 3, 2, 8),
        "parseJson", new NodeStats(20, 1000, 0, 0, 20, 0, 0, 1)), 100, 900, 600);

    assertThat(line).isEqualTo("pages 20/100 20% 10.0/s ETA 0:08 | fetching 8, queued 2 | "
        + "records 1,000 500/s | CSV 900 | SQLite 600 | retries 3 | errors 0");
    assertThat(status.next(3 * second, Map.of(), -1, 0, 0)).startsWith("pages 0/? 0.0/s |");
  }

  @Test
  void etaIsUnknownWhileNothingMoves() {
    assertThat(StatusLine.eta(10, 0)).isEqualTo("?");
    assertThat(StatusLine.eta(0, 0)).isEqualTo("0:00");
    assertThat(StatusLine.eta(150, 2)).isEqualTo("1:15");
  }

  @Test
  void cleaningTurnsEmptyTextIntoNullAndCoordinatesIntoNumbers() {
    RawBrewery raw = new RawBrewery(" id-1 ", "  Hop Barn ", "MICRO", "", null, " ", "Bend",
        null, "97701", "United States", "-121.3153", "not a number", "(541) 555-0100", "",
        "Oregon", "12 Main St");
    assertThat(Brewery.clean(raw)).isEqualTo(new Brewery("id-1", "Hop Barn", "micro",
        "12 Main St", null, null, "Bend", "Oregon", "97701", "United States", -121.3153, null,
        "5415550100", null));
  }
}
