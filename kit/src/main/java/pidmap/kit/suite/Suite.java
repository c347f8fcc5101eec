package pidmap.kit.suite;

import java.util.List;

/**
 * A named family of scenarios, one divergence class or one rule of the profile. Immutable.
 *
 * @param id the name on the command line ({@code --suite wrap})
 * @param rule the rule the suite checks, in one sentence
 * @param scenarios its scenarios
 */
public record Suite(String id, String rule, List<SuiteScenario> scenarios) {

  public Suite {
    scenarios = List.copyOf(scenarios);
  }
}
