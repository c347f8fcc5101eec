package pidmap.explorer.interleave;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;

/**
 * Classifies each complete execution's history against the sequential specifications of
 * docs/LINEARIZABILITY.md: whether some order of its operations that respects real time (an
 * operation that ended before another began comes first) answers as the specification does
 * (Wing and Gong's search). (a) alloc returns some free pid in [1, pid_max) or fails, free frees
 * exactly the allocated pids, next returns the smallest allocated pid above its argument; (a+)
 * (a), and alloc fails only when at most one pid of [RESERVED_PIDS, pid_max) is free; (b) every
 * answer is the model's (the seed's cyclic order). Not thread-safe.
 */
final class Histories {
  static final String SOME_FREE = "(a) some free pid";
  static final String SOME_FREE_FAILS_RARELY = "(a+) and fails only with at most one pid free";
  static final String SEED_ORDER = "(b) the seed's order (the model)";

  private final Plan plan;
  private final Geometry g;
  private final Map<String, Long> linearizable = new LinkedHashMap<>();

  Histories(Plan plan) {
    this.plan = plan;
    this.g = plan.geometry();
    for (String spec : List.of(SOME_FREE, SOME_FREE_FAILS_RARELY, SEED_ORDER)) {
      linearizable.put(spec, 0L);
    }
  }

  /** How many end states' histories are linearizable to each specification. */
  Map<String, Long> counts() {
    return Map.copyOf(linearizable);
  }

  /** One operation of a history. */
  private record Op(int thread, int index, int kind, int arg, int answer, int[] clock) {}

  void classify(State end) {
    List<Op> ops = new ArrayList<>();
    for (int t = 0; t < end.runs.length; t++) {
      Run r = end.runs[t];
      for (int i = 0; i < r.done(); i++) {
        ops.add(new Op(t, i, r.kinds[i], r.args[i], r.answers[i], r.clocks[i]));
      }
    }
    for (String spec : linearizable.keySet()) {
      if (search(spec, ops, 0L, 1L, 0, new HashSet<>())) {
        linearizable.merge(spec, 1L, Long::sum);
      }
    }
  }

  /**
   * Whether the operations not yet in {@code placed} can follow, in some real-time-respecting
   * order, from the specification state (allocated set {@code set}, last_pid {@code last}).
   */
  private boolean search(String spec, List<Op> ops, long placed, long set, int last,
      Set<String> dead) {
    if (Long.bitCount(placed) == ops.size()) {
      return true;
    }
    String key = placed + ":" + set + ":" + last;
    if (dead.contains(key)) {
      return false;
    }
    for (int i = 0; i < ops.size(); i++) {
      if ((placed & (1L << i)) != 0 || !minimal(ops, i, placed)) {
        continue;
      }
      long[] next = after(spec, ops.get(i), set, last);
      if (next != null && search(spec, ops, placed | (1L << i), next[0], (int) next[1], dead)) {
        return true;
      }
    }
    dead.add(key);
    return false;
  }

  /** Whether every operation that ended before op i began is placed. */
  private static boolean minimal(List<Op> ops, int i, long placed) {
    Op o = ops.get(i);
    for (int j = 0; j < ops.size(); j++) {
      Op p = ops.get(j);
      if ((placed & (1L << j)) == 0 && p.thread() != o.thread() && o.clock()[p.thread()] > p.index()) {
        return false;
      }
      if ((placed & (1L << j)) == 0 && p.thread() == o.thread() && p.index() < o.index()) {
        return false;
      }
    }
    return true;
  }

  /** The specification's state after op, or null when its answer is not allowed. */
  private long[] after(String spec, Op o, long set, int last) {
    int pidMax = g.defaultPidMax();
    switch (o.kind()) {
      case Interleaving.ALLOC: {
        if (spec.equals(SEED_ORDER)) {
          ModelPidAllocator m = model(set, last);
          int want = m.alloc();
          return want == o.answer() ? state(m) : null;
        }
        if (o.answer() < 0) {
          long range = (1L << pidMax) - (1L << g.reservedPids());
          boolean allowed = spec.equals(SOME_FREE) || Long.bitCount(range & ~set) <= 1;
          return allowed ? new long[] {set, last} : null;
        }
        boolean free = o.answer() >= 1 && o.answer() < pidMax && (set & (1L << o.answer())) == 0;
        return free ? new long[] {set | (1L << o.answer()), o.answer()} : null;
      }
      case Interleaving.FREE: {
        boolean allocated = o.arg() > 0 && (set & (1L << o.arg())) != 0;
        if (allocated != (o.answer() == Interleaving.OK)) {
          return null;
        }
        return new long[] {allocated ? set & ~(1L << o.arg()) : set, last};
      }
      case Interleaving.NEXT: {
        long above = set & (-1L << (o.arg() + 1));
        int want = above == 0 ? -1 : Long.numberOfTrailingZeros(above);
        return want == o.answer() ? new long[] {set, last} : null;
      }
      default:
        throw new AssertionError(o);
    }
  }

  private ModelPidAllocator model(long set, int last) {
    BitSet pages = new BitSet();
    pages.set(0, g.pidmapEntries());
    try {
      return ModelPidAllocator.at(g, plan.profile(), BitSet.valueOf(new long[] {set}), pages,
          last, g.defaultPidMax());
    } catch (PidmapException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long[] state(ModelPidAllocator m) {
    long[] words = m.allocated().toLongArray();
    return new long[] {words[0], m.lastPid()};
  }
}
