package pidmap.engine.invariants;

import java.util.List;
import java.util.Optional;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Invariant;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * The predicates of the allocator's invariants ({@link Invariant.Part#ALLOCATOR}; the ids,
 * sentences and seed lines are the contract's, in spec). The differential engine checks each
 * after every step, on the model and on the candidate, in the order of {@link #ALL}.
 */
public final class Invariants {
  private Invariants() {}


  public static final InvariantCheck PID0_RESERVED = new InvariantCheck(Invariant.PIDMAP_1,
      s -> s.allocator().isAllocated(0) ? null : "pid 0 is not allocated");

  public static final InvariantCheck COUNTER_MATCHES_BITS = new InvariantCheck(Invariant.PIDMAP_2,
      s -> {
        InspectablePidAllocator a = s.allocator();
        int bpp = a.geometry().bitsPerPage();
        for (int p = s.firstPageToCheck(); p <= s.lastPageToCheck(); p++) {
          int counter = a.pageFreeCounter(p);
          int set = a.pageSetBits(p);
          if (counter != bpp - set) {
            return "page " + p + " has free counter " + counter + " but " + set + " of " + bpp
                + " bits set";
          }
        }
        return null;
      });

  public static final InvariantCheck PAGES_ON_FIRST_USE = new InvariantCheck(Invariant.PIDMAP_3,
      s -> {
        InspectablePidAllocator a = s.allocator();
        if (!a.pageInstalled(0)) {
          return "page 0 is not installed";
        }
        for (int p = Math.max(1, s.firstPageToCheck()); p <= s.lastPageToCheck(); p++) {
          if (!a.pageInstalled(p) && a.pageSetBits(p) != 0) {
            return "page " + p + " has bits set but is not installed";
          }
        }
        return null;
      });

  public static final InvariantCheck NEVER_TWICE = new InvariantCheck(Invariant.ALLOC_1,
      s -> s.op().kind() == Op.Kind.ALLOC
              && s.outcome().kind() == Outcome.Kind.PID
              && s.heldBefore(s.outcome().pid())
          ? "alloc handed out " + s.outcome().pid() + ", which was already allocated"
          : null);

  public static final InvariantCheck FAILS_ONLY_WHEN_EMPTY = new InvariantCheck(Invariant.ALLOC_2,
      s -> s.op().kind() == Op.Kind.ALLOC
              && s.outcome().kind() == Outcome.Kind.ERRNO
              && s.candidateExisted()
          ? "alloc failed with " + s.outcome().text() + " although the rule had a free candidate"
          : null);

  public static final InvariantCheck LAST_PID_TRACKS = new InvariantCheck(Invariant.ALLOC_3,
      s -> s.allocator().lastPid() == s.expectedLastPid()
          ? null
          : "last_pid is " + s.allocator().lastPid() + ", expected " + s.expectedLastPid());

  public static final InvariantCheck IN_RANGE = new InvariantCheck(Invariant.ALLOC_4,
      s -> {
        if (s.op().kind() != Op.Kind.ALLOC || s.outcome().kind() != Outcome.Kind.PID) {
          return null;
        }
        int pid = s.outcome().pid();
        int max = s.pidMaxBefore();
        return pid >= 1 && pid < max ? null : "alloc handed out " + pid + ", outside [1, " + max + ")";
      });

  public static final InvariantCheck NOTHING_LOST = new InvariantCheck(Invariant.PIDMAP_4,
      s -> {
        InspectablePidAllocator a = s.allocator();
        if (a.allocatedCount() != s.heldCountAfter()) {
          return a.allocatedCount() + " pids are allocated but " + s.heldCountAfter()
              + " were handed out and not freed";
        }
        long arg = s.op().arg();
        if ((s.op().kind() == Op.Kind.FREE) && arg >= 0 && arg < a.geometry().pidMaxLimit()) {
          int pid = (int) arg;
          if (a.isAllocated(pid) != s.heldAfterStep(pid)) {
            return "pid " + pid + " is " + (a.isAllocated(pid) ? "allocated" : "free")
                + " after the step but should be " + (s.heldAfterStep(pid) ? "allocated" : "free");
          }
        }
        return null;
      });

  public static final InvariantCheck NEXT_IS_SMALLEST_ABOVE = new InvariantCheck(Invariant.NEXT_1,
      s -> {
        if (s.op().kind() != Op.Kind.NEXT || s.outcome().kind() != Outcome.Kind.PID) {
          return null;
        }
        int want = s.heldAfter((int) s.op().arg());
        return s.outcome().pid() == want
            ? null
            : "next " + s.op().arg() + " returned " + s.outcome().pid() + ", expected " + want;
      });

  public static final InvariantCheck REFUSAL_CHANGES_NOTHING = new InvariantCheck(Invariant.INPUT_1,
      s -> s.outcome().kind() == Outcome.Kind.REFUSED && !s.stateUnchanged()
          ? "the input was refused but the state changed"
          : null);

  /**
   * Every invariant, in the order they are checked: the rules about a step's answer first (they
   * name the cause most directly: "handed out a held pid"), then the rules about the state.
   */
  public static final List<InvariantCheck> ALL = List.of(
      NEVER_TWICE, IN_RANGE, FAILS_ONLY_WHEN_EMPTY, NEXT_IS_SMALLEST_ABOVE, LAST_PID_TRACKS,
      REFUSAL_CHANGES_NOTHING, PID0_RESERVED, COUNTER_MATCHES_BITS, PAGES_ON_FIRST_USE,
      NOTHING_LOST);

  public static Optional<InvariantCheck> byId(String id) {
    return ALL.stream().filter(i -> i.invariant().id().equals(id)).findFirst();
  }
}
