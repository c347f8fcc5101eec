package pidmap.trace;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
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
 *
 * <p>Bytes are decoded as strict UTF-8, line by line, so a byte sequence that is not UTF-8 is a
 * {@link TraceFormatException} on its line, from a file and from standard input alike; a UTF-8
 * byte order mark before the first line is skipped.
 */
public final class TraceReader implements Iterator<TraceLine>, Closeable {
  /** Where the lines come from: a byte stream (strict UTF-8) or characters. */
  private interface Lines extends Closeable {
    /** The next line without its end, or null at the end. */
    String next() throws IOException;
  }

  private final Lines in;
  private final LineParser parser = new LineParser();
  private final TraceConfig config;
  private long configLine;
  private long lineNumber;
  private TraceLine pending;
  private boolean done;

  /**
   * Reads up to the first line that is not skipped, to learn the config.
   *
   * @throws TraceFormatException if that line is malformed (the reader is then closed)
   */
  public TraceReader(Reader reader) {
    this(charLines(reader));
  }

  /**
   * Reads bytes as strict UTF-8.
   *
   * @throws TraceFormatException if the first line that is not skipped is malformed
   */
  public TraceReader(InputStream bytes) {
    this(byteLines(bytes));
  }

  private TraceReader(Lines lines) {
    this.in = lines;
    try {
      LineParser.Parsed first = advance();
      if (first != null && first.config() != null) {
        config = first.config();
        configLine = lineNumber;
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

  private static Lines charLines(Reader reader) {
    BufferedReader b = reader instanceof BufferedReader r ? r : new BufferedReader(reader, 1 << 16);
    return new Lines() {
      @Override
      public String next() throws IOException {
        return b.readLine();
      }

      @Override
      public void close() throws IOException {
        b.close();
      }
    };
  }

  private static Lines byteLines(InputStream bytes) {
    Utf8Lines lines = new Utf8Lines(bytes);
    return new Lines() {
      @Override
      public String next() {
        return lines.next();
      }

      @Override
      public void close() throws IOException {
        lines.close();
      }
    };
  }

  /** A file, read as strict UTF-8. */
  public static TraceReader open(Path file) throws IOException {
    InputStream bytes = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      return new TraceReader(bytes);
    } catch (RuntimeException e) {
      bytes.close();
      throw e;
    }
  }

  /** A byte stream, read as strict UTF-8. */
  public static TraceReader of(InputStream in) {
    return new TraceReader(in);
  }

  /** The trace's config line, or {@link TraceConfig#EMPTY} when it has none. */
  public TraceConfig config() {
    return config;
  }

  /** The line number of the config line, or 0 when the trace has none. */
  public long configLine() {
    return configLine;
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
      while ((text = in.next()) != null) {
        lineNumber++;
        if (lineNumber == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1); // a byte order mark, as some editors write one
        }
        if (!skipped(text)) {
          return parser.parse(text, lineNumber);
        }
      }
      return null;
    } catch (CharacterCodingException e) {
      throw new TraceFormatException(lineNumber + 1, "not UTF-8 text (a trace is UTF-8 JSON"
          + " Lines; is this a binary file?)");
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
