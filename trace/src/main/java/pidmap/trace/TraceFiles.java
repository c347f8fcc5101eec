package pidmap.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes self-contained trace files (config line first) for people to replay. Stateless. */
public final class TraceFiles {
  private TraceFiles() {}

  /** A new empty file in the temp directory named {@code <prefix>-<random>.jsonl}. */
  public static Path create(String prefix) {
    try {
      return Files.createTempFile(prefix + "-", ".jsonl");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code config} and then {@code lines} to {@code file}, replacing it. */
  public static Path write(Path file, TraceConfig config, Iterable<TraceLine> lines) {
    try (TraceWriter w = new TraceWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      w.config(config);
      lines.forEach(w::write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Copies the operation lines of {@code source} up to and including line {@code lastLine} into
   * {@code file} behind {@code config}, which replaces the source's own config line: the prefix
   * that reproduces a failure at that line, with the command line's flags folded in.
   */
  public static Path writePrefix(Path source, long lastLine, TraceConfig config, Path file) {
    try (TraceReader in = TraceReader.open(source);
        TraceWriter out = new TraceWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      out.config(config);
      while (in.hasNext()) {
        TraceLine l = in.next();
        if (l.line() > lastLine) {
          break;
        }
        out.write(l);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
