package pidmap.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.engine.StepResult;
import pidmap.engine.shrink.TraceShrinker;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.TraceLine;
import pidmap.trace.TraceReader;

class VerificationTest {

  private static final Geometry SMALL = Geometry.small(4, 2, 14);

  @Test
  void aBrokenAllocatorIsCaughtAndItsShrunkTraceWrittenToAFile() throws IOException {
    DifferentialCheck check = new DifferentialCheck(SMALL, Profile.LINUX_2_6_24, 50, 1000, 42,
        ForgetsPageEndFree::new);
    CheckResult result = check.run(Progress.silent());

    assertThat(result.passed()).isFalse();
    CheckResult.Failure f = result.failure();
    assertThat(f.message()).contains("(seed " + f.seed() + ", 4/2/16 pid_max 14");
    assertThat(f.seed()).isBetween(42L, 42L + result.traces() - 1);
    assertThat(Files.readString(f.file())).isEqualTo(f.jsonLines());
    assertThat(f.replayCommand()).isEqualTo("./pidmap replay " + f.file());

    List<TraceLine> lines = new ArrayList<>();
    try (TraceReader r = TraceReader.open(f.file())) {
      assertThat(r.config().geometry()).isEqualTo(SMALL);
      r.forEachRemaining(lines::add);
    }
    assertThat(lines.size()).as("shrunk trace %s", lines).isBetween(1, 6);
    StepResult end = TraceShrinker.firstFailure(SMALL, Profile.LINUX_2_6_24,
        ForgetsPageEndFree::new, lines);
    assertThat(end.index()).as("the broken allocator fails at the last line").isEqualTo(lines.size());
    assertThat(TraceShrinker.firstFailure(SMALL, Profile.LINUX_2_6_24, BitmapPidAllocator::new,
        lines)).as("the impl conforms on it, expects included").isNull();
    Files.delete(f.file());
  }

  @Test
  void theImplPassesTheSameCheck() {
    CheckResult result = new DifferentialCheck(SMALL, Profile.LINUX_2_6_24, 25, 1000, 42)
        .run(Progress.silent());
    assertThat(result).isEqualTo(new CheckResult(25, 25_000, null));
  }

  @Test
  void everyCheckRunsAlsoAfterOneFails() {
    Verification c = new Verification(5)
        .add(fixed("first", new CheckResult(3, 30, failure())))
        .add(fixed("second", new CheckResult(4, 40, null)));
    VerifyReport report = c.run(Progress.silent());
    assertThat(report.rows()).extracting(VerifyReport.Row::check).containsExactly("first", "second");
    assertThat(report.passed()).isFalse();
    assertThat(report.verdict()).matches(
        "FAIL: 2 checks \\(1 failed\\), 7 traces, 70 steps in \\d+\\.\\d s \\(seed 5\\)");
  }

  @Test
  void theTableHasOneAlignedRowPerCheck() {
    VerifyReport report = new VerifyReport(9, List.of(
        new VerifyReport.Row("differential", "4/2/16 pid_max 14 / linux-2.6.24",
            new CheckResult(200, 200000, null), Duration.ofMillis(1250)),
        new VerifyReport.Row("explore", "tiny", new CheckResult(7, 12, failure()),
            Duration.ofMillis(40))));
    StringWriter text = new StringWriter();
    report.printTable(new PrintWriter(text, true));
    assertThat(text.toString().lines()).containsExactly(
        "check         geometry/profile                       cases           steps  result   time",
        "differential  4/2/16 pid_max 14 / linux-2.6.24  200 traces    200000 steps  pass    1.3 s",
        "explore       tiny                                7 states  12 transitions  FAIL    0.0 s");
    assertThat(report.verdict()).isEqualTo("FAIL: 2 checks (1 failed), 7 states and 12 transitions explored, "
        + "200 traces, 200000 steps in 1.3 s (seed 9)");
  }

  @Test
  void aFailureIsPrintedWithItsSeedTraceAndCommands() {
    CheckResult.Failure f = new CheckResult.Failure("pid 3 is free in the model (seed 44)", 44,
        "{\"op\":\"config\"}\n{\"op\":\"alloc\",\"expect\":1}\n", Path.of("/tmp/x.jsonl"));
    VerifyReport report = new VerifyReport(40, List.of(new VerifyReport.Row("differential", "small",
        new CheckResult(5, 4321, f), Duration.ofMillis(10))));
    StringWriter text = new StringWriter();
    report.printFailures(new PrintWriter(text, true), "./pidmap verify --quick --seed 40");
    assertThat(text.toString().lines()).containsExactly(
        "",
        "differential small FAILED: pid 3 is free in the model (seed 44)",
        "  seed 44; the shrunk trace (expect = the model's answer):",
        "    {\"op\":\"config\"}",
        "    {\"op\":\"alloc\",\"expect\":1}",
        "  replay: ./pidmap replay /tmp/x.jsonl",
        "  again:  ./pidmap verify --quick --seed 40");
  }

  @Test
  void theStandardListExploresThenCoversTheFourGeometriesForEachProfileThenTheLayerAndTheKernel() {
    List<Check> checks = Verification.standard(Effort.QUICK, 1).checks();
    assertThat(checks).extracting(Check::target).containsExactly(
        "4/2/8 pid_max 3..8, every reachable state / linux-2.6.24",
        "4/2/16 pid_max 3..16, states within 3 ops / linux-2.6.24",
        "8/3/24 pid_max 21, states within 4 ops / linux-2.6.24",
        "4/2/8 pid_max 3..8, every reachable state / linux-6",
        "4/2/16 pid_max 3..16, states within 3 ops / linux-6",
        "8/3/24 pid_max 21, states within 4 ops / linux-6",
        "32768/300/4194304 pid_max 32768 / linux-2.6.24",
        "4/2/16 pid_max 14 / linux-2.6.24",
        "8/3/24 pid_max 21 / linux-2.6.24",
        "64/10/256 pid_max 200 / linux-2.6.24",
        "32768/300/4194304 pid_max 32768 / linux-6",
        "4/2/16 pid_max 14 / linux-6",
        "8/3/24 pid_max 21 / linux-6",
        "64/10/256 pid_max 200 / linux-6",
        "model vs impl, generated layer traces of 300 ops",
        "the running kernel / linux-6",
        "the running kernel, nested namespace / pid layer linux-6");
    assertThat(checks).extracting(Check::name).startsWith("explore")
        .endsWith("pid layer", "kernel", "kernel");
  }

  @Test
  void aSkippedCheckIsShownWithItsReasonAndDoesNotFailTheVerdict() {
    VerifyReport report = new VerifyReport(3, List.of(
        new VerifyReport.Row("kernel", "k", CheckResult.skipped("unshare(CLONE_NEWPID) refused"),
            Duration.ofMillis(100)),
        new VerifyReport.Row("differential", "d", new CheckResult(2, 20, null), Duration.ofMillis(200))));
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text, true);
    report.printTable(out);
    report.printSkips(out);
    assertThat(text.toString().lines()).containsExactly(
        "check         geometry/profile     cases     steps  result   time",
        "kernel        k                 0 traces   0 steps  skip    0.1 s",
        "differential  d                 2 traces  20 steps  pass    0.2 s",
        "kernel skipped: unshare(CLONE_NEWPID) refused");
    assertThat(report.passed()).isTrue();
    assertThat(report.verdict()).isEqualTo(
        "PASS: 2 checks (1 skipped), 2 traces, 20 steps in 0.3 s (seed 3)");
  }

  @Test
  void aFailureWithoutATraceFileIsPrintedWithoutAReplayLine() {
    CheckResult.Failure f = new CheckResult.Failure("kernel divergence at step 3", 8, "", null);
    VerifyReport report = new VerifyReport(8, List.of(new VerifyReport.Row("kernel", "k", new CheckResult(1, 3, f),
        Duration.ZERO)));
    StringWriter text = new StringWriter();
    report.printFailures(new PrintWriter(text, true), "./pidmap verify --seed 8");
    assertThat(text.toString().lines()).containsExactly("",
        "kernel k FAILED: kernel divergence at step 3", "  again:  ./pidmap verify --seed 8");
  }

  private static CheckResult.Failure failure() {
    return new CheckResult.Failure("made up", 1, "", null);
  }

  private static Check fixed(String name, CheckResult result) {
    return new Check() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String target() {
        return "t";
      }

      @Override
      public CheckResult run(Progress progress) {
        return result;
      }
    };
  }
}
