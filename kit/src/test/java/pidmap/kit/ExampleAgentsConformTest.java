package pidmap.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.agent.ReusingFactory;
import pidmap.kit.report.ConformReport;
import pidmap.kit.report.SuiteResult;
import pidmap.kit.suite.ScenarioResult;
import pidmap.kit.suite.ShrinkBudget;
import pidmap.kit.suite.Suites;
import pidmap.kit.suite.Verdict;
import pidmap.spec.Profile;

/**
 * Each example agent of examples/agents, run through every suite and a short campaign: the
 * faithful one passes everything; each flawed one fails exactly the suites of its divergence
 * class (each suite is seen to catch its broken twin), with the verdict its flaw gives, and each
 * failure comes with a shrunk trace of at most 10 lines.
 */
class ExampleAgentsConformTest {

  static Stream<Arguments> agents() {
    return Stream.of(
        Arguments.of("faithful", List.of(), Verdict.PASS, Verdict.PASS),
        Arguments.of("wraps-to-2", List.of("wrap"), Verdict.FAIL, Verdict.FAIL),
        Arguments.of("never-wraps", List.of("wrap"), Verdict.FAIL, Verdict.FAIL),
        Arguments.of("hands-out-pid-max", List.of("pid-max-exclusive"), Verdict.FAIL,
            Verdict.FAIL),
        Arguments.of("reuses-freed-at-once", List.of("cursor"), Verdict.FAIL, Verdict.FAIL),
        Arguments.of("forgets-groups", List.of("held-numbers"), Verdict.FAIL, Verdict.PASS),
        Arguments.of("hangs-when-full", List.of("exhaustion"), Verdict.HANG, Verdict.HANG),
        Arguments.of("panics-when-full", List.of("exhaustion"), Verdict.CRASH, Verdict.CRASH),
        Arguments.of("ignores-set-tid", List.of("set-tid"), Verdict.FAIL, Verdict.PASS),
        Arguments.of("threads-elsewhere", List.of("thread-ids"), Verdict.FAIL, Verdict.PASS));
  }

  @ParameterizedTest(name = "{0} fails exactly {1}")
  @MethodSource("agents")
  void eachExampleAgentFailsExactlyItsClassWithShortShrunkTraces(String agent,
      List<String> failing, Verdict verdict, Verdict campaign) throws AgentException {
    ConformReport r;
    try (ReusingFactory agents = ProcessAgent.reusing(Agents.example(agent), 1000)) {
      r = Conformance.run(agents, new Conformance.Plan(agent, Profile.LINUX_6, Suites.all(),
          1000, 1, ShrinkBudget.DEFAULT), line -> { });
    }
    assertThat(r.failedSuites()).isEqualTo(failing);
    for (SuiteResult s : r.suites()) {
      if (s.verdict().failed()) {
        assertThat(s.verdict()).as(s.suite().id()).isEqualTo(verdict);
        ScenarioResult first = s.firstFailure();
        assertThat(first.trace()).as(s.suite().id() + "'s first failure").hasSizeLessThanOrEqualTo(10)
            .isNotEmpty();
      } else {
        assertThat(s.verdict()).as(s.suite().id()).isEqualTo(Verdict.PASS);
      }
    }
    assertThat(r.campaign().verdict()).isEqualTo(campaign);
    if (campaign.failed()) {
      assertThat(r.campaign().trace()).hasSizeLessThanOrEqualTo(10).isNotEmpty();
    }
    assertThat(r.passed()).isEqualTo(failing.isEmpty() && !campaign.failed());
  }
}
