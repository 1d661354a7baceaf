package io.github.asyncgraphdataflow.examples.breweries;

import io.github.asyncgraphdataflow.NodeStats;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;

/**
 * The job's status line, computed from the executor's live statistics
 * ({@code dataFlowStats()}): pages done of the total with their rate and an estimate of the time
 * left, the fetchers at work and the pages waiting for them, records parsed and their rate, rows
 * written to each output, retries (of the nodes' retry policies) and errors. Rates are measured over the last
 * {@link #WINDOW_NANOS} from successive snapshots, so they follow the run's current pace.
 *
 * <p>Not thread-safe: one progress thread calls {@link #next}.
 */
final class StatusLine {
  /** The span rates are measured over. */
  static final long WINDOW_NANOS = 5_000_000_000L;

  private record Sample(long nanos, long pages, long records) {}

  private final Deque<Sample> samples = new ArrayDeque<>();

  /**
   * A status line for a run.
   *
   * @param startNanos when the run started ({@link System#nanoTime()})
   */
  StatusLine(long startNanos) {
    samples.add(new Sample(startNanos, 0, 0));
  }

  /**
   * The status now.
   *
   * @param nanos the time ({@link System#nanoTime()})
   * @param stats the executor's statistics now
   * @param totalPages pages this run fetches, or negative while unknown
   * @param csvRows rows in the CSV file
   * @param sqliteRows rows committed to SQLite
   * @return one line
   */
  String next(long nanos, Map<String, NodeStats> stats, long totalPages, long csvRows,
      long sqliteRows) {
    NodeStats fetch = stats.getOrDefault("fetchPage", NodeStats.ZERO);
    NodeStats parse = stats.getOrDefault("parseJson", NodeStats.ZERO);
    long pagesDone = fetch.out() + fetch.err();
    long records = parse.out();
    samples.addLast(new Sample(nanos, pagesDone, records));
    while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > WINDOW_NANOS) {
      samples.removeFirst();
    }
    Sample first = samples.peekFirst();
    double seconds = (nanos - first.nanos()) / 1e9;
    double pageRate = seconds > 0 ? (pagesDone - first.pages()) / seconds : 0;
    double recordRate = seconds > 0 ? (records - first.records()) / seconds : 0;
    long errors = stats.values().stream().mapToLong(NodeStats::err).sum();
    long retries = stats.values().stream().mapToLong(NodeStats::retries).sum();
    StringBuilder s = new StringBuilder("pages ");
    if (totalPages < 0) {
      s.append(String.format(Locale.ROOT, "%,d/?", pagesDone));
    } else {
      s.append(String.format(Locale.ROOT, "%,d/%,d %d%%", pagesDone, totalPages,
          totalPages == 0 ? 100 : pagesDone * 100 / totalPages));
    }
    s.append(String.format(Locale.ROOT, " %.1f/s", pageRate));
    if (totalPages >= 0) {
      s.append(" ETA ").append(eta(totalPages - pagesDone, pageRate));
    }
    s.append(String.format(Locale.ROOT,
        " | fetching %d, queued %d | records %,d %,.0f/s | CSV %,d | SQLite %,d | retries %d"
            + " | errors %d",
        fetch.active(), fetch.queued(), records, recordRate, csvRows, sqliteRows, retries,
        errors));
    return s.toString();
  }

  /**
   * The time left at a rate, as {@code m:ss}; {@code ?} while nothing moves.
   *
   * @param remaining items left
   * @param perSecond items per second
   * @return the estimate
   */
  static String eta(long remaining, double perSecond) {
    if (remaining <= 0) {
      return "0:00";
    }
    if (perSecond <= 0) {
      return "?";
    }
    long s = (long) Math.ceil(remaining / perSecond);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
