package pidmap.engine;

import static org.assertj.core.api.Assertions.fail;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.engine.gen.Campaign;
import pidmap.engine.gen.Counterexample;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Checks;
import pidmap.spec.Geometry;
import pidmap.spec.Invariant;
import pidmap.spec.Profile;

/**
 * The stateful model-vs-impl property: generated traces (weighted toward page edges, wrap-around,
 * exhaustion, pid_max changes and bad input; see {@code gen.Move}) run through the
 * {@link DifferentialEngine}, which compares every step and checks every invariant after it.
 *
 * <p>System properties (all optional):
 *
 * <ul>
 *   <li>{@code -Dpidmap.baseSeed=N}: the first seed (default {@value #DEFAULT_BASE_SEED}); trace
 *       i of each geometry uses seed N+i, so a run is reproducible.
 *   <li>{@code -Dpidmap.seed=N}: run only the trace of seed N, on every geometry (what a failure
 *       message tells you to rerun).
 *   <li>{@code -Dpidmap.traces=N}: traces per geometry instead of the defaults below (a longer
 *       campaign: e.g. 20000).
 *   <li>{@code -Dpidmap.steps=N}: steps per trace (default {@value #DEFAULT_STEPS}).
 * </ul>
 */
class DifferentialPropertiesTest {

  static final long DEFAULT_BASE_SEED = CampaignGeometries.BASE_SEED;
  static final int DEFAULT_STEPS = CampaignGeometries.STEPS;

  static Stream<Arguments> geometries() {
    return CampaignGeometries.ALL.stream()
        .map(c -> Arguments.of(c.name(), c.geometry(), c.traces()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("geometries")
  @Checks({Invariant.ALLOC_1, Invariant.ALLOC_4, Invariant.ALLOC_2, Invariant.NEXT_1,
      Invariant.ALLOC_3, Invariant.INPUT_1, Invariant.PIDMAP_1, Invariant.PIDMAP_2,
      Invariant.PIDMAP_3, Invariant.PIDMAP_4})
  void generatedTracesConform(String name, Geometry geometry, int defaultTraces) {
    Long only = Long.getLong("pidmap.seed");
    long first = only != null ? only : Long.getLong("pidmap.baseSeed", DEFAULT_BASE_SEED);
    int traces = only != null ? 1 : Integer.getInteger("pidmap.traces", defaultTraces);
    int steps = Integer.getInteger("pidmap.steps", DEFAULT_STEPS);

    Campaign.Result r = Campaign.run(
        geometry, Profile.LINUX_2_6_24, BitmapPidAllocator::new, first, traces, steps);

    System.out.printf("generatedTracesConform [%s]: %d traces x %d steps (seeds %d..%d), %d steps"
            + " checked, %.0f steps/s in the engine%n",
        name, r.traces(), steps, first, first + traces - 1, r.steps(), r.stepsPerSecond());
    if (!r.ok()) {
      fail(failureReport(r.counterexample()));
    }
  }

  /** The shrunk trace, its seed and how to rerun it. */
  static String failureReport(Counterexample c) {
    return c.headline() + "\n"
        + "  failing step: " + c.shrunkFailure() + "\n"
        + "  reproduce:    mvn -B -pl engine -am test -Dtest=DifferentialPropertiesTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Dpidmap.seed=" + c.seed() + "\n"
        + "  shrunk trace (JSON Lines; expect = the model's answer):\n"
        + c.jsonLines();
  }
}
