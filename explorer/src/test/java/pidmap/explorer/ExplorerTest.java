package pidmap.explorer;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@link Scope#standard()}; {@code -Dpidmap.explore.deep=true} adds {@link Scope#deep()} (see
 * docs/EXPLORER.md for how long it takes). Counts are printed.
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
    Explorer.Progress progress = (scope, stage, states, transitions, millis) ->
        System.out.printf("  %s: %s, %,d states, %,d transitions, %.1f s%n",
            scope.name(), stage, states, transitions, millis / 1000.0);
    for (ExploreResult r : Explorer.exploreAll(Scope.deep(), progress)) {
      System.out.println(r);
      assertThat(r.counterexample()).as(r.scope().name()).isNull();
      assertCoverage(r);
    }
  }

  /**
   * A scope explored to the end has every state of its product ({@link Scope#states}) and runs
   * {@link Ops#count} operations from each.
   */
  static void assertCoverage(ExploreResult r) {
    Scope s = r.scope();
    if (s.maxDepth() != Scope.UNBOUNDED) {
      assertThat(r.states()).isPositive();
      return;
    }
    assertThat(r.states()).as(s.name() + " states").isEqualTo(s.states());
    long perPidMax = s.states() / (s.pidMaxHigh() - s.pidMaxLow() + 1);
    long transitions = 0;
    for (int pidMax = s.pidMaxLow(); pidMax <= s.pidMaxHigh(); pidMax++) {
      transitions += perPidMax * Ops.count(pidMax, s.geometry());
    }
    assertThat(r.transitions()).as(s.name() + " transitions").isEqualTo(transitions);
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void aFixedPidMaxScopeReachesEverySubsetLastPidAndSetOfPages(Profile profile) {
    ExploreResult r = Explorer.explore(Scope.fixedPidMax(new Geometry(4, 2, 8, 6), profile));
    // pids 1..3 on page 0 in any combination (8), pids 4..5 on page 1 in any combination or
    // page 1 not installed (4 + 1), last_pid 0..6
    assertThat(r.states()).isEqualTo(8 * 5 * 7);
    assertThat(r.verdict()).isEqualTo("PASS");
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void aBreadthFirstSearchReachesExactlyTheStatesTheEnumerationVisits(Profile profile) {
    for (Scope s : new Scope[] {Scope.allPidMax(new Geometry(4, 2, 8, 6), profile),
        Scope.fixedPidMax(new Geometry(4, 2, 16, 14), profile)}) {
      ExploreResult bfs = Explorer.explore(s.toDepth(1000));
      ExploreResult all = Explorer.explore(s);
      assertThat(bfs.states()).as(s.name()).isEqualTo(all.states()).isEqualTo(s.states());
      assertThat(bfs.transitions()).isEqualTo(all.transitions());
      assertThat(bfs.depth()).as("the diameter").isLessThan(1000);
    }
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void aDepthBoundStopsTheSearchAtThatLevel(Profile profile) {
    Scope s = Scope.fixedPidMax(new Geometry(4, 2, 8, 6), profile);
    ExploreResult one = Explorer.explore(s.toDepth(1));
    // fresh, then alloc -> {0,1} last 1, and set_last v -> {0} last v for v = 1..6
    assertThat(one.states()).isEqualTo(1 + 1 + 6);
    assertThat(one.transitions()).isEqualTo(8L * Ops.count(6, s.geometry()));
    assertThat(one.depth()).isEqualTo(1);
  }

  @Test
  void theRememberedRunsGiveTheSameCountsAsRunningTheCodeEveryTime() {
    Scope s = Scope.allPidMax(new Geometry(4, 2, 8, 6), Profile.LINUX_2_6_24);
    ExploreResult replayed = Explorer.explore(s, Candidate.impl(), Explorer.Settings.defaults());
    ExploreResult real = Explorer.explore(s, Candidate.impl().withoutReplays(),
        Explorer.Settings.defaults());
    assertThat(replayed.states()).isEqualTo(real.states());
    assertThat(replayed.transitions()).isEqualTo(real.transitions());
    assertThat(replayed.verdict()).isEqualTo(real.verdict()).isEqualTo("PASS");
  }

  @Test
  void theResultDoesNotDependOnTheThreadCount() {
    Scope s = Scope.fixedPidMax(new Geometry(4, 2, 16, 14), Profile.LINUX_6);
    ExploreResult one = Explorer.explore(s, Candidate.impl(),
        Explorer.Settings.defaults().withThreads(1));
    ExploreResult two = Explorer.explore(s, Candidate.impl(),
        Explorer.Settings.defaults().withThreads(2));
    assertThat(two.states()).isEqualTo(one.states());
    assertThat(two.transitions()).isEqualTo(one.transitions());
  }
}
