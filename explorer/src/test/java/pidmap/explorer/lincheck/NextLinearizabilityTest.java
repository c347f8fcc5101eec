package pidmap.explorer.lincheck;

import java.util.List;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;

/**
 * next (next_pidmap) reads one bitmap word at a time: linearizable while the pids fit one word,
 * not across pages (docs/LINEARIZABILITY.md).
 */
class NextLinearizabilityTest {

  @Test
  @Checks(Invariant.NEXT_1)
  void nextWithinOneWordIsLinearizable() {
    Lincheck.modelChecking().iterations(8).verifier(SomeFreePidVerifier.MayAlwaysFail.class)
        .check(NextOps.OnePage.class);
  }

  @Test
  void theSamePinnedScenarioIsLinearizableWithinOneWord() {
    pinnedNextScenario(NextOps.OnePage.class, Lincheck.TO_PASS).check(NextOps.OnePage.class);
  }

  /**
   * Only pid 5 is allocated and last_pid is 7. T1's next(0) reads page 0 (nothing); T2 takes 1
   * (the wrap) and frees 5; T1 reads page 1 (nothing) and answers -1, though 1 or 5 was
   * allocated at every moment.
   */
  @Test
  void nextAcrossPagesIsNotLinearizable() {
    Lincheck.expectNonLinearizable(
        () -> pinnedNextScenario(NextOps.TwoPages.class, Lincheck.TO_FIND)
            .check(NextOps.TwoPages.class));
  }

  private static ModelCheckingOptions pinnedNextScenario(Class<?> ops, int invocations) {
    return Lincheck.pinned(invocations)
        .addCustomScenario(LincheckScenarios.of(ops, "alloc x7, free 1, free 2, free 3, free 4, free 6,"
            + " free 7", List.of("next 0", "alloc, free 5"), ""))
        .verifier(SomeFreePidVerifier.MayAlwaysFail.class);
  }
}
