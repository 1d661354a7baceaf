package io.github.asyncgraphdataflow.examples.breweries;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which pages have been written completely: for every page, how many records it had and how
 * many of them reached the CSV file and were committed to SQLite. A page is finished when both
 * counts reach its record count; every other page is unfinished, and a resumed run fetches it
 * again (the SQLite load is an upsert and the CSV merge keeps one row per id, so a page written
 * in part is not duplicated).
 *
 * <p>Thread-safe: the parser and the two sinks record concurrently.
 */
final class PageLedger {
  private static final class Counts {
    final int records;
    final AtomicInteger csv = new AtomicInteger();
    final AtomicInteger sqlite = new AtomicInteger();

    Counts(int records) {
      this.records = records;
    }
  }

  private final Map<Integer, Counts> pages = new ConcurrentHashMap<>();
  private final Map<String, Integer> pageOfId = new ConcurrentHashMap<>();

  /**
   * Records a parsed page; call before its records are emitted.
   *
   * @param page the page
   * @param ids its records' ids (null for a record without one: that page never finishes)
   */
  void parsed(int page, List<String> ids) {
    pages.put(page, new Counts(ids.size()));
    for (String id : ids) {
      if (id != null) {
        pageOfId.put(id.strip(), page);
      }
    }
  }

  void writtenToCsv(String id) {
    Counts c = countsOf(id);
    if (c != null) {
      c.csv.incrementAndGet();
    }
  }

  void committedToSqlite(Collection<Brewery> batch) {
    for (Brewery b : batch) {
      Counts c = countsOf(b.id());
      if (c != null) {
        c.sqlite.incrementAndGet();
      }
    }
  }

  private Counts countsOf(String id) {
    Integer page = pageOfId.get(id);
    return page == null ? null : pages.get(page);
  }

  /**
   * Whether every record of a page reached both outputs.
   *
   * @param page the page
   * @return true if finished
   */
  boolean finished(int page) {
    Counts c = pages.get(page);
    return c != null && c.csv.get() == c.records && c.sqlite.get() == c.records;
  }

  /**
   * The pages of a run that are not finished.
   *
   * @param runPages the pages the run was to fetch
   * @return those not finished, in the given order
   */
  List<Integer> unfinished(Collection<Integer> runPages) {
    return runPages.stream().filter(p -> !finished(p)).toList();
  }
}
