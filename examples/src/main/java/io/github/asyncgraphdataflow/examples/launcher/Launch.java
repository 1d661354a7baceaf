package io.github.asyncgraphdataflow.examples.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program on the JDK that {@link LaunchSpec} wrote down, with this process's terminal
 * (standard input, output and error inherited, so a status line can update in place), and ends
 * this JVM with the program's exit code. Run inside Maven's JVM by {@code exec:java}, that makes
 * the {@code mvn} command end with the program's own exit code and nothing else on the terminal:
 * no "Failed to execute goal" report, no stack trace.
 *
 * <p>Ctrl-C reaches both JVMs (a terminal signals its whole foreground process group); a signal
 * sent to this JVM alone is passed on as SIGTERM. Either way this JVM's shutdown waits for the
 * program to finish its own orderly stop (at most {@link #STOP_LIMIT_SECONDS}), so its last
 * lines come before the shell's prompt.
 */
public final class Launch {
  /** How long a shutdown of this JVM waits for the program to stop. */
  static final long STOP_LIMIT_SECONDS = 60;

  private Launch() {}

  /**
   * Runs the program and exits with its exit code.
   *
   * @param args the file {@link LaunchSpec} wrote, then the program's JVM options, main class
   *     and arguments
   * @throws IOException if the file cannot be read or the program cannot start
   * @throws InterruptedException if interrupted while waiting
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Properties spec = new Properties();
    try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      spec.load(r);
    }
    List<String> command = new ArrayList<>(
        List.of(spec.getProperty("java"), "-cp", spec.getProperty("classpath")));
    command.addAll(Arrays.asList(args).subList(1, args.length));
    Process program = new ProcessBuilder(command).inheritIO()
        .directory(new java.io.File(spec.getProperty("directory"))).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (program.isAlive()) {
        program.destroy(); // SIGTERM: the program stops in order (a no-op if already stopping)
        try {
          program.waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "launch-stop"));
    System.exit(program.waitFor());
  }
}
