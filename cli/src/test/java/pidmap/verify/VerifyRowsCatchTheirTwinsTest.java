package pidmap.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import pidmap.engine.broken.SeedLoopTwins;
import pidmap.explorer.Scope;
import pidmap.spec.CatchesTwin;

/**
 * Every kind of verify row fails on a broken twin: the explorer row on an allocator whose last
 * pass retries last_pid, the pid-layer row on a layer whose find_ge_pid finds only exact
 * numbers, the kernel row when the seed's rule answers for linux-6 (the differential row's twin
 * is in {@link VerificationTest}). Each failure is a result with a message, never an exception.
 */
class VerifyRowsCatchTheirTwinsTest {

  @Test
  @CatchesTwin(check = ExplorerRowCheck.class, twin = SeedLoopTwins.QuirkFixed.class)
  void theExplorerRowFailsOnAnAllocatorThatRetriesLastPid() {
    Scope scope = Scope.quick().get(0);
    CheckResult r = new ExplorerRowCheck(scope, SeedLoopTwins.QuirkFixed::new)
        .run(Progress.silent());
    assertThat(r.passed()).isFalse();
    assertThat(r.failure().message()).startsWith("shortest failing path: ")
        .containsPattern("FAILED: (invariant ALLOC-5 failed|the model answers ENOMEM but the impl"
            + " answers \\d+)");
    assertThat(new ExplorerRowCheck(scope).run(Progress.silent()).passed()).isTrue();
  }

  @Test
  @CatchesTwin(check = LayerRowCheck.class,
      twin = VerifyRowTwins.FindGePidFindsOnlyExactNumbers.class)
  void theLayerRowFailsOnALayerWhoseFindGePidFindsOnlyExactNumbers() {
    CheckResult r = new LayerRowCheck(10, 150, 1, VerifyRowTwins.FindGePidFindsOnlyExactNumbers::new)
        .run(Progress.silent());
    assertThat(r.passed()).isFalse();
    assertThat(r.failure().message()).contains("LOOKUP-1");
  }

  @Test
  @CatchesTwin(check = KernelRowCheck.class, twin = VerifyRowTwins.SeedRuleForLinux6.class)
  void theKernelRowFailsWhenTheSeedsRuleAnswersForLinux6() {
    CheckResult r = new KernelRowCheck(2000, 7, VerifyRowTwins.SeedRuleForLinux6.PROFILE)
        .run(Progress.silent());
    assumeFalse(r.wasSkipped(), () -> "the kernel row is skipped here: " + r.skipped());
    assertThat(r.passed()).isFalse();
    assertThat(r.failure().message()).contains("kernel");
    CheckResult honest = new KernelRowCheck(2000, 7).run(Progress.silent());
    assertThat(honest.passed()).isTrue();
  }
}
