package io.github.asyncgraphdataflow.examples.breweries;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks, before a run starts, that its output directory exists or can be made, and can be
 * written; and keeps other runs out of it while a run uses it.
 */
final class OutputDirectory {
  /** The file whose lock marks a directory as in use; left in place (see {@link #lock}). */
  static final String LOCK_FILE = ".breweries-etl.lock";

  private OutputDirectory() {}

  /**
   * Takes the directory for this run: an operating-system lock on {@value #LOCK_FILE}, which
   * the system releases when the lock is closed or the process ends however it ends, so a
   * killed run leaves nothing stale. The file stays: deleting it would let a second run lock a
   * new file while a third still holds the old one.
   *
   * @param dir an output directory {@link #problem} accepted
   * @return the lock, to close when the run is over; null if another run holds it
   * @throws IOException if the lock file cannot be opened
   */
  static FileLock lock(Path dir) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return lock; // closing the lock's channel releases it
      }
    } catch (OverlappingFileLockException e) {
      // held by another run in this JVM (tests run the job in-process too)
    }
    channel.close();
    return null;
  }

  /**
   * Creates the directory if needed and writes (then deletes) a probe file in it.
   *
   * @param dir the output directory
   * @return null if it can be used, otherwise what is wrong, in a few words
   */
  static String problem(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return dir + " is a file, not a directory";
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      return "cannot create " + dir + " (" + reason(e) + ")";
    }
    try {
      Files.delete(Files.createTempFile(dir, ".breweries-etl-", ".probe"));
    } catch (IOException e) {
      return "cannot write in " + dir + " (" + reason(e) + ")";
    }
    return null;
  }

  /**
   * Lets the directory go (closes the lock's file); a failure to close is ignored: the system
   * releases the lock when the process ends anyway.
   *
   * @param lock what {@link #lock} returned
   */
  static void release(FileLock lock) {
    try {
      lock.channel().close();
    } catch (IOException e) {
      // the run is over; the lock goes with the process
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "a file is in the way: " + ((FileSystemException) e).getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
