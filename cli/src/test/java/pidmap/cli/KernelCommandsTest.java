package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.oracle.KernelCheck;
import pidmap.oracle.KernelRequirement;
import pidmap.oracle.KernelUnavailableException;
import pidmap.oracle.TraceText;

/**
 * {@code pidmap kernel record} and {@code kernel check} as a user runs them, and the short check
 * that {@code pidmap verify} calls, including on a machine that refuses the namespaces.
 */
class KernelCommandsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new KernelCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private void skipIfUnavailable(int exit) {
    if (exit == KernelCommand.UNAVAILABLE) {
      KernelRequirement.skipOrFail(new KernelUnavailableException(err.toString().trim()));
    }
  }

  @Test
  void recordWritesATraceThatReplaysThroughTheLinux6Model() {
    int exit = run("record", "--steps", "400", "--seed", "7", "--kind", "tiny-exhaustion",
        "--pid-max", "305");
    skipIfUnavailable(exit);
    assertThat(exit).as(err.toString()).isEqualTo(KernelCommand.OK);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(401);
    assertThat(lines.get(0)).contains("\"profile\":\"linux-6\"").contains("\"pid_max\":305");
    assertThat(lines).anyMatch(l -> l.contains("\"expect\":\"EAGAIN\""));
    TraceText t = TraceText.parse(lines);
    DifferentialEngine e = new DifferentialEngine(t.geometry(), t.profile());
    for (int i = 0; i < t.ops().size(); i++) {
      StepResult r = e.step(t.ops().get(i), t.expects().get(i));
      assertThat(r.ok()).as(r.toString()).isTrue();
    }
  }

  @Test
  void checkReportsStepsRateAndNoDivergence() {
    int exit = run("check", "--steps", "3000", "--scenario-steps", "600");
    skipIfUnavailable(exit);
    assertThat(exit).as(err.toString() + out).isEqualTo(KernelCommand.OK);
    assertThat(out.toString())
        .containsPattern("3000 steps in 5 scenarios, [0-9.]+ s, [0-9]+ steps/s, 0 divergences")
        .contains("tiny-exhaustion 600", "churn 600")
        .contains("exercised: allocs ");
  }

  @Test
  void checkLayerCountsEveryOperationAndFindsNoDivergence() {
    int exit = run("check", "--layer", "--steps", "1500", "--seed", "3");
    skipIfUnavailable(exit);
    assertThat(exit).as(err.toString() + out).isEqualTo(KernelCommand.OK);
    assertThat(out.toString())
        .containsPattern("0 divergences: 1500 steps in [0-9]+ episodes, [0-9.]+ s, [0-9]+ steps/s")
        .containsPattern("\\n  fork CLONE_NEWPID +[0-9]+\\n")
        .contains("  exit ", "  reap ", "  setns ", "  unshare ", "  getsid ", "  set_pid_max ");
  }

  @Test
  void recordLayerWritesALayerTraceThatReplaysUnderLinux6(@TempDir Path dir) {
    Path file = dir.resolve("layer.jsonl");
    int exit = run("record", "--layer", "--steps", "800", "--seed", "5", "--out", file.toString());
    skipIfUnavailable(exit);
    assertThat(exit).as(err.toString()).isEqualTo(KernelCommand.OK);
    assertThat(err.toString()).contains("800 steps of the linux-6 pid layer (seed 5)");
    CliRun replay = CliRun.run("replay", file.toString());
    assertThat(replay.exit()).as(replay.err() + replay.out()).isZero();
    assertThat(replay.out() + replay.err()).contains("layer steps conform")
        .contains("profile linux-6");
  }

  @Test
  void aRecordedLayerTraceReplaysAgainstTheKernelWithNoDivergence(@TempDir Path dir) {
    Path file = dir.resolve("layer.jsonl");
    int exit = run("record", "--layer", "--steps", "300", "--seed", "9", "--out", file.toString());
    skipIfUnavailable(exit);
    assertThat(exit).as(err.toString()).isEqualTo(KernelCommand.OK);
    out.getBuffer().setLength(0);
    exit = run("replay", "--layer", file.toString());
    assertThat(exit).as(err.toString() + out).isEqualTo(KernelCommand.OK);
    assertThat(out.toString()).containsPattern("^0 divergences: [0-9]+ requests from [0-9]+ layer steps")
        .contains("set_last ").contains("model: ").contains("agent: ");
  }

  @Test
  void kernelReplayRefusesWhatIsNotALinux6LayerTraceWithExit2(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("t.jsonl");
    Files.writeString(file, "{\"op\":\"layer_config\",\"profile\":\"linux-6\"}\n"
        + "{\"op\":\"get_pid\",\"pid\":\"p0\"}\n");
    assertThat(run("replay", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--layer: missing (expected: --layer;");
    assertThat(run("replay", "--layer", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("line 2: get_pid (expected: an operation with a kernel"
        + " counterpart");
    Files.writeString(file, "{\"op\":\"layer_config\",\"profile\":\"linux-2.6.24\"}\n");
    assertThat(run("replay", "--layer", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("has profile linux-2.6.24 (expected: linux-6");
    Files.writeString(file, "{\"op\":\"alloc\"}\n");
    assertThat(run("replay", "--layer", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("line 1: the first line must be");
    assertThat(run("replay", "--layer", dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("(expected: a readable layer trace file;");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void checkLayerRefusesTheFlagsItDoesNotTake() {
    assertThat(run("check", "--layer", "--nested")).isEqualTo(2);
    assertThat(err.toString()).contains("--nested: does not apply to --layer (expected: --steps"
        + " and --seed only)");
    assertThat(run("check", "--layer", "--format", "json")).isEqualTo(2);
    assertThat(err.toString()).contains("--format: json does not apply to --layer");
  }

  @Test
  void badArgumentsAreRefusedWithTheBound() {
    assertThat(run("record", "--pid-max", "300")).isEqualTo(2);
    assertThat(err.toString()).contains("pid_max: 300 (expected: pid_max_min = 301 <= pid_max");
    assertThat(run("check", "--kind", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("kind: nope (expected: one of tiny-exhaustion");
  }

  @Test
  void aMachineThatRefusesTheNamespacesGetsAPlainReason(@TempDir Path dir) throws IOException {
    Path fake = dir.resolve("refusing-agent");
    Files.writeString(fake, "#!/bin/sh\necho 'unavailable unshare(CLONE_NEWPID|CLONE_NEWNS):"
        + " Operation not permitted'\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    String before = System.getProperty("pidmap.agent");
    System.setProperty("pidmap.agent", fake.toString());
    try {
      KernelCheck.Result r = KernelCheck.check(100, 1);
      assertThat(r.ran()).isFalse();
      assertThat(r.passed()).isFalse();
      assertThat(r.summary()).startsWith("kernel check skipped: ")
          .contains("Operation not permitted").contains("needs root");
      assertThat(run("check", "--steps", "100")).isEqualTo(KernelCommand.UNAVAILABLE);
      assertThat(err.toString()).contains("not possible on this machine")
          .contains("Operation not permitted");
    } finally {
      if (before == null) {
        System.clearProperty("pidmap.agent");
      } else {
        System.setProperty("pidmap.agent", before);
      }
    }
  }

  @Test
  void theShortCheckForVerifyRunsOrSaysWhyNot() {
    KernelCheck.Result r = KernelCheck.check(2000, 3);
    if (!r.ran()) {
      KernelRequirement.skipOrFail(new KernelUnavailableException(r.summary()));
      return;
    }
    assertThat(r.passed()).as(r.summary()).isTrue();
    assertThat(r.report().steps()).isGreaterThanOrEqualTo(2000);
    assertThat(r.summary()).contains("0 divergences");
  }
}
