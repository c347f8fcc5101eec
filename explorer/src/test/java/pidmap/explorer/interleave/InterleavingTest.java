package pidmap.explorer.interleave;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.impl.BrokenTwins;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Checks;
import pidmap.spec.Geometry;
import pidmap.spec.Invariant;
import pidmap.spec.Profile;

/**
 * Every interleaving of alloc and free on the real impl: the seed's last_pid race is found as a
 * minimal interleaving and the kernel's pid_before update is clean in the same scope; each race
 * twin of the impl is caught. Counts are printed.
 */
class InterleavingTest {

  /** Two pages of four pids, RESERVED_PIDS 1, pid_max 8. */
  static final Geometry TWO_PAGES = new Geometry(4, 1, 8, 8);

  private static InterleaveResult explore(Plan plan) {
    InterleaveResult r = Interleaving.explore(plan);
    System.out.println(r.report());
    return r;
  }

  private static InterleaveResult explore(Plan plan, BrokenTwins twin) {
    InterleaveResult r = Interleaving.explore(plan, twin.name(),
        (m, g, p, u) -> twin.on(m, g, p, u));
    System.out.println(r.report());
    return r;
  }

  private static Plan plan(LastPidUpdate u, int threads, int ops, int startLastPid) {
    return new Plan(TWO_PAGES, Profile.LINUX_2_6_24, u, threads, ops, false, startLastPid);
  }

  @Test
  @Checks({Invariant.ALLOC_1, Invariant.ALLOC_4, Invariant.PIDMAP_2, Invariant.PIDMAP_4})
  void theSeedsPlainStoreLetsLastPidMoveBackAndAPidComeBackAtOnce() {
    InterleaveResult r = explore(plan(LastPidUpdate.SEED_PLAIN_STORE, 2, 3, 0));
    assertThat(r.found()).containsOnlyKeys(Property.LAST_PID);
    InterleaveResult.Found f = r.found().get(Property.LAST_PID);
    assertThat(f.message()).isEqualTo("LAST-1: an alloc that read last_pid 0 stored 1 over 2,"
        + " which comes after it");
    assertThat(f.steps()).isEqualTo(16);
    // A takes 1, B takes 2 and stores it, A stores 1; B frees 2 and its alloc takes 2 again
    String table = f.table();
    assertThat(table.indexOf("stores last_pid = 2; => alloc() -> 2"))
        .isLessThan(table.indexOf("stores last_pid = 1; => alloc() -> 1"))
        .isLessThan(table.indexOf("(then, what it costs)"))
        .isLessThan(table.indexOf("free(2): reads slot 0"))
        .isLessThan(table.lastIndexOf("=> alloc() -> 2"));
    assertThat(r.linearizable().get(Histories.SEED_ORDER)).isLessThan(r.ends());
    assertThat(r.linearizable().get(Histories.SOME_FREE)).isEqualTo(r.ends());
  }

  @Test
  void theKernelsPidBeforeUpdateIsCleanInTheSameScope() {
    InterleaveResult r = explore(plan(LastPidUpdate.FORWARD_CAS, 2, 3, 0));
    assertThat(r.passed()).isTrue();
    assertThat(r.states()).isPositive();
    assertThat(r.linearizable().get(Histories.SOME_FREE)).isEqualTo(r.ends());
  }

  @Test
  void threeThreadsRacingOneAllocEachKeepOwnershipAndTheCounters() {
    for (LastPidUpdate u : LastPidUpdate.values()) {
      InterleaveResult r = explore(new Plan(Geometry.small(4, 2, 14), Profile.LINUX_2_6_24, u, 3,
          1, true, 0));
      assertThat(r.found()).doesNotContainKeys(Property.OWNERSHIP, Property.COUNTERS,
          Property.ALLOCATED, Property.RANGE);
      assertThat(r.found().containsKey(Property.LAST_PID))
          .isEqualTo(u == LastPidUpdate.SEED_PLAIN_STORE);
    }
  }

  @Test
  @Checks(Invariant.ALLOC_1)
  void aNonAtomicTestAndSetHandsOutAPidTwice() {
    InterleaveResult r = explore(plan(LastPidUpdate.FORWARD_CAS, 2, 1, 0),
        BrokenTwins.NON_ATOMIC_TEST_AND_SET);
    assertThat(r.found()).containsKey(Property.OWNERSHIP);
    assertThat(r.found().get(Property.OWNERSHIP).message())
        .isEqualTo("ALLOC-1: thread 2's alloc handed out 1, which thread 1 holds");
  }

  @Test
  @Checks(Invariant.PIDMAP_2)
  void aCounterTakenBeforeTheBitIsWonIsOffItsPageOnceTheRaceIsOver() {
    InterleaveResult r = explore(plan(LastPidUpdate.FORWARD_CAS, 2, 1, 0),
        BrokenTwins.COUNTER_TAKEN_BEFORE_THE_BIT_IS_WON);
    assertThat(r.found()).containsOnlyKeys(Property.COUNTERS);
    assertThat(r.found().get(Property.COUNTERS).message()).startsWith("PIDMAP-2: page 0 has");
  }

  @Test
  void aPageInstalledWithoutTheRecheckLosesAPid() {
    // from last_pid 3 both allocs go to page 1, which is not installed yet
    InterleaveResult r = explore(plan(LastPidUpdate.FORWARD_CAS, 2, 1, 3),
        BrokenTwins.INSTALL_WITHOUT_RECHECK);
    assertThat(r.found()).containsKeys(Property.OWNERSHIP, Property.COUNTERS);
    assertThat(r.found().get(Property.OWNERSHIP).message())
        .isEqualTo("ALLOC-1: thread 2's alloc handed out 4, which thread 1 holds");
    assertThat(r.found().get(Property.OWNERSHIP).table())
        .contains("stores a fresh page 1 over the one there");
  }

  @Test
  void theRaceTwinsPassAlone() {
    for (BrokenTwins t : BrokenTwins.values()) {
      assertThat(explore(plan(LastPidUpdate.FORWARD_CAS, 1, 3, 3), t).passed())
          .as("%s with one thread", t).isTrue();
    }
  }
}
