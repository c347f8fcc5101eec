package pidmap.trace;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a trace one line at a time: the optional config first ({@link #config()}), then the
 * operations ({@link #next()}). Holds one line in memory at a time, so a trace of any length
 * streams. Not thread-safe.
 *
 * <p>Lines that are empty, only whitespace, or whose first non-blank character is {@code #} are
 * skipped (comments, for hand-written traces); they still count for line numbers. The config
 * line, when present, must be the first line that is not skipped. Any other malformed line
 * throws {@link TraceFormatException} when the iteration reaches it, so the steps before it have
 * already run.
 */
public final class TraceReader implements Iterator<TraceLine>, Closeable {
  private final BufferedReader in;
  private final LineParser parser = new LineParser();
  private final TraceConfig config;
  private long lineNumber;
  private TraceLine pending;
  private boolean done;

  /**
   * Reads up to the first line that is not skipped, to learn the config.
   *
   * @throws TraceFormatException if that line is malformed (the reader is then closed)
   */
  public TraceReader(Reader reader) {
    this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    try {
      LineParser.Parsed first = advance();
      if (first != null && first.config() != null) {
        config = first.config();
      } else {
        config = TraceConfig.EMPTY;
        pending = first == null ? null : first.line();
        done = first == null;
      }
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  public static TraceReader open(Path file) throws IOException {
    return new TraceReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
  }

  public static TraceReader of(InputStream in) {
    return new TraceReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The trace's config line, or {@link TraceConfig#EMPTY} when it has none. */
  public TraceConfig config() {
    return config;
  }

  /** The number of the last line read (skipped lines included). */
  public long lineNumber() {
    return lineNumber;
  }

  /** @throws TraceFormatException if the next operation line is malformed */
  @Override
  public boolean hasNext() {
    if (pending == null && !done) {
      LineParser.Parsed p = advance();
      if (p == null) {
        done = true;
      } else if (p.config() != null) {
        throw new TraceFormatException(lineNumber,
            "config must be the first line (only blank lines and # comments may come before it)");
      } else {
        pending = p.line();
      }
    }
    return pending != null;
  }

  /** @throws TraceFormatException if the next operation line is malformed */
  @Override
  public TraceLine next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the trace has no more lines");
    }
    TraceLine line = pending;
    pending = null;
    return line;
  }

  /** The next line that is not skipped, parsed; null at the end. */
  private LineParser.Parsed advance() {
    try {
      String text;
      while ((text = in.readLine()) != null) {
        lineNumber++;
        if (!skipped(text)) {
          return parser.parse(text, lineNumber);
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean skipped(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '#') {
        return true;
      }
      if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeQuietly() {
    try {
      in.close();
    } catch (IOException ignored) {
      // the parse error is the one to report
    }
  }
}
