package pidmap.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import pidmap.kit.agent.Agent;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.AgentFactory;
import pidmap.kit.agent.Hello;
import pidmap.kit.campaign.CampaignResult;
import pidmap.kit.campaign.LayerLockstep;
import pidmap.kit.campaign.LockstepCampaign;
import pidmap.kit.report.ConformReport;
import pidmap.kit.report.SuiteResult;
import pidmap.kit.suite.SuiteScenario;
import pidmap.kit.suite.ScenarioResult;
import pidmap.kit.suite.ScenarioRunner;
import pidmap.kit.suite.ShrinkBudget;
import pidmap.kit.suite.Suite;
import pidmap.kit.suite.Verdict;
import pidmap.spec.Profile;

/**
 * One conformance run: the agent's hello, the named suites (each scenario on a fresh agent), then
 * the generated lockstep campaign, and when asked the process-level lockstep of the pid layer. Stateless; each call starts its own agents.
 */
public final class Conformance {
  private Conformance() {}

  /**
   * What to run.
   *
   * @param agentLabel how the report names the agent (its command line)
   * @param profile the profile whose answers count as Linux's
   * @param suites the suites to run
   * @param campaignSteps steps of the campaign; 0 for none
   * @param seed the campaign's seed
   * @param budget the shrinking budget per failure
   * @param layerSteps steps of the process-level lockstep of the pid layer ({@link
   *     LayerLockstep}); 0 for none
   */
  public record Plan(String agentLabel, Profile profile, List<Suite> suites, long campaignSteps,
      long seed, ShrinkBudget budget, long layerSteps) {

    /** A plan without the process-level lockstep. */
    public Plan(String agentLabel, Profile profile, List<Suite> suites, long campaignSteps,
        long seed, ShrinkBudget budget) {
      this(agentLabel, profile, suites, campaignSteps, seed, budget, 0);
    }
  }

  /**
   * Runs the plan; {@code progress} hears one line per suite.
   *
   * @throws AgentException UNAVAILABLE (or HANG, CRASH) when the agent does not start at all
   */
  public static ConformReport run(AgentFactory agents, Plan plan, Consumer<String> progress)
      throws AgentException {
    long start = System.nanoTime();
    Hello hello;
    try (Agent first = agents.start()) {
      hello = first.hello();
    }
    ScenarioRunner runner = new ScenarioRunner(agents, hello, plan.profile(), plan.budget());
    List<SuiteResult> suites = new ArrayList<>();
    for (Suite s : plan.suites()) {
      List<ScenarioResult> results = new ArrayList<>();
      for (SuiteScenario sc : s.scenarios()) {
        results.add(runner.run(sc));
      }
      SuiteResult r = new SuiteResult(s, results);
      progress.accept(r.verdict().label() + "  " + s.id());
      suites.add(r);
    }
    CampaignResult campaign = plan.campaignSteps() <= 0
        ? new CampaignResult(Verdict.NOT_TESTED, "--steps 0", 0, 0, plan.seed(), null, List.of(),
            null, 0, 0)
        : LockstepCampaign.run(agents, runner, hello::supports, plan.profile(),
            plan.campaignSteps(), plan.seed());
    progress.accept(campaign.verdict().label() + "  campaign");
    CampaignResult layer = null;
    if (plan.layerSteps() > 0) {
      layer = plan.profile() != Profile.LINUX_6
          ? new CampaignResult(Verdict.NOT_TESTED, "the pid layer's lockstep is linux-6's", 0, 0,
              plan.seed(), null, List.of(), null, 0, 0)
          : LayerLockstep.run(agents, plan.layerSteps(), plan.seed()).toCampaign(plan.seed());
      progress.accept(layer.verdict().label() + "  layer");
    }
    return new ConformReport(plan.agentLabel(), hello, plan.profile(), suites, campaign,
        plan.seed(), (System.nanoTime() - start) / 1_000_000, layer);
  }
}
