package pidmap.conformance.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.conformance.StepResult;
import pidmap.conformance.trace.TraceConfig;
import pidmap.conformance.trace.TraceLine;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Op;
import pidmap.spec.Profile;

class CampaignTest {

  private static final Geometry SMALL = Geometry.small(4, 2, 14);

  @Test
  void aBrokenAllocatorIsCaughtAndItsFailureShrunkToAFewSteps() throws IOException {
    DifferentialCheck check = new DifferentialCheck(SMALL, Profile.LINUX_2_6_24, 50, 1000, 42,
        ForgetsPageEndFree::new, TraceSource.GENERATOR);
    CheckResult result = check.run(Progress.silent());

    assertThat(result.passed()).isFalse();
    CheckResult.Failure f = result.failure();
    List<TraceLine> trace = f.trace();
    // Shrinking only removes steps, so reaching a page end (3, 7 or 11) takes up to 12 allocs
    // unless the generated trace had a set_last on the way; a next, which changes nothing, or a
    // refused step never survives.
    assertThat(trace.size()).as("shrunk trace %s", trace).isBetween(2, 13);
    assertThat(trace).extracting(l -> l.op().kind()).doesNotContain(Op.Kind.NEXT);
    assertThat(trace).extracting(l -> l.expect().toString()).doesNotContain("EINVAL");
    Op last = trace.get(trace.size() - 1).op();
    assertThat(last.kind()).isEqualTo(Op.Kind.FREE);
    assertThat(last.arg() % 4).isEqualTo(3);
    assertThat(f.message()).startsWith("divergence at step " + trace.size() + " of "
        + trace.size() + ": free " + last.arg() + ": ");

    StepResult end = TraceShrinker.firstFailure(SMALL, Profile.LINUX_2_6_24,
        ForgetsPageEndFree::new, trace);
    assertThat(end.index()).isEqualTo(trace.size());
    assertThat(TraceShrinker.firstFailure(SMALL, Profile.LINUX_2_6_24, BitmapPidAllocator::new,
        trace)).as("the real impl conforms on it").isNull();

    assertThat(Files.readAllLines(f.file())).hasSize(trace.size() + 1)
        .first().isEqualTo(TraceConfig.of(Profile.LINUX_2_6_24, SMALL).toJson());
    assertThat(f.replayCommand()).isEqualTo("./pidmap replay " + f.file());
    Files.delete(f.file());
  }

  @Test
  void theImplPassesTheSameCheck() {
    CheckResult result = new DifferentialCheck(SMALL, Profile.LINUX_2_6_24, 20, 1000, 42)
        .run(Progress.silent());
    assertThat(result).isEqualTo(new CheckResult(20, 20_000, null));
  }

  @Test
  void everyCheckRunsAlsoAfterOneFails() {
    Campaign c = new Campaign(5)
        .add(fixed("first", new CheckResult(3, 30, failure())))
        .add(fixed("second", new CheckResult(4, 40, null)));
    Report report = c.run(Progress.silent());
    assertThat(report.rows()).extracting(Report.Row::check).containsExactly("first", "second");
    assertThat(report.passed()).isFalse();
    assertThat(report.verdict()).matches(
        "FAIL: 2 checks \\(1 failed\\), 7 traces, 70 steps in \\d+\\.\\d s \\(seed 5\\)");
  }

  @Test
  void theTableHasOneAlignedRowPerCheck() {
    Report report = new Report(9, List.of(
        new Report.Row("differential", "bpp=4 reserved=2 limit=16 pid_max=14 / linux-2.6.24",
            new CheckResult(200, 200000, null), Duration.ofMillis(1250)),
        new Report.Row("explorer", "tiny", new CheckResult(7, 12, failure()),
            Duration.ofMillis(40))));
    StringWriter text = new StringWriter();
    report.printTable(new PrintWriter(text, true));
    assertThat(text.toString().lines()).containsExactly(
        "check         geometry/profile                                     traces   steps  result   time",
        "differential  bpp=4 reserved=2 limit=16 pid_max=14 / linux-2.6.24     200  200000  pass    1.3 s",
        "explorer      tiny                                                      7      12  FAIL    0.0 s");
    assertThat(report.verdict()).isEqualTo("FAIL: 2 checks (1 failed), 207 traces, 200012 steps in 1.3 s (seed 9)");
  }

  @Test
  void theStandardCampaignCoversTheFourGeometries() {
    assertThat(Campaign.standard(Effort.QUICK, 1).checks()).extracting(Check::target)
        .containsExactly(
            "kernel (bpp=32768 reserved=300 limit=4194304 pid_max=32768) / linux-2.6.24",
            "bpp=4 reserved=2 limit=16 pid_max=14 / linux-2.6.24",
            "bpp=8 reserved=3 limit=24 pid_max=21 / linux-2.6.24",
            "bpp=64 reserved=10 limit=256 pid_max=200 / linux-2.6.24");
  }

  private static CheckResult.Failure failure() {
    return new CheckResult.Failure("made up", 1, TraceConfig.EMPTY, List.of(), null);
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
