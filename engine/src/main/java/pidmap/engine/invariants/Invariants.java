package pidmap.engine.invariants;

import java.util.List;
import java.util.Optional;
import pidmap.spec.InspectablePidAllocator;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * The catalog of the allocator's invariants. Each is checked after every step by the
 * differential engine; {@code docs/INVARIANTS.md} is generated from this list.
 */
public final class Invariants {
  private Invariants() {}

  private static final String DIFFERENTIAL = "DifferentialPropertiesTest#generatedTracesConform";
  private static final String BROKEN = "BrokenAllocatorsAreCaughtTest";
  private static final String EXPLORER =
      "ExplorerTest#everyReachableStateOfTheStandardScopesConforms";
  private static final String SOME_FREE_PID =
      "AllocLinearizabilityTest#allocReturnsSomeFreePidUnderModelChecking";

  public static final Invariant PID0_RESERVED = new Invariant(
      "PIDMAP-1",
      "Pid 0 is always allocated: it belongs to the idle task and is never handed out or freed.",
      "526-527, 654-656",
      List.of(DIFFERENTIAL, "BadInputTest#freeingPidZeroIsRefused", EXPLORER),
      s -> s.allocator().isAllocated(0) ? null : "pid 0 is not allocated");

  public static final Invariant COUNTER_MATCHES_BITS = new Invariant(
      "PIDMAP-2",
      "Every page's free counter equals bits_per_page minus the bits set in it"
          + " (a page never installed counts all its bits free).",
      "115-121, 151-154, 526-531",
      List.of(DIFFERENTIAL, BROKEN, EXPLORER, "ExplorerCatchesBrokenAllocatorsTest",
          "Alloc_03_AllocRacesFree"),
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

  public static final Invariant PAGES_ON_FIRST_USE = new Invariant(
      "PIDMAP-3",
      "A bitmap page exists only if it is page 0 or a pid in it has been allocated:"
          + " memory grows with the pids used, not with pid_max.",
      "66-69, 136-149",
      List.of(DIFFERENTIAL, EXPLORER, "Alloc_04_TwoAllocsInstallOnePage"),
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

  public static final Invariant NEVER_TWICE = new Invariant(
      "ALLOC-1",
      "An allocated pid is never handed out again until it is freed.",
      "153-156",
      List.of(DIFFERENTIAL, BROKEN, EXPLORER, SOME_FREE_PID, "Alloc_01_TwoAllocsNeverShareAPid",
          "Alloc_04_TwoAllocsInstallOnePage"),
      s -> s.op().kind() == Op.Kind.ALLOC
              && s.outcome().kind() == Outcome.Kind.PID
              && s.heldBefore(s.outcome().pid())
          ? "alloc handed out " + s.outcome().pid() + ", which was already allocated"
          : null);

  public static final Invariant FAILS_ONLY_WHEN_EMPTY = new Invariant(
      "ALLOC-2",
      "Alloc fails only when the profile's search rule has no free candidate.",
      "124-182",
      List.of(DIFFERENTIAL, "SeedQuirksTest", EXPLORER,
          "AllocLinearizabilityTest#allocCanFailWhileTwoPidsAreFree"),
      s -> s.op().kind() == Op.Kind.ALLOC
              && s.outcome().kind() == Outcome.Kind.ERRNO
              && s.candidateExisted()
          ? "alloc failed with " + s.outcome().text() + " although the rule had a free candidate"
          : null);

  public static final Invariant LAST_PID_TRACKS = new Invariant(
      "ALLOC-3",
      "last_pid equals the pid last handed out, or the value last set, whichever came later.",
      "126, 155",
      List.of(DIFFERENTIAL, EXPLORER,
          "AllocLinearizabilityTest#theLastPidStoreRaceBreaksTheSeedOrderOnlyWithThePlainStore",
          "Alloc_02_LastPidStoreRace"),
      s -> s.allocator().lastPid() == s.expectedLastPid()
          ? null
          : "last_pid is " + s.allocator().lastPid() + ", expected " + s.expectedLastPid());

  public static final Invariant IN_RANGE = new Invariant(
      "ALLOC-4",
      "Alloc hands out a pid in [1, pid_max).",
      "127-134, 166",
      List.of(DIFFERENTIAL, EXPLORER, SOME_FREE_PID),
      s -> {
        if (s.op().kind() != Op.Kind.ALLOC || s.outcome().kind() != Outcome.Kind.PID) {
          return null;
        }
        int pid = s.outcome().pid();
        int max = s.pidMaxBefore();
        return pid >= 1 && pid < max ? null : "alloc handed out " + pid + ", outside [1, " + max + ")";
      });

  public static final Invariant NOTHING_LOST = new Invariant(
      "PIDMAP-4",
      "Nothing is lost: the allocated pids are exactly pid 0 and the pids handed out and not yet"
          + " freed.",
      "115-121, 153-156",
      List.of(DIFFERENTIAL, BROKEN, EXPLORER, SOME_FREE_PID, "Alloc_03_AllocRacesFree"),
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

  public static final Invariant NEXT_IS_SMALLEST_ABOVE = new Invariant(
      "NEXT-1",
      "next(last) returns the smallest allocated pid above last, also above a lowered pid_max,"
          + " or -1 when there is none.",
      "184-200",
      List.of(DIFFERENTIAL, EXPLORER, "NextLinearizabilityTest#nextWithinOneWordIsLinearizable",
          "Alloc_05_FreeRacesNextPidmap"),
      s -> {
        if (s.op().kind() != Op.Kind.NEXT || s.outcome().kind() != Outcome.Kind.PID) {
          return null;
        }
        int want = s.heldAfter((int) s.op().arg());
        return s.outcome().pid() == want
            ? null
            : "next " + s.op().arg() + " returned " + s.outcome().pid() + ", expected " + want;
      });

  public static final Invariant REFUSAL_CHANGES_NOTHING = new Invariant(
      "INPUT-1",
      "A refused input leaves the allocated set, last_pid and pid_max exactly as they were.",
      "docs/DESIGN.md: bad input never corrupts state",
      List.of(DIFFERENTIAL, "BadInputTest", EXPLORER),
      s -> s.outcome().kind() == Outcome.Kind.REFUSED && !s.stateUnchanged()
          ? "the input was refused but the state changed"
          : null);

  /**
   * Every invariant, in the order they are checked: the rules about a step's answer first (they
   * name the cause most directly: "handed out a held pid"), then the rules about the state.
   */
  public static final List<Invariant> ALL = List.of(
      NEVER_TWICE, IN_RANGE, FAILS_ONLY_WHEN_EMPTY, NEXT_IS_SMALLEST_ABOVE, LAST_PID_TRACKS,
      REFUSAL_CHANGES_NOTHING, PID0_RESERVED, COUNTER_MATCHES_BITS, PAGES_ON_FIRST_USE,
      NOTHING_LOST);

  public static Optional<Invariant> byId(String id) {
    return ALL.stream().filter(i -> i.id().equals(id)).findFirst();
  }
}
