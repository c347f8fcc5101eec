package pidmap.kit.suite;

/**
 * Where a run stopped conforming. Immutable.
 *
 * @param step 1-based index of the step in its (shrunk) trace
 * @param request the request
 * @param expected Linux's answer
 * @param got the agent's reply, or null when none came
 * @param verdict FAIL, HANG, CRASH, GARBAGE or AGENT_ERROR
 * @param message what happened, in one line
 */
public record Failure(int step, String request, String expected, String got, Verdict verdict,
    String message) {

  /** One line for a table: {@code alloc: Linux 300, the agent 2}. */
  public String oneLine() {
    return verdict == Verdict.FAIL
        ? request + ": Linux " + expected + ", the agent " + got
        : request + ": " + verdict.label() + " (" + message + ")";
  }
}
