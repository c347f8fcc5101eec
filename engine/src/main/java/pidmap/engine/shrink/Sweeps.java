package pidmap.engine.shrink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pidmap.model.ModelPidAllocator;
import pidmap.trace.Op;
import pidmap.trace.TraceLine;

/**
 * The passes of {@link TraceShrinker} over the kept lines of a trace (indices into the original,
 * the failing last line never among them), each try decided by a {@link ModelScreen}: no-ops,
 * runs of lines from the end, pairs about one pid, any run, and every subsequence of a short
 * trace. Every pass returns kept lines that the screen passes. Not thread-safe.
 */
final class Sweeps {
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
   * (at most 2^{@value TraceShrinker#EXHAUSTIVE_UP_TO} short replays): the result is minimal, not only
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
      Op.Kind k = lines.get(kept[pos]).op().kind();
      return k != Op.Kind.SET_LAST && k != Op.Kind.SET_PID_MAX;
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
    int c = pos / TraceShrinker.CHECKPOINT_EVERY;
    ModelPidAllocator m = checkpoints[c].copy();
    for (int q = c * TraceShrinker.CHECKPOINT_EVERY; q < pos; q++) {
      screen.apply(m, kept[q]);
    }
    return m;
  }

  /**
   * The state before positions 0, C, 2C, ... of {@code kept}. Deleting at a position leaves
   * every checkpoint at or before it valid, which is why the passes go from the end.
   */
  private ModelPidAllocator[] checkpoints(int[] kept) {
    ModelPidAllocator[] cps = new ModelPidAllocator[kept.length / TraceShrinker.CHECKPOINT_EVERY + 1];
    ModelPidAllocator m = screen.fresh();
    for (int pos = 0; pos <= kept.length; pos++) {
      if (pos % TraceShrinker.CHECKPOINT_EVERY == 0) {
        cps[pos / TraceShrinker.CHECKPOINT_EVERY] = m.copy();
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
