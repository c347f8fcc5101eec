package pidmap.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pidmap.spec.Checks;
import pidmap.spec.Geometry;
import pidmap.spec.Invariant;
import pidmap.spec.Profile;

/**
 * The exhaustive small-scope exploration of the impl against the model. The default run explores
 * {@link Scope#standard()} (about a minute of CPU for both profiles); {@code -Dpidmap.explore.deep=true} adds
 * {@link Scope#deep()} (see docs/EXPLORER.md for how long it takes). Counts are printed.
 */
class ExplorerTest {

  @Test
  @Checks({Invariant.ALLOC_1, Invariant.ALLOC_4, Invariant.ALLOC_2, Invariant.NEXT_1,
      Invariant.ALLOC_3, Invariant.INPUT_1, Invariant.PIDMAP_1, Invariant.PIDMAP_2,
      Invariant.PIDMAP_3, Invariant.PIDMAP_4})
  void everyReachableStateOfTheStandardScopesConforms() {
    for (Scope scope : Scope.standard()) {
      ExploreResult r = Explorer.explore(scope);
      System.out.println(r);
      assertThat(r.counterexample()).as(scope.name()).isNull();
      assertCoverage(r);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "pidmap.explore.deep", matches = "true")
  void everyReachableStateOfTheDeepScopesConforms() {
    Explorer.Progress progress = (scope, depth, states, transitions, millis) ->
        System.out.printf("  %s: depth %d, %,d states, %,d transitions, %.1f s%n",
            scope.name(), depth, states, transitions, millis / 1000.0);
    for (ExploreResult r : Explorer.exploreAll(Scope.deep(), progress)) {
      System.out.println(r);
      assertThat(r.counterexample()).as(r.scope().name()).isNull();
      assertCoverage(r);
    }
  }

  /**
   * A scope explored to the end reaches every combination: each set of pids below the largest
   * pid_max explored (pid 0 always in it), each last_pid from 0 up to that pid_max, each pid_max
   * in the scope's range. Every state runs {@link Transitions#count} operations.
   */
  private static void assertCoverage(ExploreResult r) {
    Scope s = r.scope();
    if (s.maxDepth() != Scope.UNBOUNDED) {
      assertThat(r.states()).isPositive();
      return;
    }
    Geometry g = s.geometry();
    assertThat(s.pidMaxLow() == s.pidMaxHigh() || s.pidMaxHigh() == g.pidMaxLimit())
        .as("closed-form count covers this scope").isTrue();
    long states = 0;
    long transitions = 0;
    for (int pidMax = s.pidMaxLow(); pidMax <= s.pidMaxHigh(); pidMax++) {
      // with a fixed pid_max only pids below it are ever taken; with every pid_max, all pids are
      int top = s.pidMaxLow() == s.pidMaxHigh() ? pidMax : s.pidMaxHigh();
      long perPidMax = (1L << (top - 1)) * (top + 1);
      states += perPidMax;
      transitions += perPidMax * Transitions.count(pidMax, g);
    }
    assertThat(r.states()).as(s.name() + " states").isEqualTo(states);
    assertThat(r.transitions()).as(s.name() + " transitions").isEqualTo(transitions);
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void aFixedPidMaxScopeReachesEverySubsetAndLastPid(Profile profile) {
    ExploreResult r = Explorer.explore(Scope.fixedPidMax(new Geometry(4, 2, 8, 6), profile));
    // pids 1..5 in any combination, last_pid 0..6
    assertThat(r.states()).isEqualTo(32 * 7);
    assertThat(r.depth()).isEqualTo(6);
    assertThat(List.of(r.verdict())).containsExactly("PASS");
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void aDepthBoundStopsTheSearchAtThatLevel(Profile profile) {
    Scope s = Scope.fixedPidMax(new Geometry(4, 2, 8, 6), profile);
    ExploreResult one = Explorer.explore(s.toDepth(1));
    // fresh, then alloc -> {0,1} last 1, and set_last v -> {0} last v for v = 1..6
    assertThat(one.states()).isEqualTo(1 + 1 + 6);
    assertThat(one.transitions()).isEqualTo(8L * Transitions.count(6, s.geometry()));
  }
}
