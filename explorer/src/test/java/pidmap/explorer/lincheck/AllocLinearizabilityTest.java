package pidmap.explorer.lincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;

/**
 * Which sequential specifications the impl's concurrent alloc and free are linearizable to, with
 * either last_pid update (docs/LINEARIZABILITY.md explains each result):
 *
 * <ul>
 *   <li>(a) "alloc returns some free pid in range, never an allocated one": yes, both;
 *   <li>(a+) (a), and alloc fails only when at most one pid is free, as the seed's sequential
 *       search guarantees: no, both;
 *   <li>(b) "alloc returns the pid the seed's cyclic order would pick" (the model): no, both;
 *       the last_pid store race breaks it only with the plain store.
 * </ul>
 */
class AllocLinearizabilityTest {

  @ParameterizedTest
  @EnumSource(LastPidUpdate.class)
  @Checks({Invariant.ALLOC_1, Invariant.ALLOC_4, Invariant.PIDMAP_4})
  void allocReturnsSomeFreePidUnderModelChecking(LastPidUpdate update) {
    Lincheck.modelChecking().verifier(SomeFreePidVerifier.MayAlwaysFail.class)
        .check(AllocFreeOps.of(update));
  }

  @ParameterizedTest
  @EnumSource(LastPidUpdate.class)
  void allocReturnsSomeFreePidUnderStress(LastPidUpdate update) {
    Lincheck.stress().verifier(SomeFreePidVerifier.MayAlwaysFail.class)
        .check(AllocFreeOps.of(update));
  }

  /**
   * T1's search reads last_pid 2 and passes pid 3 (taken); T2 takes 5, frees 3 and takes 6;
   * T1 finds 5 and 6 taken and its last pass stops before last_pid 2: it fails although two
   * pids were free at every moment of its call.
   */
  @ParameterizedTest
  @EnumSource(LastPidUpdate.class)
  @Checks(Invariant.ALLOC_2)
  void allocCanFailWhileTwoPidsAreFree(LastPidUpdate update) {
    Class<?> ops = AllocFreeOps.of(update);
    String found = Lincheck.expectNonLinearizable(() -> Lincheck.pinned(Lincheck.TO_FIND)
        .addCustomScenario(LincheckScenarios.of(ops,
            "alloc x7, free 2, alloc, free 2, free 5, free 6",
            List.of("alloc", "alloc, free 3, alloc"), ""))
        .verifier(SomeFreePidVerifier.class).check(ops));
    assertThat(found).contains("alloc(): -1");
  }

  /**
   * T1 reads last_pid 2 and is delayed; T2 takes 3 and frees it; T1 takes 3. The model would
   * hand 3 out once and then 4: no order of the three calls answers 3 twice.
   */
  @ParameterizedTest
  @EnumSource(LastPidUpdate.class)
  void allocIsNotLinearizableToTheSeedOrder(LastPidUpdate update) {
    Class<?> ops = AllocFreeOps.of(update);
    Lincheck.expectNonLinearizable(() -> Lincheck.pinned(Lincheck.TO_FIND)
        .addCustomScenario(LincheckScenarios.of(ops, "alloc x2", List.of("alloc", "alloc, free 3"), ""))
        .sequentialSpecification(SeedOrderSpec.class).check(ops));
  }

  /**
   * Found by Lincheck's random search; with the plain store T2's older last_pid 4 can overwrite
   * T1's 5, so after 5 is freed the next alloc hands out 5 again where the model, at last_pid 5,
   * moves on to 6. The forward-only update keeps last_pid at 5 and passes.
   */
  @ParameterizedTest
  @EnumSource(LastPidUpdate.class)
  @Checks(Invariant.ALLOC_3)
  void theLastPidStoreRaceBreaksTheSeedOrderOnlyWithThePlainStore(LastPidUpdate update) {
    Class<?> ops = AllocFreeOps.of(update);
    boolean plain = update == LastPidUpdate.SEED_PLAIN_STORE;
    Runnable check = () -> Lincheck.pinned(plain ? Lincheck.TO_FIND : Lincheck.TO_PASS)
        .addCustomScenario(LincheckScenarios.of(ops, "alloc x3", List.of("alloc", "alloc"), "free 5, alloc"))
        .sequentialSpecification(SeedOrderSpec.class).check(ops);
    if (plain) {
      Lincheck.expectNonLinearizable(check);
    } else {
      check.run();
    }
  }

  /**
   * Only allocs race, with the forward-only update too: both read last_pid 6 (freed, one other
   * pid free); T1 takes 7, T2's search never retries last_pid and fails, where the model, at
   * last_pid 7, wraps and hands out 6.
   */
  @ParameterizedTest
  @EnumSource(LastPidUpdate.class)
  void concurrentAllocsAloneBreakTheSeedOrderThroughItsLastPidQuirk(LastPidUpdate update) {
    Class<?> ops = AllocFreeOps.of(update);
    String found = Lincheck.expectNonLinearizable(() -> Lincheck.pinned(Lincheck.TO_FIND)
        .addCustomScenario(LincheckScenarios.of(ops, "alloc x7, free 6, alloc, free 6, free 7",
            List.of("alloc", "alloc"), ""))
        .sequentialSpecification(SeedOrderSpec.class).check(ops));
    assertThat(found).contains("alloc(): -1");
  }
}
