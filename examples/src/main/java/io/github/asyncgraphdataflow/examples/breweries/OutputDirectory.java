package io.github.asyncgraphdataflow.examples.breweries;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Checks, before a run starts, that its output directory exists or can be made, and can be written. */
final class OutputDirectory {
  private OutputDirectory() {}

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
