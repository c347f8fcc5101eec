package pidmap.kit.suite;

/**
 * One request with Linux's answer to it. Immutable.
 *
 * @param request the protocol line
 * @param expected Linux's reply (the model's, or the kernel's for a literal process-level step)
 * @param rule null: the agent's reply must equal {@code expected}; else it must satisfy the rule
 */
public record Step(String request, String expected, Rule rule) {

  /** Whether the agent's reply conforms. */
  public boolean accepts(String reply) {
    return rule == null ? expected.equals(reply) : rule.accepts().test(reply);
  }

  /** The transcript line: {@code request => expected}. */
  public String line() {
    return request + " => " + expected + (rule == null ? "" : "   # judged: " + rule.sentence());
  }
}
