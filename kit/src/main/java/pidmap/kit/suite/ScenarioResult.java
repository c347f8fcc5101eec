package pidmap.kit.suite;

import java.util.List;

/**
 * What one scenario did on an agent. Immutable.
 *
 * @param scenario the scenario
 * @param verdict its verdict
 * @param note why it was not tested, or null
 * @param failure the failing step of the shrunk trace, or null
 * @param trace the shrunk failing trace, {@code request => Linux's answer} lines, the last with
 *     the agent's reply as a comment; empty when it passed
 * @param shrunkFrom how many steps the failing trace had before shrinking
 * @param millis wall time, shrinking included
 */
public record ScenarioResult(SuiteScenario scenario, Verdict verdict, String note, Failure failure,
    List<String> trace, int shrunkFrom, long millis) {

  public ScenarioResult {
    trace = List.copyOf(trace);
  }

  static ScenarioResult notTested(SuiteScenario s, String why) {
    return new ScenarioResult(s, Verdict.NOT_TESTED, why, null, List.of(), 0, 0);
  }
}
