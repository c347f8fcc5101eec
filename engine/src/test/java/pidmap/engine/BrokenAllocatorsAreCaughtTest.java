package pidmap.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pidmap.engine.broken.BrokenAllocators;
import pidmap.engine.broken.SeedLoopAllocator;
import pidmap.engine.gen.Campaign;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.Profile;

/**
 * Shows that the checks can fail: the campaign of {@link DifferentialPropertiesTest} (same
 * generator, same engine, same seeds) runs against deliberately broken allocators, each one hook
 * away from a copy that conforms, and must catch every one on every geometry and shrink the
 * failing trace to a short one.
 */
@Checks({Invariant.ALLOC_1, Invariant.PIDMAP_2, Invariant.PIDMAP_4})
class BrokenAllocatorsAreCaughtTest {

  /** A shrunk counterexample longer than this means the shrinker (or the generator) regressed. */
  static final int MAX_SHRUNK_STEPS = 10;

  private static final Profile SEED = Profile.LINUX_2_6_24;

  static final List<CampaignGeometries.Case> GEOMETRIES = CampaignGeometries.ALL;

  @ParameterizedTest(name = "{0}")
  @EnumSource(BrokenAllocators.class)
  void eachBrokenAllocatorIsCaughtAndShrunk(BrokenAllocators variant) {
    for (CampaignGeometries.Case c : GEOMETRIES) {
      Campaign.Result r = Campaign.run(c.geometry(), SEED, variant.factory(),
          DifferentialPropertiesTest.DEFAULT_BASE_SEED, c.traces(),
          DifferentialPropertiesTest.DEFAULT_STEPS);

      assertThat(r.counterexample())
          .as("%s (%s) was not caught on %s within %d seeds", variant, variant.bug(), c.name(),
              c.traces())
          .isNotNull();
      System.out.printf("%s on %s: caught in trace %d after %d steps; shrunk to %d steps: %s%n%s",
          variant, c.name(), r.traces(), r.steps(), r.counterexample().shrunk().size(),
          r.counterexample().shrunkFailure(), r.counterexample().jsonLines());
      assertThat(r.counterexample().shrunkFailure().failure().message())
          .as("why %s was caught on %s", variant, c.name())
          .contains(variant.failure());
      assertThat(r.counterexample().shrunk())
          .as("shrunk trace for %s on %s:%n%s", variant, c.name(), r.counterexample())
          .hasSizeLessThanOrEqualTo(MAX_SHRUNK_STEPS);
    }
  }

  /** The control: the copy the variants are built from, unbroken, conforms. */
  @Test
  void theUnbrokenCopyConforms() {
    for (CampaignGeometries.Case c : GEOMETRIES) {
      Campaign.Result r = Campaign.run(c.geometry(), SEED, SeedLoopAllocator::new,
          DifferentialPropertiesTest.DEFAULT_BASE_SEED, c.traces() / 4,
          DifferentialPropertiesTest.DEFAULT_STEPS);
      if (!r.ok()) {
        fail(DifferentialPropertiesTest.failureReport(r.counterexample()));
      }
    }
  }
}
