package pidmap.kit.agent;

/**
 * The agent did not answer: it hung, crashed, answered garbage, said it could not ({@code error
 * ...}), or never started. {@link #getMessage()} is the verdict's one line. Immutable.
 */
public final class AgentException extends Exception {
  private static final long serialVersionUID = 1L;

  /** How the agent failed to answer. */
  public enum Kind {
    /** No reply within the timeout. */
    HANG,
    /** The agent's process ended (or the JVM allocator threw). */
    CRASH,
    /** A reply outside the grammar. */
    GARBAGE,
    /** The agent answered {@code error ...}: it could not do what was asked. */
    AGENT_ERROR,
    /** The agent did not start, or its hello line was wrong: nothing can be tested. */
    UNAVAILABLE
  }

  private final Kind kind;

  public AgentException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
