package pidmap.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.RunResult;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * Rebuilding a state from its encoding is faithful: the canonical path reaches exactly the
 * encoded state on model and impl, and exploring with it gives what replaying the breadth-first
 * paths gives (counts, verdicts and counterexamples).
 */
class StateRebuildTest {

  private static final Geometry TWO_PAGES = new Geometry(4, 2, 8, 6);

  @Test
  void theCanonicalPathReachesEveryEncodedStateOnModelAndImpl() {
    int checked = 0;
    for (long set = 1; set < 1L << TWO_PAGES.pidMaxLimit(); set += 2) { // pid 0 always set
      for (int pidMax = TWO_PAGES.pidMaxMin(); pidMax <= TWO_PAGES.pidMaxLimit(); pidMax++) {
        for (int last = 0; last <= TWO_PAGES.pidMaxLimit(); last++) {
          long state = AbstractState.of(set, last, pidMax);
          List<Op> path = AbstractState.canonicalPath(state, TWO_PAGES);
          DifferentialEngine engine = new DifferentialEngine(TWO_PAGES, Profile.LINUX_2_6_24);
          for (Op op : path) {
            assertThat(engine.step(op, null).ok()).as("%s at %s", path, op).isTrue();
          }
          assertThat(AbstractState.toString(AbstractState.of(engine.model())))
              .isEqualTo(AbstractState.toString(state));
          assertThat(AbstractState.of(engine.candidate())).isEqualTo(state);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(128 * 6 * 9);
  }

  @Test
  void encodingRoundTrips() {
    long s = AbstractState.of(0b1010_0001L, 7, 12);
    assertThat(AbstractState.set(s)).isEqualTo(0b1010_0001L);
    assertThat(AbstractState.lastPid(s)).isEqualTo(7);
    assertThat(AbstractState.pidMax(s)).isEqualTo(12);
    assertThat(AbstractState.toString(s)).isEqualTo("{0,5,7} last=7 pid_max=12");
  }

  @Test
  void rebuildingFromTheEncodingExploresLikeReplayingThePath() {
    Scope scope = Scope.allPidMax(TWO_PAGES, Profile.LINUX_2_6_24);
    Explorer.Settings replay = Explorer.Settings.defaults().with(Explorer.Rebuild.REPLAY);
    Explorer.Settings canonical = replay.with(Explorer.Rebuild.CANONICAL);
    ExploreResult a = Explorer.explore(scope, "impl", BitmapPidAllocator::new, replay);
    ExploreResult b = Explorer.explore(scope, "impl", BitmapPidAllocator::new, canonical);
    assertThat(b.states()).isEqualTo(a.states());
    assertThat(b.transitions()).isEqualTo(a.transitions());
    assertThat(b.depth()).isEqualTo(a.depth());
    assertThat(b.passed()).isTrue();
    assertThat(a.passed()).isTrue();

    Scope four = Scope.fixedPidMax(new Geometry(4, 2, 16, 14), Profile.LINUX_2_6_24);
    ExploreResult c = Explorer.explore(four, "broken",
        InterfaceTwins.KeepsFreedPidsOfPageThree::new, replay);
    ExploreResult d = Explorer.explore(four, "broken",
        InterfaceTwins.KeepsFreedPidsOfPageThree::new, canonical);
    assertThat(d.counterexample()).isEqualTo(c.counterexample());
  }

  @Test
  void undoTakesEverySuccessorBackToItsState() {
    Geometry g = new Geometry(4, 2, 16, 14);
    long state = AbstractState.of(0b1001_0000_0010_0101L, 15, 5); // last and pid 15 above pid_max
    for (Op op : Transitions.from(state, g)) {
      DifferentialEngine engine = new DifferentialEngine(g, Profile.LINUX_2_6_24);
      RunResult r = run(engine, AbstractState.canonicalPath(state, g));
      assertThat(r.ok()).isTrue();
      var step = engine.step(op, null);
      long next = Explorer.successor(state, op, step.reference());
      assertThat(AbstractState.of(engine.model())).as("successor of %s", op).isEqualTo(next);
      run(engine, Transitions.undo(next, state, g));
      assertThat(AbstractState.of(engine.model())).as("back from %s", op).isEqualTo(state);
      assertThat(AbstractState.of(engine.candidate())).isEqualTo(state);
    }
  }

  private static RunResult run(DifferentialEngine engine, List<Op> ops) {
    for (Op op : ops) {
      var r = engine.step(op, null);
      assertThat(r.ok()).as("%s", r).isTrue();
    }
    return new RunResult(engine.steps(), null);
  }
}
