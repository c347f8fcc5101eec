package pidmap.kit.report;

import java.util.List;
import pidmap.kit.suite.ScenarioResult;
import pidmap.kit.suite.Suite;
import pidmap.kit.suite.Verdict;

/**
 * One suite's scenarios and their verdicts. Immutable.
 *
 * @param suite the suite
 * @param scenarios one result per scenario, in order
 */
public record SuiteResult(Suite suite, List<ScenarioResult> scenarios) {

  public SuiteResult {
    scenarios = List.copyOf(scenarios);
  }

  /** FAIL-like if any scenario failed (the first such verdict), PASS if any passed, else not tested. */
  public Verdict verdict() {
    for (ScenarioResult r : scenarios) {
      if (r.verdict().failed()) {
        return r.verdict();
      }
    }
    return count(Verdict.PASS) > 0 ? Verdict.PASS : Verdict.NOT_TESTED;
  }

  public long count(Verdict v) {
    return scenarios.stream().filter(r -> r.verdict() == v).count();
  }

  /** The first failing scenario, or null. */
  public ScenarioResult firstFailure() {
    return scenarios.stream().filter(r -> r.verdict().failed()).findFirst().orElse(null);
  }
}
