package pidmap.explorer;

import java.util.BitSet;
import java.util.List;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * Runs every operation from one state on the model and on the candidate, each put at the state
 * without a path to it, and checks each step: the candidate's answer by the invariants about
 * answers (ALLOC-1, ALLOC-2, ALLOC-4, NEXT-1), its whole concrete state after the step against
 * the state its own answer implies ({@link ConcreteState}: PIDMAP-1 to PIDMAP-4, ALLOC-3,
 * INPUT-1), its answer against the model's, and the model's answer and state the same way. The
 * expected states and next's answer are computed here, in the explorer's own bit arithmetic,
 * from the state and the answers; they share no code with model or impl.
 *
 * <p>Not thread-safe: one per worker thread.
 */
final class Expander {

  /** A failing step: from which state, which operation, both answers and what failed. */
  record Finding(long state, int opCode, Outcome reference, Outcome got, String message) {
    Op op() {
      return Ops.op(opCode);
    }
  }

  /** Told each successor that differs from its state. */
  @FunctionalInterface
  interface Successors {
    void accept(long from, int opCode, long to);
  }

  private final Geometry g;
  private final Profile profile;
  private final int shift;
  private final Candidate.Positioned candidate;
  private final boolean direct;
  private final int[][] opsByPidMax;
  private final PidmapException[] candidateRefusal = new PidmapException[1];
  private final PidmapException[] refusal = new PidmapException[1];
  private ModelPidAllocator model;
  private long modelAt = -1;
  private long candidateAt = -1;
  /** The model's answers, refusals and failures from {@link #modelTriple}, per operation. */
  private long modelTriple = -1;
  private int[] modelAnswers = new int[0];
  private PidmapException[] modelRefusals = new PidmapException[0];
  private String[] modelFailures = new String[0];
  long transitions;

  Expander(Scope scope, Candidate c) {
    this.g = scope.geometry();
    this.profile = scope.profile();
    this.shift = g.pageShift();
    this.candidate = c.positioned(g, profile);
    this.direct = c.direct();
    this.opsByPidMax = new int[g.pidMaxLimit() + 1][];
    for (int pm = g.pidMaxMin(); pm <= g.pidMaxLimit(); pm++) {
      opsByPidMax[pm] = Ops.from(pm, g);
    }
  }

  /**
   * Runs every operation from {@code s} (reached by {@code path}, which only a black-box
   * candidate reads) and tells {@code out} each successor; the first failure in operation order,
   * or null.
   */
  Finding expand(long s, List<Op> path, Successors out) {
    int[] ops = opsByPidMax[StateCode.pidMax(s)];
    runModel(s, ops);
    for (int i = 0; i < ops.length; i++) {
      Finding f = step(s, path, ops[i], i, out);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /**
   * The model's answer to every operation from the allocated set, last_pid and pid_max of
   * {@code s}, each checked (answer invariants, successor state): the model's answers do not
   * depend on the installed pages, so the states that differ only in those share one run.
   */
  private void runModel(long s, int[] ops) {
    long triple = StateCode.withInstalled(s, 0);
    if (triple == modelTriple) {
      return;
    }
    if (modelAnswers.length < ops.length) {
      modelAnswers = new int[ops.length];
      modelRefusals = new PidmapException[ops.length];
      modelFailures = new String[ops.length];
    }
    long at = StateCode.withInstalled(s, StateCode.pagesOf(StateCode.set(s), g));
    for (int i = 0; i < ops.length; i++) {
      positionModel(at);
      int mr = Ops.run(model, ops[i], refusal);
      modelAnswers[i] = mr;
      modelRefusals[i] = mr == Ops.REFUSED ? refusal[0] : null;
      String f = answerInvariants(at, ops[i], mr, mr, " (in the model)");
      long next = at;
      if (f == null) {
        next = successor(at, ops[i], mr);
        f = modelDiffers(ops[i], next, at);
      }
      modelFailures[i] = f;
      modelAt = next;
    }
    modelTriple = triple;
  }

  private Finding step(long s, List<Op> path, int code, int i, Successors out) {
    if (candidateAt != s) {
      candidate.position(s, path);
      candidateAt = s;
      if (!direct) {
        String d = candidate.differs(s, s);
        if (d != null) {
          return new Finding(s, code, null, null,
              "replaying the path to this state left the candidate elsewhere: " + d);
        }
      }
    }
    transitions++;
    int mr = modelAnswers[i];
    int cr = candidate.run(code, candidateRefusal);
    String f = answerInvariants(s, code, cr, mr, "");
    long candidateNext = s;
    if (f == null) {
      candidateNext = successor(s, code, cr);
      f = candidate.differs(candidateNext, s);
      if (f != null && cr == Ops.REFUSED) {
        f = "invariant INPUT-1 failed: the input was refused but the state changed (" + f + ")";
      }
    }
    if (f == null && (mr != cr || (mr == Ops.REFUSED
        && !modelRefusals[i].sameRefusal(candidateRefusal[0])))) {
      f = "the model answers " + outcome(code, mr, modelRefusals[i]) + " but the impl answers "
          + outcome(code, cr, candidateRefusal[0]);
    }
    if (f == null) {
      f = modelFailures[i];
    }
    if (f != null) {
      return new Finding(s, code, outcome(code, mr, modelRefusals[i]),
          outcome(code, cr, candidateRefusal[0]), f);
    }
    if (candidateNext != s) {
      candidateAt = -1;
      out.accept(s, code, candidateNext);
    }
    return null;
  }

  private Outcome outcome(int code, int answer, PidmapException refused) {
    return Ops.outcome(code, answer, refused, profile.exhaustionErrno());
  }

  /**
   * The model at {@code s}: moved back there through its own operations when it stands one step
   * away (set_last or set_pid_max when only that differs; allocExactly of the one pid a free took,
   * or free of the one pid an alloc took and set_last, when the set differs by that pid), else
   * put there afresh. Each move back is checked against {@code s}.
   */
  private void positionModel(long s) {
    if (modelAt == s) {
      return;
    }
    if (modelAt != -1 && StateCode.pidMax(modelAt) == StateCode.pidMax(s)
        && moveBack(s)) {
      modelAt = s;
      return;
    }
    if (modelAt != -1 && StateCode.withPidMax(modelAt, StateCode.pidMax(s)) == s) {
      model.setPidMax(StateCode.pidMax(s));
      modelAt = s;
      return;
    }
    model = ModelPidAllocator.at(g, profile, BitSet.valueOf(new long[] {StateCode.set(s)}),
        BitSet.valueOf(new long[] {StateCode.installed(s)}), StateCode.lastPid(s),
        StateCode.pidMax(s));
    modelAt = s;
  }

  /** Moves the model from {@code modelAt} back to {@code s} (same pid_max); whether it could. */
  private boolean moveBack(long s) {
    long have = StateCode.set(modelAt);
    long want = StateCode.set(s);
    long extra = have & ~want;
    long missing = want & ~have;
    int last = StateCode.lastPid(s);
    if (Long.bitCount(extra) + Long.bitCount(missing) > 1
        || last > StateCode.pidMax(s)) {
      return false;
    }
    if (missing != 0) {
      int pid = Long.numberOfTrailingZeros(missing);
      if (model.allocExactly(pid) != pid) {
        throw new IllegalStateException("the model refused to take back " + pid);
      }
    } else if (extra != 0) {
      model.free(Long.numberOfTrailingZeros(extra));
    }
    if (model.lastPid() != last) {
      model.setLastPid(last);
    }
    if (model.lastPid() != last || model.allocatedCount() != Long.bitCount(want)) {
      throw new IllegalStateException("moving the model back to " + StateCode.toString(s)
          + " left it at " + model);
    }
    return true;
  }

  /**
   * The invariants about one answer {@code a} in state {@code s}: ALLOC-1 (not a held pid),
   * ALLOC-4 (in [1, pid_max)), ALLOC-2 (fails only when the rule, that is the model, {@code mr},
   * found one), NEXT-1 (the smallest allocated pid above the argument).
   */
  private String answerInvariants(long s, int code, int a, int mr, String where) {
    long set = StateCode.set(s);
    int arg = Ops.arg(code);
    switch (Ops.kind(code)) {
      case Ops.ALLOC:
        if (a >= 0 && a < 64 && (set & (1L << a)) != 0) {
          return "invariant ALLOC-1 failed: alloc handed out " + a + ", which was already"
              + " allocated" + where;
        }
        if (a != Ops.NONE && (a < 1 || a >= StateCode.pidMax(s))) {
          return "invariant ALLOC-4 failed: alloc handed out " + a + ", outside [1, "
              + StateCode.pidMax(s) + ")" + where;
        }
        if (a == Ops.NONE && mr >= 0) {
          return "invariant ALLOC-2 failed: alloc failed with " + profile.exhaustionErrno()
              + " although the rule had a free candidate" + where;
        }
        return null;
      case Ops.NEXT:
        if (a == Ops.REFUSED) {
          return null;
        }
        int want = nextAbove(set, arg);
        return a == want ? null
            : "invariant NEXT-1 failed: next " + arg + " returned " + a + ", expected " + want
                + where;
      default:
        return null;
    }
  }

  /** The smallest pid of {@code set} above {@code last}, or -1. */
  static int nextAbove(long set, int last) {
    long above = last >= 63 ? 0 : set & (-1L << (last + 1));
    return above == 0 ? -1 : Long.numberOfTrailingZeros(above);
  }

  /** The state after the operation of {@code code} answered {@code a} in {@code s}. */
  long successor(long s, int code, int a) {
    int arg = Ops.arg(code);
    switch (Ops.kind(code)) {
      case Ops.ALLOC:
        return a >= 0
            ? StateCode.of(StateCode.set(s) | (1L << a), a, StateCode.pidMax(s),
                StateCode.installed(s) | (1 << (a >>> shift)))
            : s;
      case Ops.FREE:
        return a == Ops.OK ? StateCode.withSet(s, StateCode.set(s) & ~(1L << arg)) : s;
      case Ops.SET_LAST:
        return a == Ops.OK ? StateCode.withLastPid(s, arg) : s;
      case Ops.SET_PID_MAX:
        return a == Ops.OK ? StateCode.withPidMax(s, arg) : s;
      default:
        return s;
    }
  }

  /**
   * The model's state against {@code expected}: last_pid and pid_max after every step, the whole
   * allocated set after an alloc or a free (the only operations that may change it).
   */
  private String modelDiffers(int code, long expected, long before) {
    String d = ConcreteState.scalars(model.lastPid(), model.pidMax(), expected);
    int kind = Ops.kind(code);
    if (d == null && (kind == Ops.ALLOC || kind == Ops.FREE)) {
      long[] words = model.allocated().toLongArray();
      long have = words.length == 0 ? 0 : words[0];
      if (words.length > 1 || have != StateCode.set(expected)) {
        int pid = words.length > 1 ? 64 : Long.numberOfTrailingZeros(have ^ StateCode.set(expected));
        boolean allocated = words.length > 1 || (have >>> pid & 1) != 0;
        d = "pid " + pid + " is " + (allocated ? "allocated" : "free")
            + " in the model but should be " + (allocated ? "free" : "allocated");
      }
    }
    return d == null ? null : d + " (in the model)";
  }
}
