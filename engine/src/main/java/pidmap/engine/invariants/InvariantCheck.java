package pidmap.engine.invariants;

import java.util.Objects;
import pidmap.spec.Invariant;

/**
 * An allocator invariant of the contract and the predicate that decides it after one step.
 *
 * @param invariant the id, sentence and seed lines (spec)
 * @param rule returns null when the invariant holds after the step, else what is wrong
 */
public record InvariantCheck(Invariant invariant, Rule rule) {

  /** The executable half of an invariant. */
  @FunctionalInterface
  public interface Rule {
    /** Null when the rule holds after {@code step}; otherwise a short description of the breach. */
    String violation(Step step);
  }

  public InvariantCheck {
    Objects.requireNonNull(invariant);
    Objects.requireNonNull(rule);
  }

  /** The invariant's id, e.g. {@code PIDMAP-2}. */
  public String id() {
    return invariant.id();
  }

  /** Null when the rule holds, else {@code "invariant ID failed: <what>"}. */
  public String check(Step step) {
    String v = rule.violation(step);
    return v == null ? null : "invariant " + invariant.id() + " failed: " + v;
  }
}
