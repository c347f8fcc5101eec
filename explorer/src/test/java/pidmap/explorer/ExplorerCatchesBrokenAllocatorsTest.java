package pidmap.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.StepResult;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * The explorer can fail: against deliberately broken allocators it reports the breadth-first
 * shortest failing path, confirmed by replay, with the same answer whatever the thread count.
 */
class ExplorerCatchesBrokenAllocatorsTest {

  private static final Scope FOUR_PAGES =
      Scope.fixedPidMax(new Geometry(4, 2, 16, 14), Profile.LINUX_2_6_24);

  private static ExploreResult explore(AllocatorFactory broken, int threads) {
    ExploreResult r = Explorer.explore(FOUR_PAGES, "broken", broken,
        Explorer.Settings.defaults().withThreads(threads));
    System.out.println(r);
    return r;
  }

  @Test
  void anAllocThatSkipsPidThreeIsCaughtAfterSetLastTwo() {
    ExploreResult r = explore(InterfaceTwins.SkipsPidThree::new, 2);
    assertThat(r.passed()).isFalse();
    Counterexample c = r.counterexample();
    // from a fresh allocator alloc takes 1, 2, 3 in turn; setting last_pid to 2 gets there first
    assertThat(c.ops()).containsExactly(Op.setLast(2), Op.alloc());
    assertThat(c.shortest()).isTrue();
    assertThat(c.failure().failure().kind()).isEqualTo(StepResult.Failure.Kind.DIVERGENCE);
    assertThat(c.failure().failure().message())
        .isEqualTo("the model answers 3 but the impl answers 4");
    assertThat(r.depth()).isEqualTo(1);
  }

  @Test
  void aFreeThatKeepsItsPidIsCaughtOnTheFirstPidOfPageThree() {
    ExploreResult r = explore(InterfaceTwins.KeepsFreedPidsOfPageThree::new, 2);
    Counterexample c = r.counterexample();
    // a pid on page 3 must be taken (set_last, alloc) before it can be freed: three steps
    assertThat(c.ops()).containsExactly(Op.setLast(11), Op.alloc(), Op.free(12));
    assertThat(c.failure().index()).isEqualTo(3);
    assertThat(c.shortest()).isTrue();
    assertThat(c.failure().failure().message()).startsWith("invariant PIDMAP-4 failed");
  }

  @Test
  void aCounterThatMisreportsAFullPageBreaksPidmap2AfterThreeAllocs() {
    ExploreResult r = explore(InterfaceTwins.MisreportsFullPages::new, 1);
    Counterexample c = r.counterexample();
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
  void theCounterexampleDoesNotDependOnTheThreadCount() {
    ExploreResult one = explore(InterfaceTwins.KeepsFreedPidsOfPageThree::new, 1);
    ExploreResult two = explore(InterfaceTwins.KeepsFreedPidsOfPageThree::new, 2);
    assertThat(two.counterexample()).isEqualTo(one.counterexample());
    assertThat(two.states()).isEqualTo(one.states());
    assertThat(two.transitions()).isEqualTo(one.transitions());
  }
}
