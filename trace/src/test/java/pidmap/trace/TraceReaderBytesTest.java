package pidmap.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reader does with bytes a text editor would not show: bytes that are not UTF-8, a byte
 * order mark, and values beyond what the JSON parser takes (a number of more than 1000 digits,
 * nesting deeper than 1000, a string of more than 20 million characters). Each is one {@code
 * line N:} message, never an exception of another kind.
 */
class TraceReaderBytesTest {

  private static TraceReader bytes(byte[] b) {
    return new TraceReader(new ByteArrayInputStream(b));
  }

  private static TraceReader bytes(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private static List<TraceLine> readAll(TraceReader r) {
    List<TraceLine> lines = new ArrayList<>();
    r.forEachRemaining(lines::add);
    return lines;
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedOnTheirLineWithTheirColumn() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("{\"op\":\"alloc\"}\n{\"op\":\"alloc\"}\n{\"op\":\"al".getBytes(StandardCharsets.UTF_8));
    b.write(0xff);
    b.writeBytes("loc\"}\n".getBytes(StandardCharsets.UTF_8));
    TraceReader r = bytes(b.toByteArray());
    assertThat(r.next().line()).isEqualTo(1);
    assertThat(r.next().line()).isEqualTo(2);
    assertThatThrownBy(r::next).isInstanceOf(TraceFormatException.class)
        .hasMessage("line 3: not UTF-8 text: byte 0xff at byte column 10 cannot start or continue"
            + " a UTF-8 character (a trace is UTF-8 JSON Lines; is this a binary file?)");
  }

  @Test
  void binaryGarbageOnTheFirstLineIsRefusedAsNotUtf8() {
    byte[] garbage = {(byte) 0xc3, 0x28, (byte) 0x9f, 0x00, 0x10, '\n'};
    assertThatThrownBy(() -> bytes(garbage)).isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("line 1: not UTF-8 text: byte 0xc3 at byte column 1 ");
  }

  @Test
  void aByteOrderMarkBeforeTheFirstLineIsSkipped() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(bom);
    b.writeBytes("{\"op\":\"config\",\"pid_max\":400}\r\n{\"op\":\"alloc\",\"expect\":1}\r\n"
        .getBytes(StandardCharsets.UTF_8));
    TraceReader r = bytes(b.toByteArray());
    assertThat(r.config().pidMax()).isEqualTo(400);
    assertThat(r.configLine()).isEqualTo(1);
    assertThat(readAll(r)).containsExactly(new TraceLine(Op.alloc(), Expect.pid(1), 2));
  }

  @Test
  void aByteOrderMarkReadAsCharactersIsSkippedToo() {
    TraceReader r = new TraceReader(new java.io.StringReader("\uFEFF{\"op\":\"alloc\"}\n"));
    assertThat(readAll(r)).containsExactly(new TraceLine(Op.alloc(), null, 1));
  }

  @Test
  void aNumberOfMoreThanAThousandDigitsIsRefusedWithItsLine() {
    TraceReader r = bytes("{\"op\":\"alloc\"}\n{\"op\":\"free\",\"pid\":" + "1".repeat(1001) + "}\n");
    r.next();
    assertThatThrownBy(r::next).isInstanceOf(TraceFormatException.class)
        .hasMessage("line 2: a number longer than 1000 digits (no field takes one; a pid or value"
            + " fits in 64 bits)");
  }

  @Test
  void aNumberOfJustUnderTheLimitStillGetsTheFieldsMessage() {
    assertThatThrownBy(() -> bytes("{\"op\":\"free\",\"pid\":" + "1".repeat(999) + "}\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("line 1: free's \"pid\" does not fit in 64 bits: 111");
  }

  @Test
  void nestingDeeperThanAThousandLevelsIsRefusedWithItsLine() {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    assertThatThrownBy(() -> bytes("{\"op\":\"alloc\",\"expect\":" + deep + "}\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("line 1: values nested deeper than 1000 levels (a trace line is one flat"
            + " object)");
  }

  @Test
  void aStringOfMoreThanTwentyMillionCharactersIsRefusedWithItsLine() {
    String huge = "x".repeat(20_000_001);
    assertThatThrownBy(() -> bytes("# a comment\n{\"op\":\"" + huge + "\"}\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("line 2: a string longer than 20000000 characters");
  }
}
