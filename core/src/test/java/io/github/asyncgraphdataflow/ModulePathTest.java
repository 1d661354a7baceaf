package io.github.asyncgraphdataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a named module: a tiny module compiled and run on the module path (with
 * {@code target/classes}, which holds {@code module-info.class}) can build and run a graph, and
 * cannot reach {@code io.github.asyncgraphdataflow.internal}, neither at compile time nor by
 * reflection. (The other tests run on the class path.)
 */
class ModulePathTest {

  private static final String MAIN = """
      package demo;

      import io.github.asyncgraphdataflow.AsyncExecutor;
      import io.github.asyncgraphdataflow.AsyncGraph;
      import io.github.asyncgraphdataflow.Emitter;
      import io.github.asyncgraphdataflow.ExecutionResult;
      import io.github.asyncgraphdataflow.queue.BatchingQueue;
      import java.util.List;

      public class Main {
        static void numbers(Emitter<Integer> out) throws InterruptedException {
          for (int i = 0; i < 5; i++) {
            out.emit(i);
          }
        }

        public static void main(String[] args) throws Exception {
          AsyncGraph graph = new AsyncGraph();
          var numbers = graph.addNode(Main::numbers); // named: the package is open to the library
          var square = graph.addNode("square", (Integer x, Emitter<Integer> out) -> out.emit(x * x));
          var batches = graph.addNode("batches", (List<Integer> b, Emitter<Void> out) -> { },
              () -> new BatchingQueue<Integer>(2));
          graph.addEdge(numbers, square);
          graph.addEdge(square, batches);
          ExecutionResult result = new AsyncExecutor(graph).execute().throwIfFailed();
          System.out.println("module=" + AsyncGraph.class.getModule().getName()
              + " numbers.out=" + result.stats().get("numbers").out()
              + " batches.calls=" + result.stats().get("batches").calls());
          try {
            Class.forName("io.github.asyncgraphdataflow.internal.Dag").getConstructor().newInstance();
            System.out.println("internal reachable");
          } catch (IllegalAccessException e) {
            System.out.println("internal not accessible");
          }
        }
      }
      """;

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static String modulePath() throws URISyntaxException {
    return location(AsyncGraph.class) + File.pathSeparator + location(org.slf4j.Logger.class);
  }

  private static Path write(Path root, String module, String file, String source)
      throws IOException {
    Path path = root.resolve(module).resolve(file);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, source);
  }

  /** Compiles, returning javac's exit code; its messages go to {@code messages}. */
  private static int javac(ByteArrayOutputStream messages, Path out, Path... sources)
      throws URISyntaxException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String[] args = new String[4 + sources.length];
    args[0] = "--module-path";
    args[1] = modulePath();
    args[2] = "-d";
    args[3] = out.toString();
    for (int i = 0; i < sources.length; i++) {
      args[4 + i] = sources[i].toString();
    }
    return javac.run(null, messages, messages, args);
  }

  @Test
  void aModuleUsesTheLibraryOnTheModulePathAndCannotReachInternal(@TempDir Path dir)
      throws Exception {
    assertThat(Path.of(location(AsyncGraph.class), "module-info.class")).exists();
    Path out = dir.resolve("out");
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int code = javac(messages, out,
        write(dir, "demo", "module-info.java", """
            module demo {
              requires io.github.asyncgraphdataflow;
              opens demo to io.github.asyncgraphdataflow;
            }
            """),
        write(dir, "demo", "demo/Main.java", MAIN));
    assertThat(code).as(messages.toString(StandardCharsets.UTF_8)).isZero();

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "--module-path",
        modulePath() + File.pathSeparator + out, "-m", "demo/demo.Main"))
        .redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("module=io.github.asyncgraphdataflow numbers.out=5 batches.calls=3")
        .contains("internal not accessible");
  }

  @Test
  void importingTheInternalPackageDoesNotCompile(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int code = javac(messages, dir.resolve("out"),
        write(dir, "sneaky", "module-info.java", """
            module sneaky {
              requires io.github.asyncgraphdataflow;
            }
            """),
        write(dir, "sneaky", "sneaky/Use.java", """
            package sneaky;

            import io.github.asyncgraphdataflow.internal.Dag;

            public class Use {
              Dag dag = new Dag();
            }
            """));

    assertThat(code).isNotZero();
    assertThat(messages.toString(StandardCharsets.UTF_8))
        .contains("package io.github.asyncgraphdataflow.internal is not visible");
  }
}
