package pidmap.engine.invariants;

import java.util.List;
import java.util.Objects;

/**
 * A named rule the allocator must keep: a stable id, one sentence, the seed lines it comes
 * from, the checks that exercise it, and the predicate itself.
 *
 * @param id short and stable, e.g. {@code PIDMAP-2}; appears in failures, docs and impl comments
 * @param sentence the rule in one plain sentence
 * @param seedLines where in pid.c the rule comes from, e.g. {@code 115-121, 151-154}
 * @param checkedBy the checks that exercise it, as {@code Class#method} or a tool name
 * @param predicate returns null when the rule holds after the step, else what is wrong
 */
public record Invariant(
    String id, String sentence, String seedLines, List<String> checkedBy, Predicate predicate) {

  /** The executable half of an invariant. */
  @FunctionalInterface
  public interface Predicate {
    /** Null when the rule holds after {@code step}; otherwise a short description of the breach. */
    String violation(Step step);
  }

  public Invariant {
    Objects.requireNonNull(id);
    Objects.requireNonNull(sentence);
    Objects.requireNonNull(seedLines);
    checkedBy = List.copyOf(checkedBy);
    Objects.requireNonNull(predicate);
  }

  /** Null when the rule holds, else {@code "invariant ID failed: <what>"}. */
  public String check(Step step) {
    String v = predicate.violation(step);
    return v == null ? null : "invariant " + id + " failed: " + v;
  }
}
