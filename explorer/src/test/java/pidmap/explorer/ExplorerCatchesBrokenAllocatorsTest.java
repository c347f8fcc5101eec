package pidmap.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.engine.StepResult;
import pidmap.impl.BrokenTwins;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Checks;
import pidmap.spec.Geometry;
import pidmap.spec.Invariant;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * The explorer can fail: against deliberately broken allocators it reports the breadth-first
 * shortest failing path, naming what broke, with the same answer whatever the thread count.
 */
@Checks({Invariant.PIDMAP_2, Invariant.PIDMAP_3, Invariant.PIDMAP_4, Invariant.ALLOC_3})
class ExplorerCatchesBrokenAllocatorsTest {

  private static final Scope FOUR_PAGES =
      Scope.fixedPidMax(new Geometry(4, 2, 16, 14), Profile.LINUX_2_6_24);

  private static ExploreResult explore(Candidate broken, int threads) {
    ExploreResult r = Explorer.explore(FOUR_PAGES, broken,
        Explorer.Settings.defaults().withThreads(threads));
    System.out.println(r);
    return r;
  }

  private static ExploreResult explore(Candidate broken) {
    return explore(broken, 2);
  }

  @Test
  void anAllocThatSkipsPidThreeIsCaughtAfterSetLastTwo() {
    ExploreResult r = explore(Candidate.blackBox("skips 3", InterfaceTwins.SkipsPidThree::new));
    assertThat(r.passed()).isFalse();
    ShortestFailure c = r.counterexample();
    // from a fresh allocator alloc takes 1, 2, 3 in turn; setting last_pid to 2 gets there first
    assertThat(c.ops()).containsExactly(Op.setLast(2), Op.alloc());
    assertThat(c.shortest()).isTrue();
    // a black-box candidate's answer is compared with the model's before any invariant is read
    assertThat(c.failure().failure().kind()).isEqualTo(StepResult.Failure.Kind.DIVERGENCE);
    assertThat(c.failure().failure().message()).isEqualTo("the model answers 3 but the impl"
        + " answers 4");
    assertThat(r.depth()).isEqualTo(1);
  }

  @Test
  void aFreeThatKeepsItsPidIsCaughtOnTheFirstPidOfPageThree() {
    ExploreResult r = explore(Candidate.blackBox("keeps page 3",
        InterfaceTwins.KeepsFreedPidsOfPageThree::new));
    ShortestFailure c = r.counterexample();
    // a pid on page 3 must be taken (set_last, alloc) before it can be freed: three steps
    assertThat(c.ops()).containsExactly(Op.setLast(11), Op.alloc(), Op.free(12));
    assertThat(c.failure().index()).isEqualTo(3);
    assertThat(c.failure().failure().message()).startsWith("invariant PIDMAP-4 failed");
  }

  @Test
  void aCounterThatMisreportsAFullPageBreaksPidmap2AfterThreeAllocs() {
    ExploreResult r = explore(Candidate.blackBox("misreports",
        InterfaceTwins.MisreportsFullPages::new), 1);
    ShortestFailure c = r.counterexample();
    // page 0 holds pids 0-3; pid 0 is taken from the start, three allocs fill it
    assertThat(c.ops()).containsExactly(Op.alloc(), Op.alloc(), Op.alloc());
    assertThat(c.failure().failure().kind()).isEqualTo(StepResult.Failure.Kind.INVARIANT);
    assertThat(c.failure().failure().message()).startsWith("invariant PIDMAP-2 failed");
    assertThat(c.toTrace(FOUR_PAGES.geometry(), FOUR_PAGES.profile())).isEqualTo(
        "{\"op\":\"config\",\"profile\":\"linux-2.6.24\",\"pid_max\":14,\"bits_per_page\":4,"
            + "\"reserved\":2,\"pid_max_limit\":16}\n"
            + "{\"op\":\"alloc\"}\n{\"op\":\"alloc\"}\n{\"op\":\"alloc\"}\n");
  }

  @Test
  void aFreeThatIsNotCountedBreaksPidmap2AtTheFirstFree() {
    ShortestFailure c = explore(MemoryTwins.freeNotCounted()).counterexample();
    assertThat(c.ops()).containsExactly(Op.alloc(), Op.free(1));
    assertThat(c.failure().failure().message())
        .isEqualTo("invariant PIDMAP-2 failed: page 0 has free counter 2 but 1 of 4 bits set");
  }

  @Test
  void aPageInstalledThatNoSearchNeededBreaksPidmap3() {
    ShortestFailure c = explore(MemoryTwins.installsTheNextPageToo()).counterexample();
    // the first alloc that installs a page: set_last 3, alloc takes 4 and installs pages 1 and 2
    assertThat(c.ops()).containsExactly(Op.setLast(3), Op.alloc());
    assertThat(c.failure().failure().message()).isEqualTo(
        "invariant PIDMAP-3 failed: page 2 is installed but no alloc took a pid from it");
  }

  @Test
  void anAllocatorThatInstallsEveryPageUpFrontIsCaughtBeforeAnyStep() {
    ExploreResult r = explore(MemoryTwins.installsEveryPageUpFront());
    assertThat(r.counterexample().ops()).isEmpty();
    assertThat(r.counterexample().failure().failure().message()).isEqualTo(
        "a fresh allocator is not in the fresh state: invariant PIDMAP-3 failed: page 1 is"
            + " installed but no alloc took a pid from it");
  }

  @Test
  void aLostLastPidStoreBreaksAlloc3() {
    ShortestFailure c = explore(MemoryTwins.lastPidStoreLostAtAPageStart()).counterexample();
    assertThat(c.ops()).containsExactly(Op.setLast(3), Op.alloc());
    assertThat(c.failure().failure().message())
        .isEqualTo("invariant ALLOC-3 failed: last_pid is 3, expected 4");
  }

  @Test
  void anAllocatorThatKeepsStateOutsideItsMemoryDoesNotPass() {
    // with replays: a wrong answer is recorded and compared, or a checked replay disagrees
    String verdict;
    try {
      verdict = explore(MemoryTwins.keepsStateOutsideItsMemory(), 1).verdict();
    } catch (IllegalStateException e) {
      assertThat(e).hasMessageContaining("keeps state outside its memory");
      verdict = "refused";
    }
    assertThat(verdict).isIn("FAIL", "refused");
    ExploreResult r = explore(MemoryTwins.keepsStateOutsideItsMemory().withoutReplays(), 1);
    assertThat(r.passed()).as("without replays the hidden state shows as a wrong answer")
        .isFalse();
  }

  @Test
  void theRaceOnlyTwinsOfTheImplPassSequentially() {
    for (BrokenTwins t : BrokenTwins.values()) {
      ExploreResult r = explore(Candidate.onMemory(t.name(),
          (m, g, p) -> t.on(m, g, p, LastPidUpdate.SEED_PLAIN_STORE)));
      assertThat(r.passed()).as("%s is wrong only when allocs race", t).isTrue();
    }
  }

  @Test
  void theCounterexampleDoesNotDependOnTheThreadCount() {
    ExploreResult one = explore(MemoryTwins.freeNotCounted(), 1);
    ExploreResult two = explore(MemoryTwins.freeNotCounted(), 2);
    assertThat(two.counterexample()).isEqualTo(one.counterexample());
  }
}
