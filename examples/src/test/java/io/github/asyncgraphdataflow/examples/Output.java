package io.github.asyncgraphdataflow.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures what an example prints, as lines. */
final class Output {
  /** An example run that prints to the given stream. */
  @FunctionalInterface
  interface Run {
    void run(PrintStream out) throws Exception;
  }

  private Output() {}

  static List<String> of(Run run) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      run.run(out);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  static List<String> startingWith(List<String> lines, String... prefixes) {
    return lines.stream()
        .filter(l -> java.util.Arrays.stream(prefixes).anyMatch(l::startsWith))
        .toList();
  }
}
