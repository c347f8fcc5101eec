package pidmap.explorer.lincheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.Test;
import pidmap.spec.CatchesTwin;

/**
 * Each Lincheck test's check, run as the test runs it, fails on a broken twin: the random search
 * of specification (r) on an allocator that always answers "no pid" (which specification (a)
 * passed); the quiescent {@code @Validate} on an allocator whose alloc forgets its page's
 * counter; next's random search on a next that starts one pid late; the layer's reader check
 * (here on a pinned scenario, which the random search reaches too rarely: it must exit a number
 * it forked and then look that number up) on a find_pid_ns that still finds a freed pid.
 */
class LincheckCatchesTwinsTest {

  private static String failure(Runnable check) {
    LincheckAssertionError e = catchThrowableOfType(LincheckAssertionError.class, check::run);
    assertThat(e).as("Lincheck passed the twin").isNotNull();
    return e.getMessage();
  }

  @Test
  @CatchesTwin(check = AllocLinearizabilityTest.class, twin = LincheckTwins.AlwaysFull.class)
  void anAllocatorThatAlwaysAnswersNoPidFailsTheRandomSearch() {
    String report = failure(() -> Lincheck.modelChecking()
        .verifier(SomeFreePidVerifier.FailsOnlyWhenFullOrRaced.class)
        .check(LincheckTwins.AlwaysFullOps.class));
    assertThat(report).contains("= Invalid execution results =").contains("alloc(): -1");
  }

  @Test
  @CatchesTwin(check = AllocLinearizabilityTest.class,
      twin = LincheckTwins.CounterNotTakenByAlloc.class)
  void countersThatDisagreeWithTheirPagesFailTheValidationAtQuiescence() {
    String report = failure(() -> Lincheck.pinned(Lincheck.TO_PASS)
        .addCustomScenario(LincheckScenarios.of(LincheckTwins.CounterNotTakenByAllocOps.class,
            "alloc", List.of("alloc", "free 1"), ""))
        .verifier(SomeFreePidVerifier.FailsOnlyWhenFullOrRaced.class)
        .check(LincheckTwins.CounterNotTakenByAllocOps.class));
    assertThat(report).contains("countersMatchPages").contains("page 0 has free counter");
  }

  @Test
  @CatchesTwin(check = NextLinearizabilityTest.class, twin = LincheckTwins.NextStartsOnePidLate.class)
  void aNextThatStartsOnePidLateFailsTheRandomSearch() {
    String report = failure(() -> Lincheck.modelChecking().iterations(30)
        .verifier(SomeFreePidVerifier.FailsOnlyWhenFullOrRaced.class)
        .check(LincheckTwins.NextStartsOnePidLateOps.class));
    assertThat(report).contains("= Invalid execution results =").contains("next(");
  }

  @Test
  @CatchesTwin(check = LayerReadersLinearizabilityTest.class,
      twin = LincheckTwins.FindsFreedPids.class)
  void aFindPidNsThatFindsFreedPidsFailsTheLayerCheck() {
    String report = failure(() -> Lincheck.pinned(Lincheck.TO_PASS)
        .addCustomScenario(LincheckScenarios.of(LincheckTwins.FindsFreedPidsOps.class,
            "fork, fork, exit 1", List.of("find 1", "fork"), "find 1"))
        .verifier(SomeFreePidVerifier.FailsOnlyWhenFullOrRaced.class)
        .check(LincheckTwins.FindsFreedPidsOps.class));
    assertThat(report).contains("= Invalid execution results =").contains("find(1): 1");
  }
}
