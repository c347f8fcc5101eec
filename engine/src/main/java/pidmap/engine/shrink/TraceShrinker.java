package pidmap.engine.shrink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.TraceLine;

/**
 * Shrinks a failing trace that carries expects (what {@code pidmap shrink} does) to few lines
 * that show the same disagreement. The failing line is kept as the last line; of the lines before
 * it, it keeps few enough that every kept step still passes (its own expect included) and the
 * last step fails the same way: the same kind of failure, the same reference answer and the same
 * candidate answer. Keeping both answers is what keeps the context: an {@code alloc} expected to
 * be 4 where Linux answers 3 shrinks to the steps that make Linux answer 3, not to a lone alloc on
 * a fresh namespace. Lines are only removed, never changed: an expect is the trace author's record
 * of one particular run, and a changed argument would make it mean nothing.
 *
 * <p>How, for an unmet expect (the usual case): first every line that changes nothing in the
 * model's state goes at once; then sweeps from the end of the trace to its start delete runs of
 * lines, halving the run's length from half the trace down to one line (until a one-line sweep
 * deletes nothing: the result is 1-minimal), then pairs of lines about the same pid (an alloc and
 * the free of its pid), then single lines again. Each try is decided on the model alone by {@link
 * ModelScreen}, from a checkpoint, stopping as soon as it fails or its state rejoins the kept
 * run's; the result is then confirmed on the model and the candidate together. A divergence or an
 * invariant failure (the candidate's own bug), or a result the candidate does not confirm, is
 * shrunk by {@link Shrinker#minimize} on the full engine instead.
 *
 * <p>Stateless; a {@link ShrinkControl} bounds the time, reports progress and holds the best
 * result so far.
 */
public final class TraceShrinker {
  private TraceShrinker() {}

  /** Checkpoints of the model's state every this many kept lines. */
  static final int CHECKPOINT_EVERY = 64;

  /** Up to this many kept lines, every run of consecutive lines is tried for deletion. */
  static final int RANGES_UP_TO = 256;

  /** Up to this many kept lines, every subsequence is tried, fewest lines first. */
  static final int EXHAUSTIVE_UP_TO = 16;

  /**
   * @param lines a run whose last line is its first failing step
   * @return a sublist, in order, ending with that line, that fails at its last line alike
   */
  public static List<TraceLine> shrink(Geometry g, Profile p, AllocatorFactory candidate,
      List<TraceLine> lines) {
    return shrink(g, p, candidate, lines, ShrinkControl.unlimited());
  }

  /** As {@link #shrink(Geometry, Profile, AllocatorFactory, List)}, steered by {@code control}. */
  public static List<TraceLine> shrink(Geometry g, Profile p, AllocatorFactory candidate,
      List<TraceLine> lines, ShrinkControl<TraceLine> control) {
    if (control.best() == null) {
      control.improved(lines);
    }
    StepResult original = firstFailure(g, p, candidate, lines);
    if (original == null || original.index() != lines.size()) {
      throw new IllegalArgumentException("the run must fail at its last line, " + lines.size()
          + "; it fails at " + (original == null ? "none" : original.index()));
    }
    if (original.failure().kind() == StepResult.Failure.Kind.EXPECT) {
      List<TraceLine> screened = screened(g, p, lines, original, control);
      if (failsAlike(g, p, candidate, screened, original)) {
        control.improved(screened);
        return screened;
      }
      control.say("shrink: the candidate does not confirm the model's result; shrinking on both");
    }
    if (control.expired()) {
      return lines; // the screened result was not confirmed: the original is the best known
    }
    TraceLine last = lines.get(lines.size() - 1);
    List<TraceLine> kept;
    try {
      kept = Shrinker.minimize(lines.subList(0, lines.size() - 1),
          before -> !control.expired() && failsAlike(g, p, candidate, with(before, last), original),
          Shrinker.DEFAULT_MAX_TESTS);
    } catch (IllegalArgumentException timeUpBeforeTheFirstTry) {
      return lines;
    }
    List<TraceLine> shrunk = with(kept, last);
    control.improved(shrunk);
    return shrunk;
  }

  private static List<TraceLine> with(List<TraceLine> before, TraceLine last) {
    List<TraceLine> all = new ArrayList<>(before);
    all.add(last);
    return all;
  }

  /** The model-screened shrink: no-ops, sweeps, pairs, sweeps again. */
  private static List<TraceLine> screened(Geometry g, Profile p, List<TraceLine> lines,
      StepResult original, ShrinkControl<TraceLine> control) {
    ModelScreen screen = new ModelScreen(g, p, lines, original.reference());
    Sweeps s = new Sweeps(screen, lines, control);
    int[] kept = new int[lines.size() - 1];
    Arrays.setAll(kept, i -> i);
    if (kept.length <= EXHAUSTIVE_UP_TO) {
      return s.lines(s.smallest(kept));
    }
    kept = s.dropNoOps(kept);
    if (kept.length <= RANGES_UP_TO) {
      kept = s.ranges(kept); // the longest deletable runs first: a careful person's first cuts
    }
    // First the lines a careful person deletes first: everything but the set_last and
    // set_pid_max lines, which put the state where it must be in one line where allocs take many.
    for (int size = Integer.highestOneBit(Math.max(1, kept.length / 2)); size >= 1; size /= 2) {
      kept = s.sweep(kept, size, true);
    }
    for (int size = Integer.highestOneBit(Math.max(1, kept.length / 2)); size > 1; size /= 2) {
      kept = s.sweep(kept, size, false);
    }
    boolean changed = true;
    while (changed && !control.expired()) {
      int before = kept.length;
      kept = s.sweep(kept, 1, false);
      while (kept.length < before && !control.expired()) {
        before = kept.length;
        kept = s.sweep(kept, 1, false);
      }
      int[] fewer = s.pairs(kept);
      if (fewer.length <= RANGES_UP_TO) {
        fewer = s.ranges(fewer);
      }
      changed = fewer.length < kept.length;
      kept = fewer;
    }
    if (kept.length <= EXHAUSTIVE_UP_TO && !control.expired()) {
      kept = s.smallest(kept);
    }
    return s.lines(kept);
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

  /** Whether {@code lines} fails first at its last line, with the original's signature. */
  static boolean failsAlike(Geometry g, Profile p, AllocatorFactory candidate,
      List<TraceLine> lines, StepResult original) {
    StepResult end = firstFailure(g, p, candidate, lines);
    return end != null
        && end.index() == lines.size()
        && end.failure().kind() == original.failure().kind()
        && end.reference().equals(original.reference())
        && end.candidate().equals(original.candidate());
  }
}
