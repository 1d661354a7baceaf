package io.github.asyncgraphdataflow.examples.breweries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job with {@code --engine flink}: same graph, same self-check, on Flink. */
class BreweriesOnFlinkTest {
  @TempDir
  Path dir;

  @Test
  void theMainJobPassesItsSelfCheckOnAnEmbeddedFlinkCluster() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = BreweriesEtl.run(new String[] {"--out", dir.toString(), "--engine", "flink"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    assertThat(text).contains("Self-check passed: 8,123 records served, 8,123 rows in the CSV "
        + "file, 8,123 rows in SQLite.");
    assertThat(text).containsPattern("writeSqlite +8123 +0 +0 +0");
  }

  @Test
  void anUnknownEngineIsABadOption() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = BreweriesEtl.run(new String[] {"--out", dir.toString(), "--engine", "spark"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--engine must be local or flink, was spark");
  }
}
