package io.github.asyncgraphdataflow.examples.breweries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad options are refused before anything starts (no embedded server, no file written), with
 * exit code 2 and one line that names the option; each case runs the real program.
 */
class BreweriesEtlOptionsTest {
  @TempDir
  Path dir;

  private static JobProcess refused(Path dir, String... args) throws Exception {
    JobProcess job = JobProcess.run(dir, args);
    assertThat(job.exitCode()).as(job.transcript()).isEqualTo(2);
    assertThat(job.out()).as(job.transcript()).isEmpty();
    assertThat(job.err().lines()).as(job.transcript()).hasSize(1);
    assertThat(job.err()).startsWith("breweries-etl: ").endsWith(" (see --help)\n");
    return job;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--url not-a-url          | --url must start with http:// or https://, was 'not-a-url'",
      "--url ftp://example.org  | --url must start with http:// or https://",
      "--url http:///v1         | --url must name a host",
      "--url http://h/v1?page=2 | --url must not have a query",
      "--url http://a%zz        | --url: not a valid address",
      "--fetchers 0             | --fetchers must be 1 to 64, was 0",
      "--fetchers 65            | --fetchers must be 1 to 64, was 65",
      "--fetchers many          | Invalid value for option '--fetchers': 'many' is not an int",
      "--per-page 201           | --per-page must be 1 to 200, was 201",
      "--retries -1             | --retries must be 0 to 10, was -1",
      "--records -5             | --records must be 0 to 1,000,000, was -5",
      "--rate 0                 | --rate must be 1 to 10,000, was 0",
      "--rate 0                 | --rate must be 1 to 10,000, was 0",
      "--nonsense               | Unknown option: '--nonsense'",
  })
  void aBadValueIsRefusedInOneLineNamingTheOption(String args, String message) throws Exception {
    JobProcess job = refused(dir, (args + " --out out").split(" +"));

    assertThat(job.err()).contains(message);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void embeddedServerOptionsDoNotGoWithUrl() throws Exception {
    JobProcess job = refused(dir, "--url", "http://127.0.0.1:9/v1/breweries", "--records", "5");

    assertThat(job.err()).contains("--records configures the embedded server; it does not go "
        + "with --url");
  }

  @Test
  void anOutputDirectoryAnotherRunIsUsingIsRefused() throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    // this JVM plays the other run: it holds the lock the job takes
    try (FileChannel channel = FileChannel.open(out.resolve(OutputDirectory.LOCK_FILE),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      assertThat(refused(dir, "--out", "out").err())
          .contains("--out: another run is using " + out + " (it holds "
              + OutputDirectory.LOCK_FILE + " there)");
    }
    assertThat(out).isDirectoryNotContaining("glob:**/breweries*");
  }

  @Test
  void anOutputDirectoryThatIsAFileIsRefused() throws Exception {
    Files.writeString(dir.resolve("taken"), "a file");

    assertThat(refused(dir, "--out", "taken").err())
        .contains("--out: " + dir.resolve("taken") + " is a file, not a directory");
    assertThat(refused(dir, "--out", "taken/sub").err())
        .contains("--out: cannot create " + dir.resolve("taken/sub"));
  }

  @Test
  void anOutputDirectoryThatCannotBeWrittenIsRefused() throws Exception {
    Path locked = Files.createDirectory(dir.resolve("locked"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
    Path target = locked;
    if (canWrite(locked)) { // root ignores the permissions; sysfs refuses even root
      target = Path.of("/sys");
      assumeTrue(Files.isDirectory(target) && !canWrite(target), "no directory we cannot write");
    }

    assertThat(refused(dir, "--out", target.toString()).err())
        .contains("--out: cannot write in " + target + " (permission denied)");
  }

  private static boolean canWrite(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void anOutputDirectoryThatCannotBeCreatedIsRefused() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");

    assertThat(refused(dir, "--out", "/proc/self/breweries").err())
        .contains("--out: cannot create /proc/self/breweries (");
  }

  @Test
  void resumeWithoutAnUnfinishedRunIsRefused() throws Exception {
    assertThat(refused(dir, "--out", "out", "--resume").err())
        .contains("--resume: no unfinished run in " + dir.resolve("out"));
  }
}
