package io.github.asyncgraphdataflow.examples.breweries;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job: downloads every page of a breweries API in the shape of the Open Brewery DB API
 * and writes the records to a CSV file and a SQLite database, then checks that both hold every
 * record. Without {@code --url} it starts an embedded server ({@link BreweryServer}) with a
 * generated data set. Run with {@code --help} for the options.
 *
 * <p>Every option is checked before anything starts. The outputs are replaced only by a run
 * that finished and passed its self-check ({@link Outputs}); {@code --resume} finishes an
 * unfinished run by fetching only the pages it did not finish ({@link FailedPages}).
 *
 * <p>Exit codes: {@value #EXIT_OK} done and checked, {@value #EXIT_FAILED} the run did not
 * finish (pages or rows missing), {@value #EXIT_USAGE} bad options, {@value #EXIT_INTERRUPTED}
 * interrupted (SIGINT or SIGTERM).
 */
@Command(name = "breweries-etl", mixinStandardHelpOptions = true, sortOptions = false,
    version = "breweries-etl (async-graph-data-flow examples) 0.1.0",
    description = {
        "Downloads every page of a breweries API (the Open Brewery DB API's shape), cleans the "
            + "records and writes them to a CSV file and a SQLite database, fetching pages "
            + "concurrently; then checks that both outputs hold every record. The outputs are "
            + "replaced only when the run finished and its check passed.",
        "Without --url it starts an embedded API server on 127.0.0.1 with "
            + "a generated data set of 8,123 records (20-50 ms per request, a few transient "
            + "HTTP 429/500 failures, which are retried).",
        "Exit codes: 0 done and checked, 1 the run did not finish (its partial files are kept "
            + "for --resume), 2 bad options, 130 interrupted."})
public final class BreweriesEtl implements Callable<Integer> {
  /** Done, checked and published. */
  static final int EXIT_OK = 0;
  /** The run did not finish: pages or rows are missing; nothing was published. */
  static final int EXIT_FAILED = 1;
  /** Bad options. */
  static final int EXIT_USAGE = 2;
  /** Interrupted by SIGINT or SIGTERM. */
  static final int EXIT_INTERRUPTED = 130;

  private static final long SEED = 20_240_601L;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL",
      description = "The API's base address, http or https, e.g. "
          + "https://api.openbrewerydb.org/v1/breweries (default: the embedded server).")
  String url;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/breweries",
      description = "Where breweries.csv and breweries.db are written (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Option(names = "--live", paramLabel = "PORT",
      description = "Serve a live page of the running graph on 127.0.0.1:PORT (0: any free port).")
  Integer livePort;

  @Option(names = "--fetchers", paramLabel = "N", defaultValue = "8",
      description = "How many pages are fetched at the same time, 1 to 64 "
          + "(default: ${DEFAULT-VALUE}).")
  int fetchers;

  @Option(names = "--per-page", paramLabel = "N", defaultValue = "50",
      description = "Records per page, 1 to 200 (default: ${DEFAULT-VALUE}, as the API's).")
  int perPage;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
      description = "Retries per request after a transient failure, 0 to 10 "
          + "(default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
      description = "Where the graph runs: local (AsyncExecutor, the default) or flink (an "
          + "embedded Apache Flink cluster of 2 TaskManagers x 2 slots; fetchPage on 2 "
          + "subtasks of --fetchers concurrent requests each).")
  String engine;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
      description = "At most N page requests per second, 1 to 10,000 (default: no limit).")
  int rate;

  @Option(names = "--resume",
      description = "Finish the last unfinished run in --out: fetch only the pages listed in "
          + "its failed-pages.csv and add them to its partial files.")
  boolean resume;

  @Option(names = "--records", paramLabel = "N", defaultValue = "" + BreweryDataSet.DEFAULT_SIZE,
      description = "Size of the embedded server's data set, 0 to 1,000,000 "
          + "(default: ${DEFAULT-VALUE}).")
  int records;

  @Option(names = "--fail-pages", paramLabel = "P", split = ",", hidden = true,
      description = "Pages the embedded server always fails (to see the self-check fail).")
  List<Integer> failPages = new ArrayList<>();

  @Option(names = "--server-delay-ms", paramLabel = "MS", defaultValue = "0", hidden = true,
      description = "Extra time the embedded server takes per answer (to watch a long run).")
  int serverDelayMillis;

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final boolean handleSignals;

  BreweriesEtl(PrintStream out, PrintStream err, boolean terminal, boolean handleSignals) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.handleSignals = handleSignals;
  }

  /**
   * Runs the job from the command line and exits with its exit code.
   *
   * @param args the options; {@code --help} lists them
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err, Progress.stdoutIsTerminal(), true);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs the job.
   *
   * @param args the options
   * @param out where progress, statistics and results go
   * @param err where errors go
   * @param terminal whether {@code out} is a terminal (progress is then updated in place)
   * @param handleSignals whether SIGINT and SIGTERM stop the run in order (a JVM shutdown hook;
   *     only for a process that runs nothing else)
   * @return the exit code
   */
  static int run(String[] args, PrintStream out, PrintStream err, boolean terminal,
      boolean handleSignals) {
    CommandLine cl = new CommandLine(new BreweriesEtl(out, err, terminal, handleSignals));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    // one line naming the option, not the whole usage text
    cl.setParameterExceptionHandler((e, a) -> {
      err.println("breweries-etl: " + e.getMessage() + " (see --help)");
      return EXIT_USAGE;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    check(engine.equals("local") || engine.equals("flink"),
        "--engine must be local or flink, was " + engine);
    checkRange("--fetchers", fetchers, 1, 64);
    checkRange("--per-page", perPage, 1, 200);
    checkRange("--retries", retries, 0, 10);
    if (spec.commandLine().getParseResult().hasMatchedOption("--rate")) {
      checkRange("--rate", rate, 1, 10_000);
    }
    checkRange("--records", records, 0, 1_000_000);
    checkRange("--server-delay-ms", serverDelayMillis, 0, 60_000);
    if (livePort != null) {
      checkRange("--live", livePort, 0, 65_535);
      check(engine.equals("local"), "--live works with --engine local only");
    }
    if (engine.equals("flink")) {
      check(rate == 0, "--rate works with --engine local only");
    }
    var parsed = spec.commandLine().getParseResult();
    URI base = null;
    if (url != null) {
      base = checkedUrl(url);
      for (String embeddedOnly : List.of("--records", "--fail-pages", "--server-delay-ms")) {
        check(!parsed.hasMatchedOption(embeddedOnly), embeddedOnly
            + " configures the embedded server; it does not go with --url");
      }
    }
    Outputs outputs = new Outputs(outDir);
    String outProblem = OutputDirectory.problem(outputs.dir);
    check(outProblem == null, "--out: " + outProblem);
    java.nio.channels.FileLock lock;
    try {
      lock = OutputDirectory.lock(outputs.dir);
    } catch (IOException e) {
      throw usage("--out: cannot lock " + outputs.dir.resolve(OutputDirectory.LOCK_FILE)
          + " (" + e + ")");
    }
    check(lock != null, "--out: another run is using " + outputs.dir + " (it holds "
        + OutputDirectory.LOCK_FILE + " there); wait for it to end or choose another --out");
    try {
      return run(outputs, base, parsed);
    } finally {
      OutputDirectory.release(lock);
    }
  }

  private int run(Outputs outputs, URI base, CommandLine.ParseResult parsed) {
    SortedSet<Integer> onlyPages = null;
    if (resume) {
      if (!outputs.resumable()) {
        if (java.nio.file.Files.exists(outputs.csv)) {
          out.println("Nothing to resume: the last run in " + outputs.dir
              + " finished; its outputs are in place.");
          return EXIT_OK;
        }
        throw usage("--resume: no unfinished run in " + outputs.dir + " (it would have left "
            + FailedPages.FILE + ", breweries.partial.csv and breweries.partial.db)");
      }
      onlyPages = resumedPages(outputs, parsed.hasMatchedOption("--per-page"));
    }
    Interrupts interrupts = handleSignals ? Interrupts.install(Thread.currentThread(), out) : null;
    int code = EXIT_FAILED;
    try {
      JobRun job = new JobRun(out, terminal, interrupts, fetchers, perPage, retries,
          rate, livePort, engine.equals("flink"));
      if (base != null) {
        out.println("API: " + base);
        code = job.run(base, outputs, onlyPages);
      } else {
        code = runEmbedded(job, outputs, onlyPages);
      }
    } catch (IOException | java.sql.SQLException | RuntimeException e) {
      err.println("breweries-etl: failed: " + e);
      code = EXIT_FAILED;
    } finally {
      if (interrupts != null) {
        interrupts.finished(code);
        interrupts.close();
      }
    }
    return code;
  }

  private int runEmbedded(JobRun job, Outputs outputs, SortedSet<Integer> onlyPages)
      throws IOException, java.sql.SQLException {
    try (BreweryServer server = BreweryServer.start(BreweryDataSet.generate(records, SEED),
        Set.copyOf(failPages), serverDelayMillis)) {
      out.println("Embedded API: " + server.baseUri() + " (" + String.format(Locale.ROOT,
          "%,d", records) + " records)");
      int code = job.run(server.baseUri(), outputs, onlyPages);
      if (code != EXIT_INTERRUPTED) {
        out.printf(Locale.ROOT, "Embedded API answered %,d requests (%,d failed on purpose).%n",
            server.requests(), server.failures());
      }
      return code;
    }
  }

  private SortedSet<Integer> resumedPages(Outputs outputs, boolean perPageGiven) {
    List<FailedPages.Entry> entries;
    try {
      entries = FailedPages.read(outputs.failedPages);
    } catch (IOException | RuntimeException e) {
      throw usage("--resume: cannot read " + outputs.failedPages + ": " + e.getMessage());
    }
    SortedSet<Integer> pages = new TreeSet<>();
    for (FailedPages.Entry e : entries) {
      if (perPageGiven) {
        check(e.perPage() == perPage, "--per-page " + perPage + " does not fit --resume: the "
            + "unfinished run fetched " + e.perPage() + " records per page");
      }
      perPage = e.perPage();
      pages.add(e.page());
    }
    return pages;
  }

  /**
   * Checks an API address: http or https, with a host, no query or fragment; trailing
   * slashes are dropped (the job appends {@code /meta} and {@code ?page=}).
   */
  private URI checkedUrl(String text) {
    URI u;
    try {
      u = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw usage("--url: not a valid address: " + e.getMessage());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    check(scheme.equals("http") || scheme.equals("https"),
        "--url must start with http:// or https://, was '" + text + "'");
    check(u.getHost() != null && !u.getHost().isEmpty(),
        "--url must name a host, was '" + text + "'");
    check(u.getRawQuery() == null && u.getRawFragment() == null,
        "--url must not have a query or fragment (the job adds ?page=...), was '" + text + "'");
    String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + u.getRawAuthority() + path);
  }

  private void checkRange(String option, int value, int min, int max) {
    check(value >= min && value <= max, String.format(Locale.ROOT,
        "%s must be %,d to %,d, was %,d", option, min, max, value));
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw usage(message);
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
