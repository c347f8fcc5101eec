package pidmap.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The directory where pidmap writes the files it names to a user (a failing run's prefix, a
 * shrunk counterexample, a kernel divergence's trace), instead of the temp directory where they
 * would pile up unseen: {@code target/pidmap} under the current directory unless the user gives
 * another ({@code --out}). Files are never overwritten: a second {@code prefix-x.jsonl} is
 * {@code prefix-x-2.jsonl}. Thread-safe: each file is created atomically.
 */
public final class OutputDir {
  /** The default, relative to the current directory. */
  public static final Path DEFAULT = Path.of("target", "pidmap");

  private final Path dir;

  public OutputDir(Path dir) {
    this.dir = dir;
  }

  /** {@link #DEFAULT}. */
  public static OutputDir standard() {
    return new OutputDir(DEFAULT);
  }

  public Path dir() {
    return dir;
  }

  /**
   * A new empty file {@code stem.jsonl} (or {@code stem-N.jsonl}), the directory created first.
   *
   * @throws CannotWriteException naming the directory and the reason
   */
  public Path newFile(String stem) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CannotWriteException("cannot write in " + dir + ": " + reason(e));
    }
    String safe = stem.replaceAll("[^A-Za-z0-9._-]", "_");
    for (int n = 1; ; n++) {
      Path file = dir.resolve(n == 1 ? safe + ".jsonl" : safe + "-" + n + ".jsonl");
      try {
        return Files.createFile(file);
      } catch (FileAlreadyExistsException e) {
        // taken: try the next number
      } catch (IOException e) {
        throw new CannotWriteException("cannot write " + file + ": " + reason(e));
      }
    }
  }

  /** A new file holding {@code text}. @throws CannotWriteException naming the file and why */
  public Path write(String stem, String text) {
    Path file = newFile(stem);
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new CannotWriteException("cannot write " + file + ": " + reason(e));
    }
  }

  /** Why an I/O operation failed, in a few words: {@code permission denied}, {@code no such directory}. */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it exists and is not a directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public String toString() {
    return dir.toString();
  }
}
