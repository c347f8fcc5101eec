package pidmap.engine.shrink;

import java.util.ArrayList;
import java.util.List;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.TraceLine;

/**
 * Shrinks a failing trace that carries expects (what {@code pidmap shrink} does) to the fewest
 * lines that show the same disagreement. The failing line is kept as the last line; of the lines
 * before it, {@link Shrinker#minimize} keeps the fewest such that every kept step still passes
 * (its own expect included) and the last step fails the same way: the same kind of failure, the
 * same reference answer and the same candidate answer. Keeping both answers is what keeps the
 * context: an {@code alloc} expected to be 4 where Linux answers 3 shrinks to the steps that make
 * Linux answer 3, not to a lone alloc on a fresh namespace. Lines are only removed, never
 * changed: an expect is the trace author's record of one particular run, and a changed argument
 * would make it mean nothing. Stateless.
 */
public final class TraceShrinker {
  private TraceShrinker() {}

  /**
   * @param lines a run whose last line is its first failing step
   * @return a sublist, in order, ending with that line, that fails at its last line alike
   */
  public static List<TraceLine> shrink(Geometry g, Profile p, AllocatorFactory candidate,
      List<TraceLine> lines) {
    StepResult original = firstFailure(g, p, candidate, lines);
    if (original == null || original.index() != lines.size()) {
      throw new IllegalArgumentException("the run must fail at its last line, " + lines.size()
          + "; it fails at " + (original == null ? "none" : original.index()));
    }
    TraceLine last = lines.get(lines.size() - 1);
    List<TraceLine> kept = Shrinker.minimize(lines.subList(0, lines.size() - 1),
        before -> failsAlike(g, p, candidate, before, last, original), Shrinker.DEFAULT_MAX_TESTS);
    List<TraceLine> shrunk = new ArrayList<>(kept);
    shrunk.add(last);
    return shrunk;
  }

  /** The first failing step of {@code lines} (expects checked), or null when all pass. */
  public static StepResult firstFailure(Geometry g, Profile p, AllocatorFactory candidate,
      List<TraceLine> lines) {
    DifferentialEngine engine = new DifferentialEngine(g, p, candidate);
    for (TraceLine l : lines) {
      StepResult r = engine.step(l.op(), l.expect());
      if (!r.ok()) {
        return r;
      }
    }
    return null;
  }

  private static boolean failsAlike(Geometry g, Profile p, AllocatorFactory candidate,
      List<TraceLine> before, TraceLine last, StepResult original) {
    List<TraceLine> lines = new ArrayList<>(before);
    lines.add(last);
    StepResult end = firstFailure(g, p, candidate, lines);
    return end != null
        && end.index() == lines.size()
        && end.failure().kind() == original.failure().kind()
        && end.reference().equals(original.reference())
        && end.candidate().equals(original.candidate());
  }
}
