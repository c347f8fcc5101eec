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

  /** What went wrong at a step. */
  public record Failure(Kind kind, String message) {
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

  @Override
  public String toString() {
    String head = "step " + index + ": " + op + " -> " + candidate;
    return failure == null ? head : head + "  FAILED: " + failure.message();
  }
}
