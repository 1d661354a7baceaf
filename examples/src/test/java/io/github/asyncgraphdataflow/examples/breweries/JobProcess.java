package io.github.asyncgraphdataflow.examples.breweries;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real program in its own JVM: the same {@code java} as the test's (the toolchain JDK) and
 * the test's class path, with the job's arguments; its output read line by line as it comes, so
 * a test can wait until the job is mid-run.
 */
final class JobProcess implements AutoCloseable {
  private static final String MAIN = BreweriesEtl.class.getName();
  private static final Duration LIMIT = Duration.ofMinutes(3);
  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();
  private final Thread outReader;
  private final Thread errReader;

  private JobProcess(Process process) {
    this.process = process;
    this.outReader = Thread.ofPlatform().daemon().start(() -> pump(process.getInputStream(),
        out, true));
    this.errReader = Thread.ofPlatform().daemon().start(() -> pump(process.getErrorStream(),
        err, false));
  }

  /**
   * Starts the job.
   *
   * @param dir the working directory
   * @param args the job's options
   * @return the running process
   * @throws IOException if it cannot start
   */
  static JobProcess start(Path dir, String... args) throws IOException {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // C1 only and the serial collector: the short runs of the tests start faster
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MAIN));
    command.addAll(List.of(args));
    return new JobProcess(new ProcessBuilder(command).directory(dir.toFile()).start());
  }

  /**
   * Runs the job to its end.
   *
   * @param dir the working directory
   * @param args the job's options
   * @return the ended process
   * @throws Exception if it cannot start, or does not end within the limit
   */
  static JobProcess run(Path dir, String... args) throws Exception {
    JobProcess p = start(dir, args);
    p.exitCode();
    return p;
  }

  private void pump(InputStream stream, StringBuffer all, boolean lines) {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        all.append(line).append('\n');
        if (lines) {
          pending.add(line);
        }
      }
    } catch (IOException e) {
      all.append("(reading failed: ").append(e).append(")\n");
    } finally {
      if (lines) {
        pending.add(END);
      }
    }
  }

  /**
   * Waits for an output line that matches.
   *
   * @param wanted the test
   * @return the line
   * @throws InterruptedException if interrupted
   */
  String awaitLine(Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (true) {
      String line = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(END)) {
        fail("no such line; output so far:%n%s%nerrors:%n%s", out, err);
      }
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  long pid() {
    return process.pid();
  }

  /**
   * Sends a signal with the system's {@code kill}: {@code INT} as Ctrl-C does, or {@code TERM}
   * as {@code kill} and service managers do. ({@link Process#destroy()} sends SIGTERM too, but
   * also closes our end of the output, so the job's last lines could not be read.)
   *
   * @param signal the signal's name
   * @throws Exception if {@code kill} fails
   */
  void signal(String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO()
        .start();
    if (kill.waitFor() != 0) {
      fail("kill -%s %d failed", signal, pid());
    }
  }

  /**
   * Waits for the end of the process and of its output.
   *
   * @return its exit code
   * @throws Exception if it does not end within the limit
   */
  int exitCode() throws Exception {
    if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      fail("the job did not end within %s; output:%n%s%nerrors:%n%s", LIMIT, out, err);
    }
    outReader.join();
    errReader.join();
    return process.exitValue();
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Everything it printed, for assertion messages. */
  String transcript() {
    return "exit " + (process.isAlive() ? "?" : process.exitValue()) + "\nstdout:\n" + out
        + "stderr:\n" + err;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
