package pidmap.engine;

import java.util.function.IntSupplier;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.spec.Require;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * Runs one operation on an allocator and describes what happened. A refused input becomes a
 * {@link Outcome.Kind#REFUSED} outcome carrying the message; it is never thrown from here.
 * Stateless.
 */
public final class Apply {
  private Apply() {}

  /** Runs {@code op} on an allocator that knows its own geometry and profile. */
  public static Outcome run(Op op, InspectablePidAllocator a) {
    return run(op, a, a.geometry(), a.profile());
  }

  /**
   * Runs {@code op} on an allocator of geometry {@code g} under profile {@code p}. The allocator
   * itself must refuse a bad int argument: nothing is checked on its behalf, so a candidate
   * without a bound check is seen answering where the model refuses. Only an argument that no
   * int can carry is refused here, with the message the allocator's own check would give.
   */
  public static Outcome run(Op op, PidAllocator a, Geometry g, Profile p) {
    long arg = op.arg();
    try {
      switch (op.kind()) {
        case ALLOC: {
          int pid = a.alloc();
          return pid == PidAllocator.NO_PID ? Outcome.errno(p.exhaustionErrno()) : Outcome.pid(pid);
        }
        case FREE:
          a.free(narrow(op, () -> Require.pidInRange("pid", arg, g)));
          return Outcome.ok();
        case NEXT:
          return Outcome.pid(a.next(narrow(op, () -> Require.nextFrom(arg, g))));
        case SET_LAST:
          a.setLastPid(narrow(op, () -> Require.lastPid(arg, a.pidMax())));
          return Outcome.ok();
        case SET_PID_MAX:
          a.setPidMax(narrow(op, () -> Require.pidMax(arg, g)));
          return Outcome.ok();
        default:
          throw new AssertionError(op.kind());
      }
    } catch (PidmapException e) {
      return Outcome.refused(e.getMessage());
    }
  }

  /**
   * The argument as an int, for the allocator to judge; when it does not fit in an int,
   * {@code refusal} throws the refusal the allocator would give for it.
   */
  private static int narrow(Op op, IntSupplier refusal) {
    if (op.arg() == (int) op.arg()) {
      return (int) op.arg();
    }
    refusal.getAsInt(); // out of every range: throws
    throw new AssertionError("no refusal for " + op);
  }
}
