package pidmap.engine;

import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * One step as the engine saw it.
 *
 * @param index 1-based position in the run
 * @param op the operation
 * @param reference what the model answered
 * @param candidate what the allocator under test answered
 * @param failure null when the step conforms; otherwise the first thing that went wrong
 */
public record StepResult(long index, Op op, Outcome reference, Outcome candidate, Failure failure) {

  /**
   * What went wrong at a step.
   *
   * @param kind what sort of failure
   * @param message what went wrong, in words
   * @param side whose state or answer broke the rule: the model, the candidate, or both (a
   *     divergence is between the two; an unmet expect is the model's answer against the trace)
   */
  public record Failure(Kind kind, String message, Side side) {

    /** A failure that involves both sides. */
    public Failure(Kind kind, String message) {
      this(kind, message, Side.BOTH);
    }

    /** Whose answer or state a failure is about. */
    public enum Side {
      /** the reference model */
      MODEL,
      /** the allocator under test (the impl, unless a test hands in another) */
      CANDIDATE,
      /** the two compared, or the model against the trace */
      BOTH
    }

    /**
     * What a shrunk trace must still show to count as the same failure: the kind, the side, and
     * what broke: an invariant's id, or what a divergence is about (the answer, last_pid,
     * pid_max, the number of allocated pids, one pid's state).
     */
    public String signature() {
      return kind + " " + side + " " + subject();
    }

    private String subject() {
      switch (kind) {
        case INVARIANT:
          return message.split(":", 2)[0]; // "invariant ALLOC-1 failed"
        case DIVERGENCE:
          if (message.startsWith("the model answers")) {
            return "answer";
          }
          if (message.startsWith("last_pid") || message.startsWith("pid_max")) {
            return message.split(" ", 2)[0];
          }
          return message.contains(" pids are allocated") ? "allocated count" : "a pid's state";
        default:
          return "expect";
      }
    }

    public enum Kind {
      /** model and candidate answered differently, or their states differ afterwards */
      DIVERGENCE,
      /** a named invariant does not hold after the step */
      INVARIANT,
      /** the reference's answer is not the trace's {@code expect} */
      EXPECT
    }

    @Override
    public String toString() {
      return message;
    }
  }

  public boolean ok() {
    return failure == null;
  }

  /** The failure's signature and the kind of operation it happened at; null when ok. */
  public String signature() {
    return failure == null ? null : failure.signature() + " at " + op.kind();
  }

  @Override
  public String toString() {
    String head = "step " + index + ": " + op + " -> " + candidate;
    return failure == null ? head : head + "  FAILED: " + failure.message();
  }
}
