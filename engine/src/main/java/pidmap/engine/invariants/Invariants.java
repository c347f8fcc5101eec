package pidmap.engine.invariants;

import java.util.List;
import java.util.Optional;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Invariant;
import pidmap.spec.Oracle;
import pidmap.spec.PidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * The predicates of the allocator's invariants ({@link Invariant.Part#ALLOCATOR}; the ids,
 * sentences and seed lines are the contract's, in spec). The differential engine checks each
 * after every step, on the model and on the candidate, in the order of {@link #ALL}.
 */
public final class Invariants {
  private Invariants() {}


  @Oracle(value = Invariant.PIDMAP_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "reads the allocator's own bit for pid 0: nothing computed that could be shared")
  public static final InvariantCheck PID0_RESERVED = new InvariantCheck(Invariant.PIDMAP_1,
      s -> s.allocator().isAllocated(0) ? null : "pid 0 is not allocated");

  @Oracle(value = Invariant.PIDMAP_2, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.DEFINITIONAL,
      basis = "the impl's counter array against its bit words, two separate stores; on the model the counter is defined as bits_per_page minus its set's bits, so the check there is definitional: its set is held to the ledger (PIDMAP-4) and its counters to the impl's after every step")
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

  @Oracle(value = Invariant.PIDMAP_3, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the engine's ledger of the pages every alloc's search passed through, from brute-force scans of the ledger (engine.scan: the seed's loop line by line, idr_alloc_cyclic for linux-6)")
  public static final InvariantCheck PAGES_WHERE_SEARCHED = new InvariantCheck(Invariant.PIDMAP_3,
      Pages::violation);

  @Oracle(value = Invariant.ALLOC_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the ledger: pids handed out and not freed, kept from the answers alone")
  public static final InvariantCheck NEVER_TWICE = new InvariantCheck(Invariant.ALLOC_1,
      s -> s.op().kind() == Op.Kind.ALLOC
              && s.outcome().kind() == Outcome.Kind.PID
              && s.heldBefore(s.outcome().pid())
          ? "alloc handed out " + s.outcome().pid() + ", which was already allocated"
          : null);

  @Oracle(value = Invariant.ALLOC_2, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "a brute-force scan of the ledger written from the kernel's lines (engine.scan.SeedLoopScan, CyclicScan), sharing no code with the model's candidate ranges or the impl's pages")
  public static final InvariantCheck FAILS_ONLY_WHEN_EMPTY = new InvariantCheck(Invariant.ALLOC_2,
      s -> s.op().kind() == Op.Kind.ALLOC
              && s.outcome().kind() == Outcome.Kind.ERRNO
              && s.scan().pid() != PidAllocator.NO_PID
          ? "alloc failed with " + s.outcome().text() + " although the " + s.allocator().profile()
              + " search takes " + s.scan().pid() + " (a brute-force scan of the ledger)"
          : null);

  @Oracle(value = Invariant.ALLOC_5, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the same brute-force scan of the ledger as ALLOC-2, asked which pid it takes")
  public static final InvariantCheck TAKES_WHAT_THE_SEARCH_TAKES =
      new InvariantCheck(Invariant.ALLOC_5, s -> {
        if (s.op().kind() != Op.Kind.ALLOC || s.outcome().kind() == Outcome.Kind.REFUSED) {
          return null;
        }
        int want = s.scan().pid();
        int got = s.outcome().kind() == Outcome.Kind.PID ? s.outcome().pid() : PidAllocator.NO_PID;
        if (got == want) {
          return null;
        }
        return "alloc " + (got == PidAllocator.NO_PID ? "failed" : "handed out " + got)
            + ", but the " + s.allocator().profile() + " search "
            + (want == PidAllocator.NO_PID ? "takes none" : "takes " + want)
            + " (a brute-force scan of the ledger)";
      });

  @Oracle(value = Invariant.ALLOC_3, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the ledger: the pid last handed out or the value last set")
  public static final InvariantCheck LAST_PID_TRACKS = new InvariantCheck(Invariant.ALLOC_3,
      s -> s.allocator().lastPid() == s.expectedLastPid()
          ? null
          : "last_pid is " + s.allocator().lastPid() + ", expected " + s.expectedLastPid());

  @Oracle(value = Invariant.ALLOC_4, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the ledger's pid_max: the default or the last accepted set_pid_max")
  public static final InvariantCheck IN_RANGE = new InvariantCheck(Invariant.ALLOC_4,
      s -> {
        if (s.op().kind() != Op.Kind.ALLOC || s.outcome().kind() != Outcome.Kind.PID) {
          return null;
        }
        int pid = s.outcome().pid();
        int max = s.pidMaxBefore();
        return pid >= 1 && pid < max ? null : "alloc handed out " + pid + ", outside [1, " + max + ")";
      });

  @Oracle(value = Invariant.PIDMAP_4, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the ledger: pid 0 and the pids handed out and not freed")
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

  @Oracle(value = Invariant.NEXT_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the ledger's held set")
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

  @Oracle(value = Invariant.INPUT_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the allocator's own state before the step (last_pid, pid_max, count, the argument's bit, the whole set on a small geometry), compared with after")
  public static final InvariantCheck REFUSAL_CHANGES_NOTHING = new InvariantCheck(Invariant.INPUT_1,
      s -> s.outcome().kind() == Outcome.Kind.REFUSED && !s.stateUnchanged()
          ? "the input was refused but the state changed"
          : null);

  @Oracle(value = Invariant.INPUT_3, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the contract's bounds restated with plain comparisons in engine.invariants.Bounds, never through spec.Require, which model and impl both call")
  public static final InvariantCheck REFUSED_EXACTLY_OUT_OF_BOUNDS =
      new InvariantCheck(Invariant.INPUT_3, Bounds::violation);

  /**
   * Every invariant, in the order they are checked: the rules about a step's answer first (they
   * name the cause most directly: "handed out a held pid"), then the rules about the state.
   */
  public static final List<InvariantCheck> ALL = List.of(
      NEVER_TWICE, IN_RANGE, FAILS_ONLY_WHEN_EMPTY, TAKES_WHAT_THE_SEARCH_TAKES,
      NEXT_IS_SMALLEST_ABOVE, LAST_PID_TRACKS,
      REFUSED_EXACTLY_OUT_OF_BOUNDS, REFUSAL_CHANGES_NOTHING, PID0_RESERVED,
      COUNTER_MATCHES_BITS, PAGES_WHERE_SEARCHED, NOTHING_LOST);

  public static Optional<InvariantCheck> byId(String id) {
    return ALL.stream().filter(i -> i.invariant().id().equals(id)).findFirst();
  }
}
