package pidmap.kit.suite;

import pidmap.kit.agent.AgentException;

/** The verdict of one scenario, one suite or the campaign. Immutable. */
public enum Verdict {
  /** Every step answered as Linux does. */
  PASS("pass"),
  /** A reply differs from Linux's. */
  FAIL("FAIL"),
  /** No reply within the timeout. */
  HANG("HANG"),
  /** The agent ended (or the allocator threw). */
  CRASH("CRASH"),
  /** A reply outside the protocol's grammar. */
  GARBAGE("GARBAGE"),
  /** The agent said {@code error ...}: it could not do a step. */
  AGENT_ERROR("AGENT-ERROR"),
  /** The agent does not support what the scenario needs, or the profile has no such rule. */
  NOT_TESTED("not tested");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether this verdict fails a run. */
  public boolean failed() {
    return this != PASS && this != NOT_TESTED;
  }

  /** The verdict for an agent that did not answer. */
  public static Verdict of(AgentException.Kind kind) {
    switch (kind) {
      case HANG:
        return HANG;
      case GARBAGE:
        return GARBAGE;
      case AGENT_ERROR:
        return AGENT_ERROR;
      default:
        return CRASH;
    }
  }
}
