package io.github.asyncgraphdataflow.examples.breweries;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The job's files in its output directory, and how a run replaces them: a run writes
 * {@code breweries.csv.tmp} and {@code breweries.db.tmp}, and only when it has finished and its
 * self-check has passed are they moved over {@code breweries.csv} and {@code breweries.db}
 * (an atomic rename where the file system has one). A run that fails or is interrupted leaves
 * the published files as they were; what it wrote becomes {@code breweries.partial.csv} and
 * {@code breweries.partial.db}, with {@code failed-pages.csv} listing the pages it did not
 * finish, for {@code --resume}.
 *
 * <p>Not thread-safe: used by the job's main thread.
 */
final class Outputs {
  final Path dir;
  final Path csv;
  final Path db;
  final Path tmpCsv;
  final Path tmpDb;
  final Path partialCsv;
  final Path partialDb;
  final Path failedPages;

  Outputs(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    this.csv = this.dir.resolve("breweries.csv");
    this.db = this.dir.resolve("breweries.db");
    this.tmpCsv = this.dir.resolve("breweries.csv.tmp");
    this.tmpDb = this.dir.resolve("breweries.db.tmp");
    this.partialCsv = this.dir.resolve("breweries.partial.csv");
    this.partialDb = this.dir.resolve("breweries.partial.db");
    this.failedPages = this.dir.resolve(FailedPages.FILE);
  }

  /** Whether an unfinished run left something to resume. */
  boolean resumable() {
    return Files.exists(failedPages) && Files.exists(partialCsv) && Files.exists(partialDb);
  }

  /**
   * Removes what an earlier run may have left half-written, and for a resumed run starts the
   * new database as a copy of the partial one.
   *
   * @param resume whether this run continues the partial files
   * @throws IOException if a file cannot be removed or copied
   */
  void prepare(boolean resume) throws IOException {
    deleteTemporaries();
    if (resume) {
      Files.copy(partialDb, tmpDb);
    }
  }

  /**
   * Moves the finished, checked files into place and removes the partial ones.
   *
   * @throws IOException if a file cannot be moved
   */
  void publish() throws IOException {
    move(tmpCsv, csv);
    move(tmpDb, db);
    Files.deleteIfExists(partialCsv);
    Files.deleteIfExists(partialDb);
    Files.deleteIfExists(failedPages);
  }

  /**
   * Keeps what an unfinished run wrote as the partial files, with the record of its
   * unfinished pages; the published files are not touched.
   *
   * @param unfinished the pages to fetch again
   * @throws IOException if a file cannot be moved or written
   */
  void keepPartial(List<FailedPages.Entry> unfinished) throws IOException {
    Path tmpRecord = dir.resolve(FailedPages.FILE + ".tmp");
    FailedPages.write(tmpRecord, unfinished);
    move(tmpCsv, partialCsv);
    move(tmpDb, partialDb);
    move(tmpRecord, failedPages);
  }

  /**
   * Deletes what this run wrote; the published and partial files are not touched.
   *
   * @throws IOException if a file cannot be deleted
   */
  void deleteTemporaries() throws IOException {
    Files.deleteIfExists(tmpCsv);
    Files.deleteIfExists(tmpDb);
    Files.deleteIfExists(dir.resolve("breweries.db.tmp-journal"));
    Files.deleteIfExists(dir.resolve(FailedPages.FILE + ".tmp"));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
