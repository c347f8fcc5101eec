package pidmap.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (a {@code \n} ends a line; a {@code \r} before it is dropped)
 * and decodes each line as strict UTF-8, so that
 * a byte sequence that is not UTF-8 is reported on its own line, with its byte column, whether
 * the bytes come from a file or from standard input. A UTF-8 byte order mark at the very start is
 * skipped. One line is held in memory at a time. Not thread-safe.
 */
final class Utf8Lines implements Closeable {
  private static final int CHUNK = 1 << 16;

  private final InputStream in;
  private final byte[] chunk = new byte[CHUNK];
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int pos;
  private int end;
  private boolean eof;
  private byte[] line = new byte[256];
  private long lineNumber;

  Utf8Lines(InputStream in) {
    this.in = in;
  }

  /** The number of the line {@link #next()} returned last (1-based). */
  long lineNumber() {
    return lineNumber;
  }

  /**
   * The next line without its end, or null at the end of the stream.
   *
   * @throws TraceFormatException if the line is not UTF-8
   * @throws UncheckedIOException if reading fails
   */
  String next() {
    int length = 0;
    boolean any = false;
    while (true) {
      if (pos == end && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      any = true;
      int nl = indexOf(chunk, pos, end, (byte) '\n');
      int stop = nl < 0 ? end : nl;
      length = append(length, stop - pos);
      pos = stop;
      if (nl >= 0) {
        pos++;
        break;
      }
    }
    lineNumber++;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    int from = 0;
    if (lineNumber == 1 && length >= 3 && (line[0] & 0xff) == 0xef && (line[1] & 0xff) == 0xbb
        && (line[2] & 0xff) == 0xbf) {
      from = 3; // a UTF-8 byte order mark, as some editors write one
    }
    return decode(from, length);
  }

  private String decode(int from, int to) {
    ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
    CharBuffer chars = CharBuffer.allocate(to - from);
    decoder.reset();
    CoderResult r = decoder.decode(bytes, chars, true);
    if (r.isUnderflow()) {
      r = decoder.flush(chars);
    }
    if (r.isError()) {
      throw new TraceFormatException(lineNumber, "not UTF-8 text: byte " + hex(line[bytes.position()])
          + " at byte column " + (bytes.position() + 1)
          + " cannot start or continue a UTF-8 character (a trace is UTF-8 JSON Lines;"
          + " is this a binary file?)");
    }
    chars.flip();
    return chars.toString();
  }

  private static String hex(byte b) {
    return String.format("0x%02x", b & 0xff);
  }

  private int append(int length, int n) {
    if (length + n > line.length) {
      line = Arrays.copyOf(line, Math.max(length + n, 2 * line.length));
    }
    System.arraycopy(chunk, pos, line, length, n);
    return length + n;
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      int n = in.read(chunk, 0, CHUNK);
      if (n < 0) {
        eof = true;
        return false;
      }
      pos = 0;
      end = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(byte[] a, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
