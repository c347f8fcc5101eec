package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pidmap.kit.Agents;

/** {@code pidmap conform}: exit codes, formats, --replay and bad input, on the example agents. */
class ConformCommandTest {

  @Test
  void theFaithfulAgentConformsAndExitsZero() {
    CliRun r = CliRun.run("conform", "--agent", Agents.example("faithful"), "--steps", "300");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("CONFORMS: 0 of 11 suites failed");
  }

  @Test
  void aFlawedAgentExitsOneWithItsSuiteInTheTable() {
    CliRun r = CliRun.run("conform", "--agent", Agents.example("reuses-freed-at-once"),
        "--suite", "cursor,wrap", "--steps", "0");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).containsPattern("cursor +3 +1 +0  FAIL +alloc: Linux pid 4, the agent pid 2")
        .contains("DOES NOT CONFORM: 1 of 2 suites failed");
  }

  @Test
  void theJsonAndJunitReportsGoToTheFileNamed(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("r.json");
    CliRun r = CliRun.run("conform", "--agent", Agents.example("never-wraps"), "--suite", "wrap",
        "--steps", "0", "--format", "json", "--out", json.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("DOES NOT CONFORM; the json report is in " + json + "\n");
    assertThat(Files.readString(json)).contains("\"id\": \"wrap\", ").contains("\"FAIL\"");
    Path xml = dir.resolve("r.xml");
    CliRun.run("conform", "--agent", Agents.example("never-wraps"), "--suite", "wrap",
        "--steps", "0", "--format", "junit", "--out", xml.toString());
    assertThat(Files.readString(xml)).startsWith("<?xml").contains("<testsuite name=\"pidmap.conform.wrap\"");
  }

  @Test
  void aSavedTraceReplaysOnTheAgent(@TempDir Path dir) throws Exception {
    Path t = dir.resolve("trace.txt");
    Files.writeString(t, "set_pid_max 301 => ok\nset_last 299 => ok\nalloc => pid 300\n"
        + "free 300 => ok\nalloc => pid 300   # the agent: errno EAGAIN\n");
    CliRun fails = CliRun.run("conform", "--agent", Agents.example("never-wraps"), "--replay",
        t.toString());
    assertThat(fails.exit()).isEqualTo(1);
    assertThat(fails.out()).contains("FAIL at step 5").contains("alloc: Linux pid 300, the agent errno EAGAIN");
    CliRun passes = CliRun.run("conform", "--agent", Agents.example("faithful"), "--replay",
        t.toString());
    assertThat(passes.exit()).isZero();
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    CliRun suite = CliRun.run("conform", "--agent", "x", "--suite", "wrapp");
    assertThat(suite.exit()).isEqualTo(2);
    assertThat(suite.err()).startsWith("suite: wrapp (expected: one of wrap, ");
    CliRun format = CliRun.run("conform", "--agent", "x", "--format", "xml");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).isEqualTo("format: xml (expected: text, json or junit)\n");
    CliRun timeout = CliRun.run("conform", "--agent", "x", "--timeout-ms", "0");
    assertThat(timeout.exit()).isEqualTo(2);
  }

  @Test
  void anAgentThatDoesNotStartExitsFour() {
    CliRun r = CliRun.run("conform", "--agent", "/nonexistent/agent");
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).contains("conform: the agent did not start: the agent '/nonexistent/agent'"
        + " ended before its hello line");
  }

  @Test
  void aHangingAgentIsAVerdictNotAWait() {
    CliRun r = CliRun.run("conform", "--agent", Agents.misbehaving("hang"), "--suite", "cursor",
        "--steps", "0", "--timeout-ms", "300");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("HANG");
  }
}
