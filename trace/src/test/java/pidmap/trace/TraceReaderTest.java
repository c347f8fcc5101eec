package pidmap.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

class TraceReaderTest {

  private static List<TraceLine> readAll(TraceReader r) {
    List<TraceLine> lines = new ArrayList<>();
    r.forEachRemaining(lines::add);
    return lines;
  }

  private static TraceReader reader(String text) {
    return new TraceReader(new StringReader(text));
  }

  @Test
  void readsTheDesignDocumentsExample() {
    TraceReader r = reader(String.join("\n",
        "{\"op\":\"config\",\"profile\":\"linux-2.6.24\",\"pid_max\":1000,\"bits_per_page\":64,"
            + "\"reserved\":10,\"pid_max_limit\":4096}",
        "{\"op\":\"alloc\",\"expect\":1}",
        "{\"op\":\"free\",\"pid\":1}",
        "{\"op\":\"next\",\"after\":5}",
        "{\"op\":\"set_last\",\"pid\":995}",
        "{\"op\":\"set_pid_max\",\"value\":2000}",
        "{\"op\":\"alloc\",\"expect\":\"EAGAIN\"}"));
    assertThat(r.config()).isEqualTo(new TraceConfig("linux-2.6.24", 1000, 64, 10, 4096));
    assertThat(r.config().geometry()).isEqualTo(new Geometry(64, 10, 4096, 1000));
    assertThat(readAll(r)).containsExactly(
        new TraceLine(Op.alloc(), Expect.pid(1), 2),
        new TraceLine(Op.free(1), null, 3),
        new TraceLine(Op.next(5), null, 4),
        new TraceLine(Op.setLast(995), null, 5),
        new TraceLine(Op.setPidMax(2000), null, 6),
        new TraceLine(Op.alloc(), Expect.named("EAGAIN"), 7));
  }

  @Test
  void withoutAConfigLineTheKernelsValuesApply() {
    TraceReader r = reader("{\"op\":\"alloc\"}\n");
    assertThat(r.config()).isEqualTo(TraceConfig.EMPTY);
    assertThat(r.config().geometry()).isEqualTo(Geometry.KERNEL);
    assertThat(r.config().resolvedProfile()).isEqualTo(Profile.LINUX_2_6_24);
    assertThat(readAll(r)).containsExactly(new TraceLine(Op.alloc(), null, 1));
  }

  @Test
  void eachConfigFieldIsOptional() {
    TraceReader r = reader("{\"op\":\"config\",\"reserved\":2,\"bits_per_page\":4}");
    assertThat(r.config()).isEqualTo(new TraceConfig(null, null, 4, 2, null));
    assertThat(r.config().geometry()).isEqualTo(new Geometry(4, 2, 4194304, 32768));
    assertThat(r.hasNext()).isFalse();
  }

  @Test
  void blankLinesAndCommentsAreSkippedButCounted() {
    TraceReader r = reader("# a scenario\n\n   \n  # indented comment\n"
        + "{\"op\":\"config\",\"pid_max\":302}\r\n# between\n{\"expect\":301,\"op\":\"alloc\"}\n\n");
    assertThat(r.config().pidMax()).isEqualTo(302);
    assertThat(readAll(r)).containsExactly(new TraceLine(Op.alloc(), Expect.pid(301), 7));
    assertThat(r.lineNumber()).isEqualTo(8);
  }

  @Test
  void anEmptyTraceHasNoLines() {
    assertThat(reader("").hasNext()).isFalse();
    assertThat(reader("\n# only a comment\n").hasNext()).isFalse();
  }

  @Test
  void everyExpectShapeIsRead() {
    TraceReader r = reader(String.join("\n",
        "{\"op\":\"alloc\",\"expect\":\"ENOMEM\"}",
        "{\"op\":\"next\",\"after\":3,\"expect\":-1}",
        "{\"op\":\"next\",\"after\":-3,\"expect\":\"EINVAL\"}",
        "{\"op\":\"free\",\"pid\":0,\"expect\":\"EINVAL\"}",
        "{\"op\":\"set_last\",\"pid\":7,\"expect\":\"ok\"}",
        "{\"op\":\"set_pid_max\",\"value\":9000000000,\"expect\":\"EINVAL\"}"));
    assertThat(readAll(r)).extracting(TraceLine::expect).containsExactly(
        Expect.named("ENOMEM"), Expect.pid(-1), Expect.named("EINVAL"), Expect.named("EINVAL"),
        Expect.named("ok"), Expect.named("EINVAL"));
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBack() {
    Geometry g = Geometry.small(8, 3, 21);
    List<TraceLine> lines = List.of(
        new TraceLine(Op.alloc(), Expect.pid(1), 2),
        new TraceLine(Op.alloc(), Expect.named("ENOMEM"), 3),
        new TraceLine(Op.free(4), Expect.named("EINVAL"), 4),
        new TraceLine(Op.next(0), Expect.pid(-1), 5),
        new TraceLine(Op.setLast(20), null, 6),
        new TraceLine(Op.setPidMax(Long.MAX_VALUE), Expect.named("ok"), 7));
    java.io.StringWriter text = new java.io.StringWriter();
    try (TraceWriter w = new TraceWriter(text)) {
      w.config(TraceConfig.of(Profile.LINUX_2_6_24, g));
      lines.forEach(w::write);
    }
    assertThat(text.toString()).startsWith("{\"op\":\"config\",\"profile\":\"linux-2.6.24\","
        + "\"pid_max\":21,\"bits_per_page\":8,\"reserved\":3,\"pid_max_limit\":24}\n"
        + "{\"op\":\"alloc\",\"expect\":1}\n");
    TraceReader r = reader(text.toString());
    assertThat(r.config().geometry()).isEqualTo(g);
    assertThat(readAll(r)).isEqualTo(lines);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      # the line                                          | the message
      {"op":"alloc"                                       | line 2: bad JSON at column 14: Unexpected end-of-input: expected close marker for Object
      {op:"alloc"}                                        | line 2: bad JSON at column 2: Unexpected character ('o' (code 111)): was expecting double-quote to start field name
      {"op":"alloc"} {"op":"alloc"}                       | line 2: more text after the closing }
      {"op":"alloc"},                                     | line 2: bad JSON at column 15: Unexpected character (',' (code 44)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
      [1,2]                                               | line 2: expected a JSON object such as {"op":"alloc"}, got an array
      42                                                  | line 2: expected a JSON object such as {"op":"alloc"}, got 42
      {}                                                  | line 2: missing "op" (one of alloc, free, next, set_last, set_pid_max, config)
      {"pid":3}                                           | line 2: missing "op" (one of alloc, free, next, set_last, set_pid_max, config)
      {"op":3}                                            | line 2: "op" must be a string, got 3
      {"op":"allocate"}                                   | line 2: unknown op "allocate" (expected one of alloc, free, next, set_last, set_pid_max, config)
      {"op":"free"}                                       | line 2: free needs "pid" (an integer)
      {"op":"next","pid":3}                               | line 2: next needs "after" (an integer)
      {"op":"set_pid_max","pid":3}                        | line 2: set_pid_max needs "value" (an integer)
      {"op":"set_last"}                                   | line 2: set_last needs "pid" (an integer)
      {"op":"free","pid":"7"}                             | line 2: free needs "pid" (an integer), got "7"
      {"op":"free","pid":7.5}                             | line 2: free needs "pid" (an integer), got 7.5
      {"op":"free","pid":null}                            | line 2: free needs "pid" (an integer), got null
      {"op":"free","pid":[7]}                             | line 2: free needs "pid" (an integer), got an array
      {"op":"free","pid":99999999999999999999}            | line 2: free's "pid" does not fit in 64 bits: 99999999999999999999
      {"op":"free","pid":7,"after":3}                     | line 2: free takes no "after" (its fields: op, pid, expect)
      {"op":"alloc","pid":3}                              | line 2: alloc takes no "pid" (its fields: op, expect)
      {"op":"alloc","Expect":3}                           | line 2: alloc takes no "Expect" (its fields: op, expect)
      {"op":"free","pid":7,"pid":8}                       | line 2: "pid" appears twice
      {"op":"alloc","expect":"ok"}                        | line 2: alloc's "expect" must be a pid (an integer >= 0) or an exhausted alloc's errno, "ENOMEM" or "EAGAIN", got "ok"
      {"op":"alloc","expect":-1}                          | line 2: alloc's "expect" must be a pid (an integer >= 0) or an exhausted alloc's errno, "ENOMEM" or "EAGAIN", got -1
      {"op":"alloc","expect":"enomem"}                    | line 2: alloc's "expect" must be a pid (an integer >= 0) or an exhausted alloc's errno, "ENOMEM" or "EAGAIN", got "enomem"
      {"op":"alloc","expect":"EFOO"}                      | line 2: alloc's "expect" must be a pid (an integer >= 0) or an exhausted alloc's errno, "ENOMEM" or "EAGAIN", got "EFOO"
      {"op":"alloc","expect":4294967296}                  | line 2: alloc's "expect" must be a pid (an integer >= 0) or an exhausted alloc's errno, "ENOMEM" or "EAGAIN", got 4294967296
      {"op":"next","after":1,"expect":-2}                 | line 2: next's "expect" must be a pid (an integer >= -1) or "EINVAL", got -2
      {"op":"next","after":1,"expect":"ENOMEM"}           | line 2: next's "expect" must be a pid (an integer >= -1) or "EINVAL", got "ENOMEM"
      {"op":"free","pid":1,"expect":1}                    | line 2: free's "expect" must be "ok" or "EINVAL", got 1
      {"op":"set_last","pid":1,"expect":true}             | line 2: set_last's "expect" must be "ok" or "EINVAL", got true
      {"op":"set_pid_max","value":99,"expect":{"a":1}}    | line 2: set_pid_max's "expect" must be "ok" or "EINVAL", got an object
      {"op":"config"}                                     | line 2: config must be the first line (only blank lines and # comments may come before it)
      """)
  void aMalformedOperationLineIsRefusedWithItsNumberAndWhatIsWrong(String line, String message) {
    TraceReader r = reader("{\"op\":\"alloc\"}\n" + line + "\n{\"op\":\"alloc\"}\n");
    assertThat(r.next()).isEqualTo(new TraceLine(Op.alloc(), null, 1));
    assertThatThrownBy(r::next)
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((TraceFormatException) e).line()).isEqualTo(2));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"op":"config","profile":"linux-7"}                 | line 1: config's "profile" must be one of linux-2.6.24, linux-6, got "linux-7"
      {"op":"config","profile":6}                         | line 1: config's "profile" must be a string, got 6
      {"op":"config","pid_max":"14"}                      | line 1: config's "pid_max" must be an integer, got "14"
      {"op":"config","reserved":2.0}                      | line 1: config's "reserved" must be an integer, got 2.0
      {"op":"config","pid_max_limit":4294967296}          | line 1: config's "pid_max_limit" does not fit in 32 bits: 4294967296
      {"op":"config","bits":4}                            | line 1: config takes no "bits" (its fields: op, profile, pid_max, bits_per_page, reserved, pid_max_limit)
      {"op":"config","expect":1}                          | line 1: config takes no "expect" (its fields: op, profile, pid_max, bits_per_page, reserved, pid_max_limit)
      """)
  void aMalformedConfigLineIsRefusedWhenTheReaderOpens(String line, String message) {
    assertThatThrownBy(() -> reader(line + "\n{\"op\":\"alloc\"}\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(message);
  }

  @Test
  void aConfigAfterACommentIsStillTheFirstLine() {
    TraceReader r = reader("# header\n{\"op\":\"config\",\"pid_max\":400}\n{\"op\":\"config\"}\n");
    assertThat(r.config().pidMax()).isEqualTo(400);
    assertThatThrownBy(r::hasNext).hasMessage(
        "line 3: config must be the first line (only blank lines and # comments may come before it)");
  }

  @Test
  void aGeometryThatDoesNotFitTogetherIsReportedBySpec() {
    TraceReader r = reader("{\"op\":\"config\",\"bits_per_page\":6}");
    assertThatThrownBy(() -> r.config().geometry())
        .isInstanceOf(pidmap.spec.PidmapException.class)
        .hasMessage("bits_per_page: 6 (expected: a power of two in [4, 32768])");
  }
}
