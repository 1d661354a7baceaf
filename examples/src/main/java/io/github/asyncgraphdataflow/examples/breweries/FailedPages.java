package io.github.asyncgraphdataflow.examples.breweries;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages a run did not finish, and why: the record {@code failed-pages.csv} that
 * {@code --resume} reads to fetch only those pages again. A page is listed when its request
 * failed for good (the error of its last attempt), or when the run ended (failed or
 * interrupted) before all of the page's records were written to both outputs.
 *
 * <p>Thread-safe: the fetchers record failures concurrently.
 */
final class FailedPages {
  /** The file's name, beside the outputs. */
  static final String FILE = "failed-pages.csv";

  private static final CsvMapper CSV = new CsvMapper();
  private static final CsvSchema SCHEMA = CSV.schemaFor(Entry.class).withHeader();

  /**
   * One unfinished page.
   *
   * @param page the page number
   * @param perPage the page size it was requested with (a resumed run must use the same)
   * @param error why it is unfinished
   */
  @JsonPropertyOrder({"page", "perPage", "error"})
  record Entry(int page, int perPage, String error) {}

  private final Map<Integer, String> errors = new ConcurrentHashMap<>();

  /**
   * Records that a page's request failed for good (after the retries); the graph's
   * {@code recordFailedPage} node calls this for each dead letter of fetchPage.
   *
   * @param page the page
   * @param failure the last attempt's failure
   * @param attempts how many attempts were made
   */
  void failed(int page, Throwable failure, int attempts) {
    String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
    errors.put(page, message + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"));
  }

  /**
   * How many pages failed for good so far.
   *
   * @return the count
   */
  int failedForGood() {
    return errors.size();
  }

  /**
   * The record of a run: each unfinished page with its error, or {@code otherwise} when its
   * request did not fail (the run ended before its records were all written).
   *
   * @param unfinished the pages not completely written
   * @param perPage the page size of the run
   * @param otherwise the reason for pages whose request succeeded or never ran
   * @return the entries, by page number
   */
  List<Entry> entries(Collection<Integer> unfinished, int perPage, String otherwise) {
    Map<Integer, Entry> byPage = new TreeMap<>();
    for (int page : unfinished) {
      byPage.put(page, new Entry(page, perPage, errors.getOrDefault(page, otherwise)));
    }
    return new ArrayList<>(byPage.values());
  }

  /**
   * Writes a record (header line, one line per page).
   *
   * @param file where
   * @param entries what
   * @throws IOException if it cannot be written
   */
  static void write(Path file, List<Entry> entries) throws IOException {
    CSV.writer(SCHEMA).writeValues(file.toFile()).writeAll(entries).close();
  }

  /**
   * Reads a record written by {@link #write}.
   *
   * @param file the record
   * @return its entries
   * @throws IOException if it cannot be read or is not such a record
   */
  static List<Entry> read(Path file) throws IOException {
    try (MappingIterator<Entry> it = CSV.readerFor(Entry.class).with(SCHEMA)
        .readValues(file.toFile())) {
      return it.readAll();
    }
  }
}
