package pidmap.engine.layer;

import java.util.List;
import java.util.Objects;

/**
 * A named rule the pid layer must keep, in the style of {@link pidmap.engine.invariants.Invariant}: a stable
 * id, one sentence, the seed lines, the checks that exercise it, and the predicate.
 *
 * @param id short and stable, e.g. {@code PID-1}
 * @param sentence the rule in one plain sentence
 * @param seedLines where in pid.c the rule comes from
 * @param checkedBy the checks that exercise it, as {@code Class#method}
 * @param predicate null when the rule holds after the step, else what is wrong
 */
public record LayerInvariant(
    String id, String sentence, String seedLines, List<String> checkedBy, Predicate predicate) {

  /** The executable half of an invariant. */
  @FunctionalInterface
  public interface Predicate {
    String violation(LayerStep step);
  }

  public LayerInvariant {
    Objects.requireNonNull(id);
    Objects.requireNonNull(sentence);
    Objects.requireNonNull(seedLines);
    checkedBy = List.copyOf(checkedBy);
    Objects.requireNonNull(predicate);
  }

  /** Null when the rule holds, else {@code "invariant ID failed: <what>"}. */
  public String check(LayerStep step) {
    String v = predicate.violation(step);
    return v == null ? null : "invariant " + id + " failed: " + v;
  }
}
