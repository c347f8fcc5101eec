package pidmap.kit.campaign;

import java.util.List;
import pidmap.kit.suite.Failure;
import pidmap.kit.suite.Verdict;

/**
 * What the campaign did. Immutable.
 *
 * @param verdict PASS, NOT_TESTED, or how the first divergence failed
 * @param note why it was not tested, or null
 * @param steps steps run
 * @param episodes fresh agents used (shrinking not counted)
 * @param seed the campaign's seed
 * @param failure the failing step of the shrunk trace, or null
 * @param trace the shrunk trace (as a scenario's), empty when it passed
 * @param kind the scenario kind that diverged, or null
 * @param shrunkFrom steps of the diverging episode before shrinking
 * @param millis wall time, shrinking included
 */
public record CampaignResult(Verdict verdict, String note, long steps, int episodes, long seed,
    Failure failure, List<String> trace, String kind, int shrunkFrom, long millis) {

  public CampaignResult {
    trace = List.copyOf(trace);
  }
}
