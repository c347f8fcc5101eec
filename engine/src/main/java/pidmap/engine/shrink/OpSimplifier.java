package pidmap.engine.shrink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import pidmap.spec.Geometry;
import pidmap.trace.Op;

/**
 * The trace-specific moves of the {@link Shrinker}: simpler arguments for one operation, and
 * "compressions" of the pid space that move several arguments at once.
 *
 * <p>Simpler is a strict order, so shrinking ends: an argument's rank is its position among the
 * kind's landmarks (for {@code set_last}: 0, RESERVED-1, RESERVED; for {@code set_pid_max}:
 * pid_max_min; for {@code next}: 0) or, if it is none, the number of landmarks plus twice its
 * magnitude (plus one when negative). Landmarks let a {@code set_last} jump up to RESERVED-1,
 * which often makes a run of allocs below RESERVED unnecessary.
 *
 * <p>A compression shifts every pid-valued argument at or above a threshold down by the same
 * amount. A trace that fills [R, 358) and frees 356 cannot lose its pid_max or its free alone,
 * but shifted together they keep the failure, and the allocs that no longer fit are then
 * removed by ddmin.
 *
 * <p>Immutable and thread-safe.
 */
public final class OpSimplifier {

  private final long[] setLastMarks;
  private final long[] setPidMaxMarks;
  private final Geometry geometry; // null for plain()
  private static final long[] NEXT_MARKS = {0};
  private static final long[] NONE = {};

  private OpSimplifier(long[] setLastMarks, long[] setPidMaxMarks, Geometry geometry) {
    this.setLastMarks = setLastMarks;
    this.setPidMaxMarks = setPidMaxMarks;
    this.geometry = geometry;
  }

  /** Knows nothing of the geometry: the only landmark is 0. */
  public static OpSimplifier plain() {
    return new OpSimplifier(new long[] {0}, NONE, null);
  }

  /** Knows the geometry's landmarks. */
  public static OpSimplifier forGeometry(Geometry g) {
    return new OpSimplifier(
        new long[] {0, g.reservedPids() - 1L, g.reservedPids()}, new long[] {g.pidMaxMin()}, g);
  }

  private long[] marks(Op.Kind kind) {
    switch (kind) {
      case SET_LAST:
        return setLastMarks;
      case SET_PID_MAX:
        return setPidMaxMarks;
      case NEXT:
        return NEXT_MARKS;
      default:
        return NONE;
    }
  }

  /** The rank of {@code op}'s argument: lower is simpler. */
  long rank(Op op) {
    long[] marks = marks(op.kind());
    for (int i = 0; i < marks.length; i++) {
      if (marks[i] == op.arg()) {
        return i;
      }
    }
    long a = op.arg();
    return marks.length + 2 * Math.abs(a) + (a < 0 ? 1 : 0);
  }

  /**
   * Strictly simpler versions of {@code op}, simplest first: its kind's landmarks, 0, and a
   * ladder of magnitudes 1, half, three quarters, ... up to one less. Alloc has none.
   */
  public List<Op> simpler(Op op) {
    if (op.kind() == Op.Kind.ALLOC) {
      return List.of();
    }
    long rank = rank(op);
    TreeSet<Op> out = new TreeSet<>(Comparator.comparingLong(this::rank));
    for (long m : marks(op.kind())) {
      out.add(new Op(op.kind(), m));
    }
    out.add(new Op(op.kind(), 0));
    long a = op.arg();
    long sign = Long.signum(a);
    long magnitude = Math.abs(a);
    for (long gap = magnitude - 1; gap > 0; gap /= 2) {
      out.add(new Op(op.kind(), sign * (magnitude - gap)));
    }
    List<Op> simpler = new ArrayList<>();
    for (Op o : out) {
      if (rank(o) < rank) {
        simpler.add(o);
      }
    }
    return simpler;
  }

  /**
   * Compressions of {@code ops}: for each distinct non-negative argument t, the trace with every
   * argument {@code >= t} shifted down by d, for d = t, t/2, t/4, ..., 1 (largest first).
   */
  public List<List<Op>> compressions(List<Op> ops) {
    TreeSet<Long> thresholds = new TreeSet<>();
    for (Op op : ops) {
      if (op.kind() != Op.Kind.ALLOC && op.arg() > 0) {
        thresholds.add(op.arg());
      }
    }
    List<List<Op>> out = new ArrayList<>();
    for (long t : thresholds.descendingSet()) {
      for (long d = t; d > 0; d /= 2) {
        List<Op> shifted = new ArrayList<>(ops.size());
        for (Op op : ops) {
          boolean moves = op.kind() != Op.Kind.ALLOC && op.arg() >= t;
          shifted.add(moves ? new Op(op.kind(), op.arg() - d) : op);
        }
        out.add(shifted);
      }
    }
    return out;
  }

  /**
   * Longer traces that may shrink further: {@code ops} behind a {@code set_pid_max} just above
   * its largest pid argument, so that a trace that filled the default pid_max can fill a smaller
   * one. The shrinker keeps a detour only if it ends up strictly shorter. None for plain().
   */
  public List<List<Op>> detours(List<Op> ops) {
    if (geometry == null) {
      return List.of();
    }
    long top = 0;
    for (Op op : ops) {
      if (op.kind() == Op.Kind.FREE || op.kind() == Op.Kind.SET_LAST
          || op.kind() == Op.Kind.NEXT) {
        top = Math.max(top, op.arg());
      }
    }
    List<List<Op>> out = new ArrayList<>();
    for (long v = top + 2; v >= top + 1; v--) {
      if (v >= geometry.pidMaxMin() && v < geometry.defaultPidMax()) {
        List<Op> detour = new ArrayList<>(ops.size() + 1);
        detour.add(Op.setPidMax(v));
        detour.addAll(ops);
        out.add(detour);
      }
    }
    return out;
  }
}
