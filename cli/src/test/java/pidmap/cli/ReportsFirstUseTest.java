package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.cli.CliRun.run;
import static pidmap.cli.CliRun.withStdin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import pidmap.engine.StepResult;
import pidmap.oracle.ScenarioKind;
import pidmap.trace.Expect;
import pidmap.trace.Op;
import pidmap.trace.Outcome;
import pidmap.trace.TraceLine;

/** Issue 17's reports: whose answer is whose, the words, and the machine-readable forms. */
class ReportsFirstUseTest {

  private static final String CONFIG = "{\"op\":\"config\",\"pid_max\":14,\"bits_per_page\":4,"
      + "\"reserved\":2,\"pid_max_limit\":16}\n";

  @Test
  void anInvariantFailureSaysWhoseAnswerBrokeItAndWhatTheOtherSideAnswered() {
    StepResult step = new StepResult(5, Op.alloc(), Outcome.pid(4), Outcome.pid(3),
        new StepResult.Failure(StepResult.Failure.Kind.INVARIANT,
            "invariant ALLOC-1 failed: alloc handed out 3, which was already allocated",
            StepResult.Failure.Side.CANDIDATE));
    StringWriter text = new StringWriter();
    Reports.failure(new PrintWriter(text, true), step, new TraceLine(Op.alloc(), null, 7), "t");
    assertThat(text.toString().lines()).containsExactly(
        "FAIL at step 5 (t line 7): alloc",
        "  impl:     3 (its state after this answer breaks the invariant)",
        "  model:    4",
        "  invariant ALLOC-1 failed: alloc handed out 3, which was already allocated",
        "  the 4 steps before it conform");
  }

  @Test
  void oneOfAThingIsSingular() {
    CliRun r = withStdin(CONFIG + "{\"op\":\"alloc\",\"expect\":2}\n", "replay", "-");
    assertThat(r.outLines()).contains("  it is the first step").anySatisfy(l -> assertThat(l)
        .startsWith("reproduce: ").endsWith("   (the failing step, flags folded into its config"
            + " line)"));
    CliRun ok = withStdin(CONFIG + "{\"op\":\"alloc\",\"expect\":1}\n", "replay", "--quiet", "-");
    assertThat(ok.out()).startsWith("conforms: 1 step, 1 expect met; ");
  }

  @Test
  void aRefusedStepShowsEinvalTheWordItsExpectTakes() {
    CliRun r = withStdin(CONFIG + "{\"op\":\"free\",\"pid\":5,\"expect\":\"EINVAL\"}\n"
        + "{\"op\":\"next\",\"after\":-1}\n", "replay", "-");
    assertThat(r.exit()).isZero();
    assertThat(r.outLines()).containsSubsequence(
        "step 1 (line 2): free 5 -> EINVAL (refused: pid: 5 (expected: an allocated pid; 5 is"
            + " free))  conforms, expect met",
        "step 2 (line 3): next -1 -> EINVAL (refused: after: -1 (expected: 0 <= after <"
            + " pid_max_limit = 16))  conforms");
  }

  @Test
  void replayInJsonSaysTheVerdictAndTheFailure() throws Exception {
    CliRun r = withStdin(CONFIG + "{\"op\":\"alloc\",\"expect\":1}\n{\"op\":\"alloc\","
        + "\"expect\":5}\n", "replay", "--format", "json", "-");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("verdict").asText()).isEqualTo("fails");
    assertThat(j.get("geometry").asText()).isEqualTo("4/2/16 pid_max 14");
    JsonNode f = j.get("failure");
    assertThat(f.get("step").asInt()).isEqualTo(2);
    assertThat(f.get("line").asInt()).isEqualTo(3);
    assertThat(f.get("kind").asText()).isEqualTo("unmet expect");
    assertThat(f.get("expect").asText()).isEqualTo("5");
    assertThat(f.get("model").asText()).isEqualTo("2");
    assertThat(f.get("replay").asText()).startsWith("./pidmap replay target/pidmap/prefix-stdin");
  }

  @Test
  void replayInJunitHasOneTestCasePerStep() throws Exception {
    CliRun r = withStdin(CONFIG + "{\"op\":\"alloc\",\"expect\":1}\n{\"op\":\"alloc\"}\n"
        + "{\"op\":\"alloc\",\"expect\":5}\n", "replay", "--format", "junit", "-");
    assertThat(r.exit()).isEqualTo(1);
    Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(3);
    Element failure = (Element) suite.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("expected 5 but the reference (linux-2.6.24) answers 3");
  }

  @Test
  void replayQuietShowsProgressOnStandardError() {
    long before = Ticker.commandInterval;
    Ticker.commandInterval = 0;
    try {
      CliRun r = withStdin(CONFIG + "{\"op\":\"alloc\"}\n{\"op\":\"alloc\"}\n", "replay",
          "--quiet", "-");
      assertThat(r.err()).containsPattern("replay: 1 steps? \\(line 2\\), \\d+ steps/s\n");
      assertThat(r.outLines()).hasSize(1);
    } finally {
      Ticker.commandInterval = before;
    }
  }

  @Test
  void kernelCheckSaysWhichKindsItsNumbersLeaveOut() {
    assertThat(KernelPlan.flat(5000, 1, List.of(ScenarioKind.values()), 2500, null))
        .isEqualTo("kernel check: 5000 steps from seed 1 as 2 scenarios of up to 2500 steps, each"
            + " in a fresh PID namespace, kinds in turn: tiny-exhaustion, last-pid-edges\n"
            + "  not reached with these numbers: pid-max-lowered, page-boundary, churn (give"
            + " --steps 12500 or --scenario-steps 1000 to reach every kind)");
    assertThat(KernelPlan.split(1003, 5)).containsExactly(201L, 201L, 201L, 200L, 200L);
    assertThat(KernelPlan.split(3, 5)).containsExactly(1L, 1L, 1L);
  }

  @Test
  void kernelCheckRefusesWhatItWouldIgnoreAndNamesTheFlag() {
    for (String flag : List.of("--kind=churn", "--pid-max=400", "--scenario-steps=10")) {
      CliRun r = run("kernel", "check", "--nested", flag);
      assertThat(r.exit()).as(flag).isEqualTo(2);
      assertThat(r.err()).isEqualTo(flag.split("=")[0] + ": does not apply to --nested"
          + " (expected: --steps and --seed only; the nested runs start level 0 at pid_max"
          + " [301, 305, 320, 400, 5000] in turn)\n");
    }
    CliRun zero = run("kernel", "check", "--scenario-steps", "0");
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).isEqualTo("--scenario-steps: 0 (expected: --scenario-steps >= 1)\n");
  }

  @Test
  void aVerifyFailureWithoutASeedDoesNotPrintOne() {
    pidmap.verify.CheckResult.Failure f = new pidmap.verify.CheckResult.Failure(
        "shortest failing path: 1 steps", 0, "{\"op\":\"config\"}\n", null,
        "the shortest failing path from a fresh state (no seed: the explorer visits every"
            + " state; no expects: replay compares model and impl)");
    pidmap.verify.VerifyReport report = new pidmap.verify.VerifyReport(5, List.of(new pidmap.verify.VerifyReport.Row(
        "explore", "tiny", new pidmap.verify.CheckResult(1, 1, f), java.time.Duration.ZERO)));
    StringWriter text = new StringWriter();
    report.printFailures(new PrintWriter(text, true), "./pidmap verify --seed 5");
    assertThat(text.toString()).doesNotContain("seed 0").doesNotContain("expect = the model")
        .contains("the shortest failing path from a fresh state (no seed");
    assertThat(Expect.REFUSED).isEqualTo("EINVAL");
  }
}
