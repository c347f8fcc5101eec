package pidmap.engine.shrink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.model.ModelPidAllocator;
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

  /** The passes over the kept lines, each try decided by the screen. Not thread-safe. */
  private static final class Sweeps {
    private final ModelScreen screen;
    private final List<TraceLine> lines;
    private final ShrinkControl<TraceLine> control;
    private final int original;
    private long published;

    Sweeps(ModelScreen screen, List<TraceLine> lines, ShrinkControl<TraceLine> control) {
      this.screen = screen;
      this.lines = lines;
      this.control = control;
      this.original = lines.size();
    }

    List<TraceLine> lines(int[] kept) {
      List<TraceLine> out = new ArrayList<>(kept.length + 1);
      for (int i : kept) {
        out.add(lines.get(i));
      }
      out.add(lines.get(lines.size() - 1));
      return out;
    }

    int[] dropNoOps(int[] kept) {
      boolean[] noOp = screen.noOps(kept);
      int[] rest = Arrays.stream(range(kept.length)).filter(i -> !noOp[i]).map(i -> kept[i])
          .toArray();
      if (rest.length < kept.length && screen.passes(rest)) {
        publish(rest, true);
        return rest;
      }
      return kept;
    }

    /**
     * The shortest subsequence of {@code kept} that passes, trying every one, fewest lines first
     * (at most 2^{@value #EXHAUSTIVE_UP_TO} short replays): the result is minimal, not only
     * 1-minimal.
     */
    int[] smallest(int[] kept) {
      int n = kept.length;
      for (int size = 0; size < n && !control.expired(); size++) {
        for (long mask = firstMask(size); mask < (1L << n); mask = nextMask(mask)) {
          int[] sub = new int[size];
          int o = 0;
          for (int pos = 0; pos < n; pos++) {
            if ((mask & (1L << pos)) != 0) {
              sub[o++] = kept[pos];
            }
          }
          if (screen.passes(sub)) {
            publish(sub, true);
            return sub;
          }
          if (size == 0) {
            break;
          }
        }
      }
      return kept;
    }

    private static long firstMask(int bits) {
      return (1L << bits) - 1;
    }

    /** The next larger number with as many bits set (Gosper's hack). */
    private static long nextMask(long x) {
      long c = x & -x;
      long r = x + c;
      return (((r ^ x) >>> 2) / c) | r;
    }

    /**
     * Deletes runs of {@code size} lines, from the end to the start, where the screen allows;
     * with {@code spareSets}, the set_last and set_pid_max lines of a run stay.
     */
    int[] sweep(int[] kept, int size, boolean spareSets) {
      ModelPidAllocator[] checkpoints = checkpoints(kept);
      int end = kept.length;
      while (end > 0 && !control.expired()) {
        int from = Math.max(0, end - size);
        int[] del = spareSets ? unset(kept, from, end) : range(from, end);
        if (del.length > 0
            && screen.deletable(kept, del, stateAt(kept, checkpoints, del[0]))) {
          kept = without(kept, del);
          publish(kept, false);
        }
        end = from;
        tick(kept, "runs of " + size + (spareSets ? " but the sets" : ""));
      }
      return kept;
    }

    /**
     * Deletes any run of consecutive lines the screen allows, the longest runs first, until none
     * goes: what finds "this set_last and the four allocs behind it" that no halving run hits.
     */
    int[] ranges(int[] kept) {
      boolean changed = true;
      while (changed && !control.expired()) {
        changed = false;
        ModelPidAllocator[] checkpoints = checkpoints(kept);
        search:
        for (int length = kept.length - 1; length >= 2; length--) {
          for (int from = kept.length - length; from >= 0; from--) {
            if (control.expired()) {
              break search;
            }
            int[] del = range(from, from + length);
            if (screen.deletable(kept, del, stateAt(kept, checkpoints, from))) {
              kept = without(kept, del);
              publish(kept, false);
              changed = true;
              break search;
            }
            tick(kept, "any run of lines");
          }
        }
      }
      return kept;
    }

    /** The positions in [from, to) whose line is not a set_last or set_pid_max. */
    private int[] unset(int[] kept, int from, int to) {
      return java.util.stream.IntStream.range(from, to).filter(pos -> {
        pidmap.trace.Op.Kind k = lines.get(kept[pos]).op().kind();
        return k != pidmap.trace.Op.Kind.SET_LAST && k != pidmap.trace.Op.Kind.SET_PID_MAX;
      }).toArray();
    }

    /**
     * Deletes pairs of lines about the same pid (each line with the next one about its pid, e.g.
     * an alloc and the free of what it got), from the end to the start, where the screen allows.
     */
    int[] pairs(int[] kept) {
      int[] pid = screen.pids(kept);
      Map<Integer, Integer> nextAbout = new HashMap<>();
      int[] partner = new int[kept.length];
      for (int pos = kept.length - 1; pos >= 0; pos--) {
        Integer later = pid[pos] < 0 ? null : nextAbout.put(pid[pos], pos);
        partner[pos] = later == null ? -1 : later;
      }
      ModelPidAllocator[] checkpoints = checkpoints(kept);
      boolean[] gone = new boolean[kept.length];
      int[] current = kept;
      int[] index = range(kept.length); // position in current of each original position
      for (int pos = kept.length - 1; pos >= 0 && !control.expired(); pos--) {
        int other = partner[pos];
        if (other < 0 || gone[pos] || gone[other]) {
          continue;
        }
        int[] del = {index[pos], index[other]};
        if (screen.deletable(current, del, stateAt(current, checkpoints, del[0]))) {
          current = without(current, del);
          gone[pos] = true;
          gone[other] = true;
          for (int q = pos + 1; q < kept.length; q++) {
            index[q] -= q > other ? 2 : 1;
          }
          publish(current, false);
        }
        tick(current, "pairs about one pid");
      }
      return current;
    }

    /** The model's state after {@code kept[0 .. pos)}, from the checkpoint at or before it. */
    private ModelPidAllocator stateAt(int[] kept, ModelPidAllocator[] checkpoints, int pos) {
      int c = pos / CHECKPOINT_EVERY;
      ModelPidAllocator m = checkpoints[c].copy();
      for (int q = c * CHECKPOINT_EVERY; q < pos; q++) {
        screen.apply(m, kept[q]);
      }
      return m;
    }

    /**
     * The state before positions 0, C, 2C, ... of {@code kept}. Deleting at a position leaves
     * every checkpoint at or before it valid, which is why the passes go from the end.
     */
    private ModelPidAllocator[] checkpoints(int[] kept) {
      ModelPidAllocator[] cps = new ModelPidAllocator[kept.length / CHECKPOINT_EVERY + 1];
      ModelPidAllocator m = screen.fresh();
      for (int pos = 0; pos <= kept.length; pos++) {
        if (pos % CHECKPOINT_EVERY == 0) {
          cps[pos / CHECKPOINT_EVERY] = m.copy();
        }
        if (pos < kept.length) {
          screen.apply(m, kept[pos]);
        }
      }
      return cps;
    }

    private void publish(int[] kept, boolean now) {
      long t = System.nanoTime();
      if (now || t - published > 250_000_000L) {
        published = t;
        control.improved(lines(kept));
      }
    }

    private void tick(int[] kept, String pass) {
      control.tick(() -> String.format(java.util.Locale.ROOT,
          "shrink: %d lines -> %d (deleting %s; %,d model steps)", original, kept.length + 1,
          pass, screen.steps()));
    }

    private static int[] without(int[] kept, int[] del) {
      int[] out = new int[kept.length - del.length];
      int d = 0;
      int o = 0;
      for (int pos = 0; pos < kept.length; pos++) {
        if (d < del.length && del[d] == pos) {
          d++;
        } else {
          out[o++] = kept[pos];
        }
      }
      return out;
    }

    private static int[] range(int n) {
      return range(0, n);
    }

    private static int[] range(int from, int to) {
      int[] r = new int[to - from];
      Arrays.setAll(r, i -> from + i);
      return r;
    }
  }
}
