package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.spec.CatchesTwin;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;

/**
 * Each deliberately broken layer (the impl with one call broken) runs through the same property
 * as the impl; the property must catch it within a few seeds, name the invariant that the break
 * violates, and shrink the trace to a handful of operations.
 */
@Checks({Invariant.PID_1, Invariant.PID_2, Invariant.PID_3, Invariant.NS_1, Invariant.NS_2,
    Invariant.REF_1, Invariant.REF_2, Invariant.LINK_1, Invariant.HASH_1, Invariant.HASH_2,
    Invariant.CACHE_1, Invariant.ZAP_1, Invariant.INIT_1, Invariant.LOOKUP_1, Invariant.INPUT_2})
class BrokenLayersAreCaughtTest {

  private static final int SEEDS = 30;
  private static final int MAX_SHRUNK = 12;

  private static Arguments twin(Function<LayerConfig, PidLayer> layer, String invariant) {
    String name = layer.apply(Layers.small()).getClass().getSimpleName();
    return Arguments.of(Named.of(name, layer), invariant);
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        twin(BrokenLayers.FindPidNsMissesNumbersBelowTheRoot::new, "PID-1"),
        twin(BrokenLayers.PidNrNsIgnoresTheNamespace::new, "PID-2"),
        twin(BrokenLayers.PutPidNeverReleases::new, "PID-3"),
        twin(BrokenLayers.AllocPidTakesAStrayNumber::new, "NS-1"),
        twin(BrokenLayers.CopyPidNsTakesOneReferenceTooMany::new, "NS-2"),
        twin(BrokenLayers.GetPidTakesNoReference::new, "REF-1"),
        twin(BrokenLayers.GetPidTaskTakesNoReference::new, "REF-2"),
        twin(BrokenLayers.TaskListsATaskTwice::new, "LINK-1"),
        twin(BrokenLayers.HashPlacesByNumberAlone::new, "HASH-1"),
        twin(BrokenLayers.HashHoldsRootNumbersTwice::new, "HASH-2"),
        twin(BrokenLayers.CachesCountOneTooMany::new, "CACHE-1"),
        twin(BrokenLayers.ZapKeepsTheChildReaper::new, "ZAP-1"),
        twin(BrokenLayers.ContainerInitLooksAtTheRootNumber::new, "INIT-1"),
        twin(BrokenLayers.FindGePidFindsOnlyExactNumbers::new, "LOOKUP-1"),
        twin(BrokenLayers.RefusedCopyPidNsMovesLastPid::new, "INPUT-2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  @CatchesTwin(invariant = Invariant.PID_1, twin = BrokenLayers.FindPidNsMissesNumbersBelowTheRoot.class)
  @CatchesTwin(invariant = Invariant.PID_2, twin = BrokenLayers.PidNrNsIgnoresTheNamespace.class)
  @CatchesTwin(invariant = Invariant.PID_3, twin = BrokenLayers.PutPidNeverReleases.class)
  @CatchesTwin(invariant = Invariant.NS_1, twin = BrokenLayers.AllocPidTakesAStrayNumber.class)
  @CatchesTwin(invariant = Invariant.NS_2, twin = BrokenLayers.CopyPidNsTakesOneReferenceTooMany.class)
  @CatchesTwin(invariant = Invariant.REF_1, twin = BrokenLayers.GetPidTakesNoReference.class)
  @CatchesTwin(invariant = Invariant.REF_2, twin = BrokenLayers.GetPidTaskTakesNoReference.class)
  @CatchesTwin(invariant = Invariant.LINK_1, twin = BrokenLayers.TaskListsATaskTwice.class)
  @CatchesTwin(invariant = Invariant.HASH_1, twin = BrokenLayers.HashPlacesByNumberAlone.class)
  @CatchesTwin(invariant = Invariant.HASH_2, twin = BrokenLayers.HashHoldsRootNumbersTwice.class)
  @CatchesTwin(invariant = Invariant.CACHE_1, twin = BrokenLayers.CachesCountOneTooMany.class)
  @CatchesTwin(invariant = Invariant.ZAP_1, twin = BrokenLayers.ZapKeepsTheChildReaper.class)
  @CatchesTwin(invariant = Invariant.INIT_1, twin = BrokenLayers.ContainerInitLooksAtTheRootNumber.class)
  @CatchesTwin(invariant = Invariant.LOOKUP_1, twin = BrokenLayers.FindGePidFindsOnlyExactNumbers.class)
  @CatchesTwin(invariant = Invariant.INPUT_2, twin = BrokenLayers.RefusedCopyPidNsMovesLastPid.class)
  void thePropertyCatchesItNamesTheRuleAndShrinks(
      Function<LayerConfig, PidLayer> layer, String invariant) {
    LayerCheck.Counterexample found = null;
    for (long seed = 1; seed <= SEEDS && found == null; seed++) {
      found = LayerCheck.check(LayerTraceGenerator.generate(seed, 150), layer, null);
    }
    assertThat(found).as("no seed of %d caught it", SEEDS).isNotNull();
    System.out.println(found.report());
    assertThat(found.shrunkFailure().invariant()).isEqualTo(invariant);
    assertThat(found.shrunkFailure().side()).isEqualTo("impl");
    assertThat(found.shrunk()).hasSizeLessThanOrEqualTo(MAX_SHRUNK);
  }
}
