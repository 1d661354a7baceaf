package io.github.asyncgraphdataflow.examples.breweries;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes breweries to a CSV file (RFC 4180: a header line, then one line per record; fields
 * with commas, quotes or line breaks quoted) with Jackson's CSV module, columns in the order of
 * {@link Brewery}'s components.
 *
 * <p>A resumed run writes the pages it fetched again, then {@link #keepRowsOf copies} the rows
 * of the previous partial file whose id it has not written: one row per id, the newest.
 *
 * <p>Not thread-safe: the graph's {@code writeCsv} node has one worker.
 */
final class CsvSink implements AutoCloseable {
  private static final CsvMapper CSV = new CsvMapper();
  private static final CsvSchema SCHEMA = CSV.schemaFor(Brewery.class).withHeader();

  private final SequenceWriter writer;
  private final AtomicLong rows = new AtomicLong();
  private final Set<String> ids = new HashSet<>();

  CsvSink(Path file) throws IOException {
    this.writer = CSV.writer(SCHEMA).writeValues(file.toFile());
    writer.flush(); // creates the file even when no record comes
  }

  void write(Brewery brewery) throws IOException {
    writer.write(brewery);
    ids.add(brewery.id());
    rows.incrementAndGet();
  }

  long rows() {
    return rows.get();
  }

  /**
   * Appends the rows of an earlier file whose id this sink has not written (call after the
   * graph has finished).
   *
   * @param earlier a file this class wrote
   * @return how many rows were copied
   * @throws IOException if it cannot be read or written
   */
  long keepRowsOf(Path earlier) throws IOException {
    long copied = 0;
    try (MappingIterator<Brewery> it = CSV.readerFor(Brewery.class).with(SCHEMA)
        .with(CsvParser.Feature.EMPTY_STRING_AS_NULL).readValues(earlier.toFile())) {
      while (it.hasNext()) {
        Brewery b = it.next();
        if (ids.add(b.id())) {
          writer.write(b);
          copied++;
        }
      }
    }
    rows.addAndGet(copied);
    return copied;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  /**
   * Counts the records of a CSV file with a header line, reading it back as CSV (so a quoted
   * line break inside a field does not count as a row).
   *
   * @param file the file
   * @return how many records follow the header
   * @throws IOException if it cannot be read
   */
  static long countRows(Path file) throws IOException {
    long n = 0;
    try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader())
        .readValues(file.toFile())) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }
}
