package pidmap.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.agent.ReusingFactory;
import pidmap.kit.report.ConformReport;
import pidmap.kit.report.SuiteResult;
import pidmap.kit.suite.ShrinkBudget;
import pidmap.kit.suite.Suites;
import pidmap.kit.suite.Verdict;
import pidmap.oracle.KernelAgent;
import pidmap.oracle.KernelRequirement;
import pidmap.oracle.KernelUnavailableException;
import pidmap.spec.Profile;

/**
 * The running kernel is just another agent: the kernel agent passes every suite, both levels
 * (this is what makes the process-level scenarios' literal replies the kernel's), the
 * campaign, and the pid layer's process-level lockstep ({@code --layer-steps}). Skipped where
 * the machine does not allow PID namespaces (a failure under
 * PIDMAP_REQUIRE_KERNEL=1).
 */
class KernelAgentConformTest {

  @Test
  void theKernelAgentPassesEverySuiteAndTheCampaign() throws AgentException {
    String binary;
    try {
      binary = KernelAgent.binary().toString();
    } catch (KernelUnavailableException e) {
      KernelRequirement.skipOrFail(e);
      return;
    }
    ConformReport r;
    try (ReusingFactory agents = ProcessAgent.reusing(binary, 3000)) {
      r = Conformance.run(agents, new Conformance.Plan("kernel", Profile.LINUX_6, Suites.all(),
          5000, 1, ShrinkBudget.DEFAULT, 1000), line -> { });
    } catch (AgentException e) {
      if (e.kind() == AgentException.Kind.UNAVAILABLE) {
        KernelRequirement.skipOrFail(new KernelUnavailableException(e.getMessage()));
        return;
      }
      throw e;
    }
    for (SuiteResult s : r.suites()) {
      assertThat(s.verdict()).as(s.suite().id() + ": " + (s.firstFailure() == null ? ""
          : String.join("\n", s.firstFailure().trace()))).isEqualTo(Verdict.PASS);
      assertThat(s.count(Verdict.NOT_TESTED)).as(s.suite().id()).isZero();
    }
    assertThat(r.campaign().verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.campaign().steps()).isEqualTo(5000);
    assertThat(r.layer().verdict()).as(String.join("\n", r.layer().trace()))
        .isEqualTo(Verdict.PASS);
    assertThat(r.layer().steps()).isEqualTo(1000);
  }
}
