package pidmap.engine.invariants;

import pidmap.spec.Geometry;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * INPUT-3's predicate: the contract's bounds, restated here from {@code PidAllocator}'s Javadoc
 * with plain comparisons and never through {@code pidmap.spec.Require} (which model and impl
 * both call, so that their agreement alone would prove nothing): which parameter an input
 * breaks, and whether the allocator refused exactly those inputs, naming that parameter and the
 * value. The bound on free reads the ledger (allocated before the step), the bound on set_last
 * the ledger's pid_max. Stateless.
 */
final class Bounds {
  private Bounds() {}

  static String violation(Step s) {
    String broken = brokenParameter(s);
    boolean refused = s.outcome().kind() == Outcome.Kind.REFUSED;
    if (broken == null) {
      return refused ? s.op() + " was refused (" + s.outcome().text() + ") but breaks no bound"
          : null;
    }
    if (!refused) {
      return s.op() + " breaks the bound of " + broken + " but answered " + s.outcome();
    }
    String named = broken + ": " + s.op().arg() + " (expected: ";
    return s.outcome().text().startsWith(named) ? null
        : "the refusal of " + s.op() + " does not start \"" + named + "\": " + s.outcome().text();
  }

  /** The parameter the step's input breaks, or null when every bound holds. */
  static String brokenParameter(Step s) {
    Op op = s.op();
    Geometry g = s.allocator().geometry();
    long v = op.arg();
    switch (op.kind()) {
      case FREE:
        boolean held = v > 0 && v < g.pidMaxLimit() && s.heldBefore((int) v);
        return held ? null : "pid";
      case NEXT:
        return v >= 0 && v < g.pidMaxLimit() ? null : "after";
      case SET_LAST:
        return v >= 0 && v <= s.pidMaxBefore() ? null : "last_pid";
      case SET_PID_MAX:
        return v > g.reservedPids() && v <= g.pidMaxLimit() ? null : "pid_max";
      default:
        return null;
    }
  }
}
