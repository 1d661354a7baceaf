package io.github.asyncgraphdataflow.examples.breweries;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes breweries to a CSV file (RFC 4180: a header line, then one line per record; fields
 * with commas, quotes or line breaks quoted) with Jackson's CSV module, columns in the order of
 * {@link Brewery}'s components.
 *
 * <p>Not thread-safe: the graph's {@code write_csv} node has one worker.
 */
final class CsvSink implements AutoCloseable {
  private static final CsvMapper CSV = new CsvMapper();
  private static final CsvSchema SCHEMA = CSV.schemaFor(Brewery.class).withHeader();

  private final SequenceWriter writer;
  private final AtomicLong rows = new AtomicLong();

  CsvSink(Path file) throws IOException {
    this.writer = CSV.writer(SCHEMA).writeValues(file.toFile());
    writer.flush(); // creates the file even when no record comes
  }

  void write(Brewery brewery) throws IOException {
    writer.write(brewery);
    rows.incrementAndGet();
  }

  long rows() {
    return rows.get();
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
