package pidmap.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes self-contained trace files (config line first) for people to replay. Stateless. */
public final class TraceFiles {
  private TraceFiles() {}

  /**
   * Writes {@code config} and then {@code lines} to {@code file}, replacing it.
   *
   * @throws CannotWriteException naming the file and the reason
   */
  public static Path write(Path file, TraceConfig config, Iterable<TraceLine> lines) {
    try (TraceWriter w = writer(file)) {
      w.config(config);
      lines.forEach(w::write);
    } catch (UncheckedIOException e) {
      throw cannotWrite(file, e.getCause());
    }
    return file;
  }

  /**
   * Copies the operation lines of {@code source} up to and including line {@code lastLine} into
   * {@code file} behind {@code config}, which replaces the source's own config line: the prefix
   * that reproduces a failure at that line, with the command line's flags folded in.
   *
   * @throws CannotWriteException naming the file and the reason, when writing fails
   * @throws UncheckedIOException when reading the source fails
   */
  public static Path writePrefix(Path source, long lastLine, TraceConfig config, Path file) {
    try (TraceReader in = open(source); TraceWriter out = writer(file)) {
      written(file, () -> out.config(config));
      while (in.hasNext()) {
        TraceLine l = in.next();
        if (l.line() > lastLine) {
          break;
        }
        written(file, () -> out.write(l));
      }
      written(file, out::flush);
    }
    return file;
  }

  /** Runs a write, turning its failure into one that names the file. */
  private static void written(Path file, Runnable write) {
    try {
      write.run();
    } catch (UncheckedIOException e) {
      throw cannotWrite(file, e.getCause());
    }
  }

  private static TraceReader open(Path source) {
    try {
      return TraceReader.open(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TraceWriter writer(Path file) {
    try {
      return new TraceWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  private static CannotWriteException cannotWrite(Path file, IOException e) {
    return new CannotWriteException("cannot write " + file + ": " + OutputDir.reason(e));
  }
}
