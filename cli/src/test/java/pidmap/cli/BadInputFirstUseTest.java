package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17's bad input, as a new user met it: each is one clear line and exit 2 (a failure, exit
 * 1, keeps its report), never a stack trace or a silent pass.
 */
class BadInputFirstUseTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void oneLineExitTwo(CliRun r, String line) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(line + "\n");
  }

  @Test
  void aNumberNestingOrStringBeyondTheParsersLimitsIsOneLineWithItsNumber() throws IOException {
    oneLineExitTwo(run("replay", file("n.jsonl", "{\"op\":\"free\",\"pid\":" + "1".repeat(1001)
        + "}\n").toString()), "line 1: a number longer than 1000 digits (no field takes one; a pid"
        + " or value fits in 64 bits)");
    oneLineExitTwo(run("replay", file("d.jsonl", "{\"op\":\"alloc\"}\n{\"op\":\"alloc\",\"x\":"
        + "[".repeat(1001) + "]".repeat(1001) + "}\n").toString()),
        "line 2: values nested deeper than 1000 levels (a trace line is one flat object)");
    oneLineExitTwo(run("shrink", file("s.jsonl", "{\"op\":\"" + "x".repeat(20_000_001) + "\"}\n")
        .toString()), "line 1: a string longer than 20000000 characters");
  }

  @Test
  void binaryGarbageGetsTheSameLineFromAFileAndFromStandardInput() throws IOException {
    byte[] garbage = {'{', (byte) 0xb9, 0x01, (byte) 0xfe, '\n'};
    Path f = Files.write(dir.resolve("g.bin"), garbage);
    String line = "line 1: not UTF-8 text: byte 0xb9 at byte column 2 cannot start or continue a"
        + " UTF-8 character (a trace is UTF-8 JSON Lines; is this a binary file?)";
    oneLineExitTwo(run("replay", f.toString()), line);
    oneLineExitTwo(CliRun.withBytes(garbage, "replay", "-"), line);
  }

  @Test
  void aByteOrderMarkIsAccepted() throws IOException {
    Path f = dir.resolve("bom.jsonl");
    Files.write(f, ("\uFEFF{\"op\":\"alloc\",\"expect\":1}\n").getBytes(StandardCharsets.UTF_8));
    CliRun r = run("replay", "--quiet", f.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).startsWith("conforms: 1 step, 1 expect met;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "# nothing but a comment\n\n",
      "{\"op\":\"config\",\"pid_max\":400}\n# and a comment\n"})
  void aTraceWithoutStepsIsWarnedAboutAndCanBeRefused(String text) throws IOException {
    Path f = file("empty.jsonl", text);
    CliRun r = run("replay", f.toString());
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).isEqualTo("warning: " + f + " has no steps (empty, or only comments and a"
        + " config line): nothing was checked; --require-steps N makes this an error\n");
    oneLineExitTwo(run("replay", "--require-steps", "1", f.toString()), "steps: 0 in " + f
        + " (expected: at least --require-steps = 1; is the file empty or truncated?)");
  }

  @Test
  void requireStepsRefusesATruncatedTraceAndAcceptsAWholeOne() throws IOException {
    Path f = file("two.jsonl", "{\"op\":\"alloc\"}\n{\"op\":\"alloc\"}\n");
    oneLineExitTwo(run("replay", "--quiet", "--require-steps", "3", f.toString()), "steps: 2 in "
        + f + " (expected: at least --require-steps = 3; is the file empty or truncated?)");
    assertThat(run("replay", "--quiet", "--require-steps", "2", f.toString()).exit()).isZero();
  }

  @Test
  void kernelRecordRefusesAnOutThatCannotBeWrittenBeforeItRuns() {
    CliRun missing = run("kernel", "record", "--steps", "10", "-o", "/nonexistent/dir/x.jsonl");
    oneLineExitTwo(missing, "--out: /nonexistent/dir/x.jsonl (expected: a file in an existing"
        + " directory; /nonexistent/dir is not one)");
    oneLineExitTwo(run("kernel", "record", "--steps", "10", "-o", dir.toString()), "--out: "
        + dir + " (expected: a file to write the trace to; it is a directory)");
  }

  @Test
  void anUnwritableTempDirectoryLosesNoFailureReport() throws Exception {
    Path trace = CliRun.trace("wrong-on-purpose.jsonl");
    List<String> noTmp = List.of("-Djava.io.tmpdir=/nonexistent/tmp");
    Subprocess fromFile = Subprocess.run(noTmp, new byte[0], dir, "replay", trace.toString());
    assertThat(fromFile.exit()).as(fromFile.err()).isEqualTo(1);
    assertThat(fromFile.out()).contains("  expected: 4 (the trace's expect)",
        "reproduce: ./pidmap replay target/pidmap/prefix-wrong-on-purpose-line6.jsonl");
    assertThat(dir.resolve("target/pidmap/prefix-wrong-on-purpose-line6.jsonl")).exists();
    Subprocess fromStdin = Subprocess.run(noTmp, Files.readAllBytes(trace), dir, "replay", "-");
    assertThat(fromStdin.exit()).as(fromStdin.err()).isEqualTo(1);
    assertThat(fromStdin.out()).contains("  expected: 4 (the trace's expect)",
        "  got:      3 (the reference model, and the impl answers 3)",
        "reproduce: not written: standard input could not be kept for it in the temp directory"
            + " (/nonexistent/tmp: no such file or directory)");
    assertThat(fromStdin.err()).isEmpty();
  }

  @Test
  void anOutDirectoryThatCannotBeWrittenKeepsTheReportAndSaysWhy() {
    CliRun r = run("replay", "--out", "/proc/version/x", CliRun.trace("wrong-on-purpose.jsonl")
        .toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines()).contains("  unmet expect: expected 4 but the reference"
        + " (linux-2.6.24) answers 3");
    assertThat(r.outLines().get(r.outLines().size() - 1))
        .startsWith("reproduce: not written: cannot write in /proc/version/x: ");
  }
}
