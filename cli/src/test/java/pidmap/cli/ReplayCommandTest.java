package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.cli.CliRun.run;
import static pidmap.cli.CliRun.trace;
import static pidmap.cli.CliRun.withStdin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayCommandTest {

  private static final String LAST_PID = "last-pid-not-retried-at-wrap.jsonl";
  private static final Pattern PREFIX = Pattern.compile("reproduce: \\./pidmap replay (\\S+)");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {LAST_PID, "freed-last-pid-not-retried.jsonl",
      "wrap-across-page-edge.jsonl", "small-pages-edge-retry.jsonl"})
  void everyHandWrittenScenarioConforms(String name) throws IOException {
    long ops = Files.readAllLines(trace(name)).stream()
        .filter(l -> l.startsWith("{") && !l.contains("\"config\"")).count();
    CliRun r = run("replay", trace(name).toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.outLines()).hasSize((int) ops + 1);
    assertThat(r.outLines().get((int) ops)).startsWith("conforms: " + ops + " steps, ");
  }

  /** Traces recorded from the live kernel by another part of the project: they must conform. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "kernel-traces/churn-pidmax310-seed15.jsonl",
      "kernel-traces/last-pid-edges-pidmax320-seed12.jsonl",
      "kernel-traces/page-boundary-pidmax65536-seed14.jsonl",
      "kernel-traces/pid-max-lowered-pidmax5000-seed13.jsonl",
      "kernel-traces/tiny-exhaustion-pidmax301-seed11.jsonl",
      "profile-differences/errno.jsonl",
      "profile-differences/floor.jsonl",
      "profile-differences/freed-last-pid.jsonl"})
  void tracesRecordedFromTheRunningKernelConformToLinux6(String name) {
    String file = resource(name);
    CliRun r = run("replay", "--quiet", file);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("expects met; linux-6, ");
    if (name.startsWith("profile-differences/")) {
      CliRun seed = run("replay", "--quiet", "--profile", "linux-2.6.24", file);
      assertThat(seed.exit()).as("the seed's rule differs on " + name).isEqualTo(1);
      cleanUp(seed);
    }
  }

  /** A recording kept with the kernel oracle's tests (the test runs in the cli module). */
  private static String resource(String name) {
    return Path.of("..", "oracle", "src", "test", "resources", name).toAbsolutePath().normalize()
        .toString();
  }

  @Test
  void printsOneLinePerStepWithTheAnswerAndTheVerdict() {
    CliRun r = run("replay", trace(LAST_PID).toString());
    List<String> lines = r.outLines();
    assertThat(lines.subList(0, 6)).containsExactly(
        "step 1 (line 5): set_last 300 -> ok  conforms, expect met",
        "step 2 (line 6): alloc -> 301  conforms, expect met",
        "step 3 (line 7): set_last 300 -> ok  conforms, expect met",
        "step 4 (line 8): alloc -> ENOMEM  conforms, expect met",
        "step 5 (line 9): next 0 -> 301  conforms, expect met",
        "step 6 (line 10): next 301 -> -1  conforms, expect met");
    assertThat(lines.get(6)).matches("conforms: 6 steps, 6 expects met; linux-2\\.6\\.24, "
        + "32768/300/4194304 pid_max 302; \\d+\\.\\d\\d s, \\d+ steps/s");
  }

  @Test
  void quietPrintsOnlyTheSummary() {
    CliRun r = run("replay", "--quiet", trace(LAST_PID).toString());
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.outLines()).singleElement().asString().startsWith("conforms: 6 steps, 6 expects met;");
  }

  @Test
  void aWrongExpectExitsOneAtThatStepAndWritesTheReproducingPrefix() throws IOException {
    Path t = trace("wrong-on-purpose.jsonl");
    CliRun r = run("replay", t.toString());
    assertThat(r.exit()).isEqualTo(1);
    List<String> lines = r.outLines();
    assertThat(lines).hasSize(10);
    assertThat(lines.subList(0, 8)).containsExactly(
        "step 1 (line 4): alloc -> 1  conforms, expect met",
        "step 2 (line 5): alloc -> 2  conforms, expect met",
        "step 3 (line 6): alloc -> 3  FAILS",
        "FAIL at step 3 (" + t + " line 6): alloc",
        "  expected: 4 (the trace's expect)",
        "  got:      3 (the reference model, and the impl answers 3)",
        "  unmet expect: expected 4 but the reference (linux-2.6.24) answers 3",
        "  the 2 steps before it conform");
    Path prefix = prefixFile(lines.get(8));
    assertThat(lines.get(8)).endsWith(
        "   (the first 3 steps, flags folded into its config line)");
    assertThat(lines.get(9)).isEqualTo("shrink:    ./pidmap shrink " + prefix);
    assertThat(Files.readAllLines(prefix)).containsExactly(
        "{\"op\":\"config\",\"profile\":\"linux-2.6.24\",\"pid_max\":21,\"bits_per_page\":8,"
            + "\"reserved\":3,\"pid_max_limit\":24}",
        "{\"op\":\"alloc\",\"expect\":1}",
        "{\"op\":\"alloc\",\"expect\":2}",
        "{\"op\":\"alloc\",\"expect\":4}");
    CliRun again = run("replay", "--quiet", prefix.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.outLines().get(0)).isEqualTo("FAIL at step 3 (" + prefix + " line 4): alloc");
    Files.delete(prefix);
    Files.delete(prefixFile(again.outLines().get(5)));
  }

  @Test
  void readsStandardInputForDash() throws IOException {
    String text = Files.readString(trace(LAST_PID));
    CliRun fromStdin = withStdin(text, "replay", "-");
    CliRun fromFile = run("replay", trace(LAST_PID).toString());
    assertThat(fromStdin.exit()).isEqualTo(0);
    assertThat(fromStdin.outLines().subList(0, 6)).isEqualTo(fromFile.outLines().subList(0, 6));
  }

  @Test
  void aFailureOnStandardInputStillWritesThePrefix() throws IOException {
    String text = Files.readString(trace("wrong-on-purpose.jsonl"));
    CliRun r = withStdin(text, "replay", "--quiet", "-");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines().get(0)).isEqualTo("FAIL at step 3 (stdin line 6): alloc");
    Path prefix = prefixFile(r.outLines().get(5));
    assertThat(Files.readAllLines(prefix)).hasSize(4).last().isEqualTo("{\"op\":\"alloc\",\"expect\":4}");
    Files.delete(prefix);
  }

  @Test
  void flagsOverrideTheConfigLine() {
    // pid_max 303 instead of 302: after set_last 300 the forward range [301, 303) has 302 left.
    CliRun r = run("replay", "--quiet", "--pid-max", "303", trace(LAST_PID).toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines().subList(0, 4)).containsExactly(
        "FAIL at step 4 (" + trace(LAST_PID) + " line 8): alloc",
        "  expected: ENOMEM (the trace's expect)",
        "  got:      302 (the reference model, and the impl answers 302)",
        "  unmet expect: expected ENOMEM but the reference (linux-2.6.24) answers 302");
    cleanUp(r);
  }

  @Test
  void aMalformedLineExitsTwoAfterTheStepsBeforeIt() {
    CliRun r = withStdin("{\"op\":\"alloc\",\"expect\":1}\n\n{\"op\":\"free\"}\n{\"op\":\"alloc\"}\n",
        "replay", "-");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("line 3: free needs \"pid\" (an integer)\n");
    assertThat(r.outLines()).containsExactly("step 1 (line 1): alloc -> 1  conforms, expect met");
  }

  @Test
  void aMalformedConfigExitsTwoBeforeAnyStep() {
    CliRun r = withStdin("{\"op\":\"config\",\"pid_max\":\"14\"}\n{\"op\":\"alloc\"}\n", "replay", "-");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("line 1: config's \"pid_max\" must be an integer, got \"14\"\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aGeometryOfTheConfigLineThatDoesNotFitIsReportedWithItsLine() {
    CliRun r = withStdin("# a comment\n{\"op\":\"config\",\"bits_per_page\":4,\"reserved\":2,"
        + "\"pid_max\":20,\"pid_max_limit\":16}\n", "replay", "-");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(
        "line 2: pid_max: 20 (expected: pid_max_min = 3 <= pid_max <= pid_max_limit = 16)\n");
  }

  @Test
  void aDefaultPidMaxThatDoesNotFitASmallLimitIsSaidToBeTheDefault() {
    CliRun r = withStdin("{\"op\":\"alloc\"}\n", "replay", "--pid-max-limit", "400", "-");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("pid_max: 32768, the default, does not fit (expected:"
        + " pid_max_min = 301 <= pid_max <= pid_max_limit = 400); give a smaller one with"
        + " --pid-max\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "--bits-per-page 6|bits_per_page: 6 (expected: a power of two in [4, 32768])",
      "--reserved 40000|reserved: 40000 (expected: 1 <= reserved < bits_per_page = 32768)",
      "--pid-max-limit 301|pid_max: 302 (expected: pid_max_min = 301 <= pid_max <= pid_max_limit = 301)",
      "--profile linux-7|profile: linux-7 (expected: one of linux-2.6.24, linux-6)"})
  void aBadGeometryOrProfileFlagExitsTwoWithSpecsMessage(String flagAndMessage) {
    String[] parts = flagAndMessage.split("\\|");
    String[] flag = parts[0].split(" ");
    CliRun r = run("replay", flag[0], flag[1], trace(LAST_PID).toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(parts[1] + "\n");
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "replay --pid-max abc x => Invalid value for option '--pid-max': 'abc' is not an int",
      "replay --frob x => Unknown option: '--frob'",
      "replay => Missing required parameter: 'FILE|-'",
      "replay a b => Unmatched argument at index 2: 'b'",
      "frobnicate => Unmatched argument at index 0: 'frobnicate'"})
  void aUsageErrorExitsTwoWithPicocliMessageAndTheUsage(String argsAndMessage) {
    String[] parts = argsAndMessage.split(" => ");
    String[] args = parts[0].split(" ");
    CliRun r = run(args);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith(parts[1] + "\n").contains("Usage: pidmap");
  }

  @Test
  void aMissingFileExitsTwo() {
    CliRun r = run("replay", "/nonexistent/trace.jsonl");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(
        "cannot read /nonexistent/trace.jsonl: no such file or directory\n");
  }

  @Test
  void helpListsTheCommandsAndExitsZero() {
    CliRun r = run("--help");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("replay  ", "shrink  ", "verify  ", "kernel  ", "bench  ",
        "completion  ", "Exit codes (every command):");
    assertThat(run().exit()).isEqualTo(2);
  }

  private static Path prefixFile(String reproduceLine) {
    Matcher m = PREFIX.matcher(reproduceLine);
    assertThat(m.find()).as(reproduceLine).isTrue();
    return Path.of(m.group(1));
  }

  private static void cleanUp(CliRun r) {
    r.outLines().stream().filter(l -> l.startsWith("reproduce: ")).findFirst()
        .ifPresent(l -> prefixFile(l).toFile().delete());
  }
}
