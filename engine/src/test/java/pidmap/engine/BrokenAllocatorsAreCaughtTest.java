package pidmap.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pidmap.engine.broken.BrokenAllocators;
import pidmap.engine.broken.SeedLoopAllocator;
import pidmap.engine.broken.SeedLoopTwins;
import pidmap.engine.gen.Campaign;
import pidmap.engine.gen.TraceGenerator;
import pidmap.spec.CatchesTwin;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * Shows that the checks can fail: the campaign of {@link DifferentialPropertiesTest} (same
 * generator, same engine, same seeds) runs against deliberately broken allocators, each one hook
 * away from a copy that conforms, and must catch every one on every geometry and shrink the
 * failing trace to a short one.
 */
@Checks({Invariant.ALLOC_1, Invariant.ALLOC_2, Invariant.ALLOC_3, Invariant.ALLOC_4,
    Invariant.ALLOC_5, Invariant.NEXT_1, Invariant.INPUT_1, Invariant.INPUT_3, Invariant.PIDMAP_1,
    Invariant.PIDMAP_2, Invariant.PIDMAP_3, Invariant.PIDMAP_4})
class BrokenAllocatorsAreCaughtTest {

  private static final Profile SEED = Profile.LINUX_2_6_24;

  /** The default campaign's geometries, less the long page-edge traces (too slow to shrink). */
  static final List<CampaignGeometries.Case> GEOMETRIES = CampaignGeometries.ALL.stream()
      .filter(c -> c != CampaignGeometries.KERNEL_PAGE_EDGES).toList();

  @ParameterizedTest(name = "{0}")
  @EnumSource(BrokenAllocators.class)
  @CatchesTwin(invariant = Invariant.ALLOC_5, twin = SeedLoopTwins.WrapRestartsAtZero.class)
  @CatchesTwin(invariant = Invariant.ALLOC_5, twin = SeedLoopTwins.QuirkFixed.class)
  @CatchesTwin(invariant = Invariant.PIDMAP_2, twin = SeedLoopTwins.AllocForgetsTheCounter.class)
  @CatchesTwin(invariant = Invariant.PIDMAP_2, twin = SeedLoopTwins.FreeForgetsTheCounter.class)
  @CatchesTwin(invariant = Invariant.ALLOC_1, twin = SeedLoopTwins.FirstProbeSkipsTheTest.class)
  @CatchesTwin(invariant = Invariant.ALLOC_3, twin = SeedLoopTwins.LastPidNotStored.class)
  @CatchesTwin(invariant = Invariant.INPUT_3, twin = SeedLoopTwins.FreeOfAFreePidAccepted.class)
  @CatchesTwin(invariant = Invariant.NEXT_1, twin = SeedLoopTwins.NextSkipsAPageStart.class)
  @CatchesTwin(invariant = Invariant.PIDMAP_3, twin = SeedLoopTwins.EveryPageInstalledUpFront.class)
  @CatchesTwin(invariant = Invariant.PIDMAP_3, twin = SeedLoopTwins.EmptyPageDroppedByFree.class)
  @CatchesTwin(invariant = Invariant.ALLOC_2, twin = SeedLoopTwins.GivesUpAfterOnePass.class)
  @CatchesTwin(invariant = Invariant.ALLOC_4, twin = SeedLoopTwins.PidMaxHandedOut.class)
  @CatchesTwin(invariant = Invariant.PIDMAP_1, twin = SeedLoopTwins.PidZeroNotReserved.class)
  @CatchesTwin(invariant = Invariant.PIDMAP_4, twin = SeedLoopTwins.FreeKeepsThePid.class)
  @CatchesTwin(invariant = Invariant.INPUT_1, twin = SeedLoopTwins.SetPidMaxStoresBeforeItChecks.class)
  void eachBrokenAllocatorIsCaughtAndShrunk(BrokenAllocators variant) {
    for (CampaignGeometries.Case c : GEOMETRIES) {
      Campaign.Result r = Campaign.run(c.geometry(), SEED, variant.factory(),
          DifferentialPropertiesTest.DEFAULT_BASE_SEED, c.traces(), c.steps(),
          c.edgeFillBudget());

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
          .hasSizeLessThanOrEqualTo(variant.maxShrunk());
    }
  }

  /**
   * The same bug written into the reference too: the comparison of the two sides sees nothing,
   * so only checks that share no code with either catch it (the ledger, the brute-force scans,
   * the restated bounds), and they catch every variant, with the same invariant.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(BrokenAllocators.class)
  void aBugWrittenIntoBothSidesIsStillCaughtByItsInvariant(BrokenAllocators variant) {
    for (CampaignGeometries.Case c : GEOMETRIES) {
      StepResult caught = null;
      for (int i = 0; i < c.traces() && caught == null; i++) {
        List<Op> ops = TraceGenerator.generate(c.geometry(), SEED,
            DifferentialPropertiesTest.DEFAULT_BASE_SEED + i, c.steps());
        DifferentialEngine e = DifferentialEngine.againstReference(c.geometry(), SEED,
            variant.factory(), variant.factory());
        for (Op op : ops) {
          StepResult r = e.step(op, null);
          if (!r.ok()) {
            caught = r;
            break;
          }
        }
      }
      assertThat(caught).as("%s written twice was not caught on %s", variant, c.name())
          .isNotNull();
      assertThat(caught.failure().kind()).isEqualTo(StepResult.Failure.Kind.INVARIANT);
      assertThat(caught.failure().message()).contains(variant.failure());
    }
  }

  /** The marks above name each variant's twin with the invariant its failure names. */
  @Test
  void theTwinMarksNameEveryVariantWithItsInvariant() throws NoSuchMethodException {
    CatchesTwin[] marks = getClass().getDeclaredMethod("eachBrokenAllocatorIsCaughtAndShrunk",
        BrokenAllocators.class).getAnnotationsByType(CatchesTwin.class);
    assertThat(marks).hasSize(BrokenAllocators.values().length);
    for (BrokenAllocators v : BrokenAllocators.values()) {
      CatchesTwin m = java.util.Arrays.stream(marks).filter(x -> x.twin() == v.twin())
          .findFirst().orElseThrow(() -> new AssertionError("no mark for " + v));
      String id = m.invariant()[0].id();
      assertThat(v.failure()).as(v.name()).startsWith("invariant " + id + " ");
    }
  }

  /** The control: the copy the variants are built from, unbroken, conforms. */
  @Test
  void theUnbrokenCopyConforms() {
    for (CampaignGeometries.Case c : GEOMETRIES) {
      Campaign.Result r = Campaign.run(c.geometry(), SEED, SeedLoopAllocator::new,
          DifferentialPropertiesTest.DEFAULT_BASE_SEED, Math.max(1, c.traces() / 4), c.steps(),
          c.edgeFillBudget());
      if (!r.ok()) {
        fail(DifferentialPropertiesTest.failureReport(r.counterexample()));
      }
    }
  }
}
