package pidmap.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import pidmap.trace.TraceReader;

/**
 * The trace a command reads: a file, or standard input for {@code -}. Standard input is copied
 * to a spool file as it is read, so that the prefix of a failing run can be written afterwards
 * ({@link #replayable()}) while the trace itself still streams; the spool is deleted on close.
 * Not thread-safe.
 */
final class TraceInput implements Closeable {
  private final String name;
  private final Path file;
  private final Writer spool;
  private final TraceReader reader;

  private TraceInput(String name, Path file, Writer spool, TraceReader reader) {
    this.name = name;
    this.file = file;
    this.spool = spool;
    this.reader = reader;
  }

  static TraceInput open(String name, InputStream stdin) {
    try {
      if (name.equals("-")) {
        Path spoolFile = Files.createTempFile("pidmap-stdin-", ".jsonl");
        Writer spool = Files.newBufferedWriter(spoolFile, StandardCharsets.UTF_8);
        Reader tee = new Tee(new InputStreamReader(stdin, StandardCharsets.UTF_8), spool);
        try {
          return new TraceInput("stdin", spoolFile, spool,
              new TraceReader(new BufferedReader(tee, 1 << 16)));
        } catch (RuntimeException e) {
          spool.close();
          Files.deleteIfExists(spoolFile);
          throw e;
        }
      }
      Path path = Path.of(name);
      if (Files.isDirectory(path)) {
        throw new BadInputException("cannot read " + name + ": it is a directory");
      }
      return new TraceInput(name, path, null, TraceReader.open(path));
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot read " + name + ": no such file");
    } catch (IOException e) {
      throw new BadInputException("cannot read " + name + ": " + e.getMessage());
    }
  }

  /** {@code stdin} or the file name as given. */
  String name() {
    return name;
  }

  boolean isStdin() {
    return spool != null;
  }

  TraceReader reader() {
    return reader;
  }

  /** A file holding at least every line read so far: the trace file, or the stdin spool. */
  Path replayable() {
    if (spool != null) {
      try {
        spool.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }

  @Override
  public void close() {
    try {
      reader.close();
      if (spool != null) {
        spool.close();
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reader that copies every character it hands out to a writer. */
  private static final class Tee extends FilterReader {
    private final Writer copy;

    Tee(Reader in, Writer copy) {
      super(in);
      this.copy = copy;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (n > 0) {
        copy.write(buf, off, n);
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int c = in.read();
      if (c >= 0) {
        copy.write(c);
      }
      return c;
    }
  }
}
