package pidmap.kit.report;

import java.util.List;
import pidmap.kit.agent.Hello;
import pidmap.kit.campaign.CampaignResult;
import pidmap.spec.Profile;

/**
 * A whole conformance run. Immutable.
 *
 * @param agent the agent's command line (or class)
 * @param hello its hello
 * @param profile the profile judged against
 * @param suites the suites' results
 * @param campaign the campaign's result
 * @param seed the campaign's seed
 * @param millis wall time of the run
 * @param layer the process-level lockstep of the pid layer ({@code --layer-steps}), or null when
 *     it was not asked for
 */
public record ConformReport(String agent, Hello hello, Profile profile, List<SuiteResult> suites,
    CampaignResult campaign, long seed, long millis, CampaignResult layer) {

  public ConformReport {
    suites = List.copyOf(suites);
  }

  /** A run without the process-level lockstep. */
  public ConformReport(String agent, Hello hello, Profile profile, List<SuiteResult> suites,
      CampaignResult campaign, long seed, long millis) {
    this(agent, hello, profile, suites, campaign, seed, millis, null);
  }

  /** Whether nothing failed (suites not tested do not fail a run). */
  public boolean passed() {
    return suites.stream().noneMatch(s -> s.verdict().failed()) && !campaign.verdict().failed()
        && (layer == null || !layer.verdict().failed());
  }

  /** The ids of the suites that failed, in order. */
  public List<String> failedSuites() {
    return suites.stream().filter(s -> s.verdict().failed()).map(s -> s.suite().id()).toList();
  }
}
