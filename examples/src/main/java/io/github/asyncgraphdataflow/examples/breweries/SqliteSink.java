package io.github.asyncgraphdataflow.examples.breweries;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes breweries to the table {@code breweries} of a SQLite database file, one transaction
 * per batch (the graph's {@code writeSqlite} node gets lists of a few hundred from its batching
 * queue): one commit per batch instead of one per row is what makes SQLite fast. Each row is an
 * upsert by id, so loading a page twice (a resumed run) never duplicates a row.
 *
 * <p>Thread-safe: {@link #writeBatch} and {@link #close} are synchronized, so closing while the
 * graph's last batch is still being written (after an interrupt) waits for that transaction to
 * commit or roll back.
 */
final class SqliteSink implements AutoCloseable {
  static final String TABLE = "breweries";
  private static final String CREATE = """
      CREATE TABLE IF NOT EXISTS breweries (
        id TEXT PRIMARY KEY,
        name TEXT,
        brewery_type TEXT,
        address_1 TEXT,
        address_2 TEXT,
        address_3 TEXT,
        city TEXT,
        state_province TEXT,
        postal_code TEXT,
        country TEXT,
        longitude REAL,
        latitude REAL,
        phone TEXT,
        website_url TEXT
      )""";
  /** An upsert by id: loading a record twice keeps one row, with the newer values. */
  private static final String UPSERT = """
      INSERT INTO breweries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, brewery_type = excluded.brewery_type,
        address_1 = excluded.address_1, address_2 = excluded.address_2,
        address_3 = excluded.address_3, city = excluded.city,
        state_province = excluded.state_province, postal_code = excluded.postal_code,
        country = excluded.country, longitude = excluded.longitude,
        latitude = excluded.latitude, phone = excluded.phone, website_url = excluded.website_url
      """;

  private final Connection connection;
  private final PreparedStatement insert;
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong transactions = new AtomicLong();
  private final AtomicLong rolledBack = new AtomicLong();

  SqliteSink(Path file) throws SQLException {
    this.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = connection.createStatement()) {
      s.execute(CREATE); // a resumed run continues the table of the run it resumes
    }
    connection.setAutoCommit(false);
    this.insert = connection.prepareStatement(UPSERT);
  }

  /**
   * Inserts a batch in one transaction; on failure nothing of the batch is kept.
   *
   * @param batch the records
   * @throws SQLException if the insert fails (the transaction is rolled back)
   */
  synchronized void writeBatch(List<Brewery> batch) throws SQLException {
    try {
      for (Brewery b : batch) {
        Object[] values = {b.id(), b.name(), b.breweryType(), b.address1(), b.address2(),
            b.address3(), b.city(), b.stateProvince(), b.postalCode(), b.country(),
            b.longitude(), b.latitude(), b.phone(), b.websiteUrl()};
        for (int i = 0; i < values.length; i++) {
          if (values[i] == null) {
            insert.setNull(i + 1, i == 10 || i == 11 ? Types.REAL : Types.VARCHAR);
          } else {
            insert.setObject(i + 1, values[i]);
          }
        }
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      insert.clearBatch();
      connection.rollback();
      rolledBack.addAndGet(batch.size());
      throw e;
    }
    rows.addAndGet(batch.size());
    transactions.incrementAndGet();
  }

  long rows() {
    return rows.get();
  }

  /** Rows of batches whose transaction failed and was rolled back. */
  long rolledBack() {
    return rolledBack.get();
  }

  long transactions() {
    return transactions.get();
  }

  @Override
  public synchronized void close() throws SQLException {
    try (connection) {
      insert.close();
    }
  }

  /**
   * Counts the rows of the breweries table in a database file.
   *
   * @param file the database
   * @return the row count
   * @throws SQLException if it cannot be read
   */
  static long countRows(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
