package io.github.asyncgraphdataflow.examples.launcher;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Writes the {@code java} executable, the class path and the working directory of the JVM it
 * runs in to a properties file, for {@link Launch}. Run by exec-maven-plugin's {@code exec} goal, which takes
 * {@code java} from the build's JDK toolchain.
 */
public final class LaunchSpec {
  private LaunchSpec() {}

  /**
   * Writes the file.
   *
   * @param args the file to write
   * @throws IOException if it cannot be written
   */
  public static void main(String[] args) throws IOException {
    Properties p = new Properties();
    p.setProperty("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    p.setProperty("classpath", System.getProperty("java.class.path"));
    p.setProperty("directory", System.getProperty("user.dir"));
    Path file = Path.of(args[0]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "written by LaunchSpec for Launch");
    }
  }
}
