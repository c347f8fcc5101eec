package pidmap.explorer;

import java.util.ArrayList;
import java.util.List;
import pidmap.spec.Geometry;
import pidmap.trace.Op;

/**
 * The operations the explorer runs from a state, in a fixed order (which decides, among
 * counterexamples of equal length, the one reported), and the operations that bring an allocator
 * back from a successor to the state it came from. Stateless.
 */
public final class Transitions {
  private Transitions() {}

  /**
   * Every operation from {@code state}, in this order: alloc; free of each pid from -1 to
   * pid_max_limit (pid 0, free pids and the two out-of-range ones must be refused); next after
   * each point from -1 to pid_max_limit; set_last to each value from -1 to pid_max+1;
   * set_pid_max to each value from pid_max_min-1 to pid_max_limit+1.
   */
  public static List<Op> from(long state, Geometry g) {
    int limit = g.pidMaxLimit();
    int pidMax = AbstractState.pidMax(state);
    List<Op> ops = new ArrayList<>(2 * limit + pidMax + limit + 16);
    ops.add(Op.alloc());
    for (int pid = -1; pid <= limit; pid++) {
      ops.add(Op.free(pid));
    }
    for (int last = -1; last <= limit; last++) {
      ops.add(Op.next(last));
    }
    for (int v = -1; v <= pidMax + 1; v++) {
      ops.add(Op.setLast(v));
    }
    for (int v = g.pidMaxMin() - 1; v <= limit + 1; v++) {
      ops.add(Op.setPidMax(v));
    }
    return ops;
  }

  /** How many operations {@link #from} yields for a state with this pid_max. */
  public static int count(int pidMax, Geometry g) {
    int limit = g.pidMaxLimit();
    return 1 + 2 * (limit + 2) + (pidMax + 3) + (limit - g.pidMaxMin() + 3);
  }

  /**
   * Accepted operations that take an allocator in state {@code from} to state {@code to}: free
   * the pids {@code to} lacks; take each pid {@code to} has and {@code from} lacks by
   * {@code set_last p-1; alloc} (under a pid_max raised above p if needed); then set pid_max and
   * last_pid (through a raised pid_max when last_pid lies above it).
   */
  public static List<Op> undo(long from, long to, Geometry g) {
    List<Op> ops = new ArrayList<>(6);
    long have = AbstractState.set(from);
    long want = AbstractState.set(to);
    int pidMax = AbstractState.pidMax(from);
    int last = AbstractState.lastPid(from);
    for (long extra = have & ~want; extra != 0; extra &= extra - 1) {
      ops.add(Op.free(Long.numberOfTrailingZeros(extra)));
    }
    for (long missing = want & ~have; missing != 0; missing &= missing - 1) {
      int pid = Long.numberOfTrailingZeros(missing);
      if (pidMax <= pid) {
        pidMax = g.pidMaxLimit();
        ops.add(Op.setPidMax(pidMax));
      }
      ops.add(Op.setLast(pid - 1));
      ops.add(Op.alloc());
      last = pid;
    }
    int wantMax = AbstractState.pidMax(to);
    int wantLast = AbstractState.lastPid(to);
    if (last != wantLast && wantLast > wantMax) {
      if (pidMax < wantLast) {
        pidMax = wantLast;
        ops.add(Op.setPidMax(pidMax));
      }
      ops.add(Op.setLast(wantLast));
      last = wantLast;
    }
    if (pidMax != wantMax) {
      ops.add(Op.setPidMax(wantMax));
    }
    if (last != wantLast) {
      ops.add(Op.setLast(wantLast));
    }
    return ops;
  }
}
