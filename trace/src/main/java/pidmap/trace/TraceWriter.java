package pidmap.trace;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes traces in the JSON Lines format of docs/DESIGN.md, one line per call, in the canonical field
 * order ({@code op}, its argument, {@code expect}); {@link TraceReader} reads back exactly what
 * this writes. Not thread-safe.
 */
public final class TraceWriter implements Closeable, Flushable {
  private final Writer out;

  public TraceWriter(Writer out) {
    this.out = out;
  }

  /** The line for {@code op}, with {@code ,"expect":...} when expect is not null. */
  public static String line(Op op, Expect expect) {
    String json = op.toJson();
    if (expect == null) {
      return json;
    }
    return json.substring(0, json.length() - 1) + ",\"expect\":" + expect.toJson() + "}";
  }

  /** Writes the config line; call it first, at most once. */
  public TraceWriter config(TraceConfig config) {
    return raw(config.toJson());
  }

  public TraceWriter write(Op op, Expect expect) {
    return raw(line(op, expect));
  }

  public TraceWriter write(TraceLine line) {
    return raw(line.toJson());
  }

  private TraceWriter raw(String text) {
    try {
      out.write(text);
      out.write('\n');
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
