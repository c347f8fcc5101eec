package pidmap.engine.gen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * What a campaign's result reports about its own speed: steps per second of engine time on a
 * known duration, zero before any time was spent, and an engine time that is the time the
 * engine ran, no more than the whole call took.
 */
class CampaignResultTest {

  private static final Geometry SMALL = Geometry.small(4, 2, 14);
  private static final Profile SEED = Profile.LINUX_2_6_24;

  private static Campaign.Result result(long steps, long nanos) {
    return new Campaign.Result(SMALL, SEED, 1, 1, steps, nanos, new Reach(), null);
  }

  @Test
  void stepsPerSecondIsStepsOverEngineSeconds() {
    assertThat(result(1000, 2_000_000_000L).stepsPerSecond()).isEqualTo(500.0);
    assertThat(result(3, 1_500_000L).stepsPerSecond()).isEqualTo(2000.0);
  }

  @Test
  void noEngineTimeMeansZeroStepsPerSecond() {
    assertThat(result(1000, 0).stepsPerSecond()).isEqualTo(0.0);
  }

  @Test
  void theEngineTimeIsPositiveAndWithinTheWholeCall() {
    long t0 = System.nanoTime();
    Campaign.Result r = Campaign.run(SMALL, SEED, BitmapPidAllocator::new, 7, 3, 50);
    long whole = System.nanoTime() - t0;
    assertThat(r.ok()).isTrue();
    assertThat(r.traces()).isEqualTo(3);
    assertThat(r.steps()).isEqualTo(150);
    assertThat(r.engineNanos()).isPositive().isLessThanOrEqualTo(whole);
  }
}
