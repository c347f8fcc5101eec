package pidmap.engine.shrink;

import java.util.BitSet;
import java.util.List;
import pidmap.engine.Apply;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;
import pidmap.trace.Outcome;
import pidmap.trace.TraceLine;

/**
 * The fast half of {@link TraceShrinker}: decides on the model alone whether a subsequence of a
 * trace still "fails alike" (every kept line's expect is met by the model, and the last line gets
 * the model's original answer, which its expect does not accept), without replaying the whole
 * subsequence for each try.
 *
 * <p>A try deletes some lines from the current subsequence, which itself passes. It starts from
 * a copy of the model's state just before the first deleted line (kept as a checkpoint, so the
 * prefix is not replayed) and runs two models from there: one on the current subsequence, one
 * without the deleted lines. It rejects as soon as a kept expect fails, and accepts as soon as the
 * two models' states are equal again (same allocated set, last_pid and pid_max: from there on
 * both answer alike, and the current subsequence passes). The allocated sets are compared through
 * their difference, kept up to date from the two runs' answers, so a step costs two model
 * operations whatever the number of live pids.
 *
 * <p>Not thread-safe: one shrink at a time.
 */
final class ModelScreen {
  private final Geometry geometry;
  private final Profile profile;
  private final List<TraceLine> lines;
  private final TraceLine last;
  private final Outcome target;
  private long steps;

  /**
   * @param lines the original trace, its last line the failing one
   * @param target the model's answer to the last line in the original run
   */
  ModelScreen(Geometry geometry, Profile profile, List<TraceLine> lines, Outcome target) {
    this.geometry = geometry;
    this.profile = profile;
    this.lines = List.copyOf(lines);
    this.last = lines.get(lines.size() - 1);
    this.target = target;
  }

  /** A model in the fresh state. */
  ModelPidAllocator fresh() {
    return new ModelPidAllocator(geometry, profile);
  }

  /** Model operations run so far, for progress reports. */
  long steps() {
    return steps;
  }

  /** Runs line {@code index} of the original trace on {@code m}. */
  Outcome apply(ModelPidAllocator m, int index) {
    steps++;
    return Apply.run(lines.get(index).op(), m);
  }

  /** Whether the subsequence {@code kept} (indices of the lines before the last) passes. */
  boolean passes(int[] kept) {
    ModelPidAllocator m = fresh();
    for (int i : kept) {
      TraceLine l = lines.get(i);
      Outcome o = apply(m, i);
      if (l.expect() != null && !l.expect().matches(o)) {
        return false;
      }
    }
    return endsAlike(m);
  }

  private boolean endsAlike(ModelPidAllocator m) {
    steps++;
    Outcome o = Apply.run(last.op(), m);
    return o.equals(target) && (last.expect() == null || !last.expect().matches(o));
  }

  /**
   * Whether {@code kept} without the positions {@code del} (ascending; a position is an index
   * into {@code kept}) still passes, given that {@code kept} passes and {@code base} is the
   * model's state after {@code kept[0 .. del[0])}. {@code base} is not changed.
   */
  boolean deletable(int[] kept, int[] del, ModelPidAllocator base) {
    ModelPidAllocator keep = base.copy();
    ModelPidAllocator drop = base.copy();
    BitSet diff = new BitSet();
    int[] differing = {0};
    int d = 0;
    for (int pos = del[0]; pos < kept.length; pos++) {
      int i = kept[pos];
      Outcome k = apply(keep, i);
      if (d < del.length && del[d] == pos) {
        d++;
        toggle(lines.get(i).op(), k, diff, differing);
        continue;
      }
      Outcome o = apply(drop, i);
      TraceLine l = lines.get(i);
      if (l.expect() != null && !l.expect().matches(o)) {
        return false;
      }
      toggle(l.op(), k, diff, differing);
      toggle(l.op(), o, diff, differing);
      if (d == del.length && differing[0] == 0 && keep.lastPid() == drop.lastPid()
          && keep.pidMax() == drop.pidMax()) {
        return true; // the same state from here on: the rest passes as kept does
      }
    }
    return endsAlike(drop);
  }

  /** Flips the pid whose allocation {@code op} changed when it answered {@code o}. */
  private static void toggle(Op op, Outcome o, BitSet diff, int[] differing) {
    int pid;
    if (op.kind() == Op.Kind.ALLOC && o.kind() == Outcome.Kind.PID) {
      pid = o.pid();
    } else if (op.kind() == Op.Kind.FREE && o.kind() == Outcome.Kind.OK) {
      pid = (int) op.arg();
    } else {
      return;
    }
    boolean was = diff.get(pid);
    diff.flip(pid);
    differing[0] += was ? -1 : 1;
  }

  /**
   * The lines of {@code kept} that change nothing in the model's state (a next, a refused input,
   * an alloc that found no pid, a set to the value already there): deleting all of them at once
   * changes no other answer.
   */
  boolean[] noOps(int[] kept) {
    boolean[] noOp = new boolean[kept.length];
    ModelPidAllocator m = fresh();
    for (int pos = 0; pos < kept.length; pos++) {
      int lastPid = m.lastPid();
      int pidMax = m.pidMax();
      int count = m.allocatedCount();
      apply(m, kept[pos]);
      noOp[pos] = m.lastPid() == lastPid && m.pidMax() == pidMax && m.allocatedCount() == count;
    }
    return noOp;
  }

  /**
   * The pid each line of {@code kept} is about when run: an alloc's answer, a free's or
   * set_last's or next's argument; -1 for the rest.
   */
  int[] pids(int[] kept) {
    int[] pid = new int[kept.length];
    ModelPidAllocator m = fresh();
    for (int pos = 0; pos < kept.length; pos++) {
      Op op = lines.get(kept[pos]).op();
      Outcome o = apply(m, kept[pos]);
      if (op.kind() == Op.Kind.ALLOC) {
        pid[pos] = o.kind() == Outcome.Kind.PID ? o.pid() : -1;
      } else if (op.kind() == Op.Kind.SET_PID_MAX) {
        pid[pos] = -1;
      } else {
        pid[pos] = op.arg() >= 0 && op.arg() <= Integer.MAX_VALUE ? (int) op.arg() : -1;
      }
    }
    return pid;
  }
}
