package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With only the library and the SLF4J API on the class path (no SLF4J provider, as for a user
 * who adds only our artifact), failures still reach standard error: a fresh JVM runs
 * {@link NoProviderMain} and its standard error is read.
 */
class NoSlf4jProviderTest {

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  @Test
  void withoutAProviderFailuresAreWrittenToStandardErrorThrottled() throws Exception {
    String classPath = String.join(File.pathSeparator, location(AsyncGraph.class),
        location(NoProviderMain.class), location(org.slf4j.Logger.class));
    assertThat(classPath).doesNotContain("slf4j-simple");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-cp", classPath,
        NoProviderMain.class.getName())).start();
    process.getOutputStream().close();
    // read both streams fully (they are small), then wait for the exit
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isZero();
    assertThat(out).contains("err=30");
    assertThat(err).contains("No SLF4J providers were found"); // SLF4J's own notice
    assertThat(err).contains("ERROR [agdf-parse-0] io.github.asyncgraphdataflow.AsyncExecutor"
        + " - Exception in node 'parse'");
    assertThat(err.lines().filter(l -> l.startsWith("java.lang.NumberFormatException"))).hasSize(10);
    assertThat(err.lines().filter(l -> l.contains("without stack trace"))).hasSize(20);
    assertThat(err).contains("Node 'parse': 30 failures, 20 not logged in full; see exceptions()");
  }
}
