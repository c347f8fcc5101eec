package pidmap.explorer.spin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pidmap.explorer.ExploreResult;
import pidmap.explorer.Explorer;
import pidmap.explorer.Scope;
import pidmap.explorer.interleave.InterleaveResult;
import pidmap.explorer.interleave.Interleaving;
import pidmap.explorer.interleave.Plan;
import pidmap.explorer.interleave.Property;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * The Promela models of explorer/spin describe the explorer's scopes: SPIN stores exactly the
 * explorer's states of a sequential scope (and takes one transition per operation from each,
 * plus the initial state it counts), and on the interleavings it finds the seed's last_pid race
 * and nothing under pid_before, as the explorer does. spin and gcc are Debian packages that
 * .ci/run installs; where one is missing the test is skipped with the reason, unless
 * PIDMAP_REQUIRE_TOOLS=1 (CI) makes that a failure.
 */
class SpinAgreesTest {

  @BeforeAll
  static void spinIsThere() {
    String missing = Spin.missing();
    if (missing != null && "1".equals(System.getenv("PIDMAP_REQUIRE_TOOLS"))) {
      throw new AssertionError("PIDMAP_REQUIRE_TOOLS=1 but " + missing);
    }
    assumeTrue(missing == null, missing);
  }

  @Test
  void spinStoresExactlyTheExplorersStatesOfASequentialScope() {
    for (Scope s : List.of(Scope.allPidMax(new Geometry(4, 2, 8, 6), Profile.LINUX_2_6_24),
        Scope.allPidMax(new Geometry(4, 2, 8, 6), Profile.LINUX_6),
        Scope.fixedPidMax(new Geometry(4, 2, 16, 14), Profile.LINUX_2_6_24))) {
      ExploreResult r = Explorer.explore(s);
      Spin.Result spin = Spin.run("sequential.pml", Comparison.defines(s), s.states(), List.of());
      System.out.println(r.row() + "\n  spin: " + spin.states() + " states, "
          + spin.transitions() + " transitions, " + spin.searchCpuSeconds() + " s");
      assertThat(spin.errors()).as("the model's loop and rule agree").isZero();
      assertThat(spin.states()).isEqualTo(r.states()).isEqualTo(s.states());
      assertThat(spin.transitions()).isEqualTo(r.transitions() + 1);
    }
  }

  @Test
  void spinFindsTheLastPidRaceUnderThePlainStoreAndNothingUnderPidBefore() {
    Geometry g = new Geometry(4, 1, 8, 8);
    for (LastPidUpdate u : LastPidUpdate.values()) {
      Plan plan = new Plan(g, Profile.LINUX_2_6_24, u, 2, 2, false);
      InterleaveResult r = Interleaving.explore(plan);
      Spin.Result spin = Spin.run("interleaving.pml", Comparison.defines(plan), 1_000_000,
          List.of("-c0"));
      System.out.println(r.row() + "\n  spin: " + spin.states() + " states, " + spin.errors()
          + " errors");
      boolean race = u == LastPidUpdate.SEED_PLAIN_STORE;
      assertThat(r.found().containsKey(Property.LAST_PID)).isEqualTo(race);
      assertThat(spin.errors() > 0).as("spin's asserts for %s", u).isEqualTo(race);
    }
  }
}
