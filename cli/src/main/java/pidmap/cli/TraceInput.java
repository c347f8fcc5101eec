package pidmap.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import pidmap.trace.OutputDir;
import pidmap.trace.TraceReader;

/**
 * The trace a command reads: a file, or standard input for {@code -}, as bytes decoded as strict
 * UTF-8 either way (so a bad byte gets the same message from both). Standard input is copied to a
 * spool file in the temp directory as it is read, so that the prefix of a failing run can be
 * written afterwards ({@link #replayable()}) while the trace itself still streams; the spool is
 * deleted on close. Where no spool can be created the trace still runs, and {@link
 * #replayable()} says why there is no file. Not thread-safe.
 */
final class TraceInput implements Closeable {
  private final String name;
  private final Path file;
  private final OutputStream spool;
  private final String noSpool;
  private final TraceReader reader;

  private TraceInput(String name, Path file, OutputStream spool, String noSpool,
      TraceReader reader) {
    this.name = name;
    this.file = file;
    this.spool = spool;
    this.noSpool = noSpool;
    this.reader = reader;
  }

  static TraceInput open(String name, InputStream stdin) {
    if (name.equals("-")) {
      return openStdin(stdin);
    }
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      throw new BadInputException("cannot read " + name + ": it is a directory");
    }
    try {
      return new TraceInput(name, path, null, null, TraceReader.open(path));
    } catch (IOException e) {
      throw new BadInputException("cannot read " + name + ": " + OutputDir.reason(e));
    }
  }

  private static TraceInput openStdin(InputStream stdin) {
    Path spoolFile;
    OutputStream spool;
    try {
      spoolFile = Files.createTempFile("pidmap-stdin-", ".jsonl");
      spool = new BufferedOutputStream(Files.newOutputStream(spoolFile), 1 << 16);
    } catch (IOException | UnsupportedOperationException e) {
      String why = "standard input could not be kept for it in the temp directory ("
          + System.getProperty("java.io.tmpdir") + ": "
          + (e instanceof IOException io ? OutputDir.reason(io) : e.getMessage()) + ")";
      return new TraceInput("stdin", null, null, why,
          new TraceReader(new BufferedInputStream(stdin, 1 << 16)));
    }
    InputStream tee = new BufferedInputStream(new Tee(stdin, spool), 1 << 16);
    try {
      return new TraceInput("stdin", spoolFile, spool, null, new TraceReader(tee));
    } catch (RuntimeException e) {
      closeQuietly(spool);
      deleteQuietly(spoolFile);
      throw e;
    }
  }

  /** {@code stdin} or the file name as given. */
  String name() {
    return name;
  }

  TraceReader reader() {
    return reader;
  }

  /**
   * A file holding at least every line read so far: the trace file, or the stdin spool.
   *
   * @throws IllegalStateException saying why there is none (no spool could be created)
   */
  Path replayable() {
    if (file == null) {
      throw new IllegalStateException(noSpool);
    }
    if (spool != null) {
      try {
        spool.flush();
      } catch (IOException e) {
        throw new IllegalStateException("the copy of standard input could not be written: "
            + OutputDir.reason(e));
      }
    }
    return file;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } finally {
      if (spool != null) {
        closeQuietly(spool);
        deleteQuietly(file);
      }
    }
  }

  private static void closeQuietly(OutputStream s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // a spool we are about to delete
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // the temp directory's own cleanup will take it
    }
  }

  /** A stream that copies every byte it hands out to another. */
  private static final class Tee extends FilterInputStream {
    private final OutputStream copy;

    Tee(InputStream in, OutputStream copy) {
      super(in);
      this.copy = copy;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
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
