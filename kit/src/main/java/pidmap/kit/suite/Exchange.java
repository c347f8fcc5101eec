package pidmap.kit.suite;

/**
 * One request with Linux's answer to it. Immutable.
 *
 * @param request the protocol line
 * @param expected Linux's reply (the model's, or the kernel's for a literal process-level step)
 * @param rule null: the agent's reply must equal {@code expected}; else it must satisfy the rule
 */
public record Exchange(String request, String expected, Rule rule) {

  /**
   * Whether the agent's reply conforms: it satisfies the rule, or equals Linux's answer where
   * there is no rule or Linux's answer does not satisfy it either (then the rule does not apply:
   * a shrunk trace may have lost the state the rule was written for).
   */
  public boolean accepts(String reply) {
    return ruled() ? rule.accepts().test(reply) : expected.equals(reply);
  }

  /** Whether the rule decides this step. */
  public boolean ruled() {
    return rule != null && rule.accepts().test(expected);
  }

  /** The transcript line: {@code request => expected}. */
  public String line() {
    return request + " => " + expected + (!ruled() ? "" : "   # judged: " + rule.sentence());
  }
}
