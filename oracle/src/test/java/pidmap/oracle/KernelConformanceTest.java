package pidmap.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live kernel against the linux-6 model and impl: at least 100,000 lockstep steps across
 * every scenario kind, zero divergences. Skipped, with the reason, where the machine does not
 * allow PID namespaces; {@code PIDMAP_REQUIRE_KERNEL=1} (set by .ci/run) turns the skip into a
 * failure. {@code -Dpidmap.kernel.steps=N} and {@code -Dpidmap.kernel.seed=S} change the run.
 */
class KernelConformanceTest {
  static final long STEPS = Long.getLong("pidmap.kernel.steps", 100_000);
  static final long SEED = Long.getLong("pidmap.kernel.seed", 20_250_601);

  @Test
  void kernelAgreesWithTheLinux6ModelOnEveryStep() throws IOException {
    KernelReport report;
    try {
      int perScenario = (int) Math.max(100,
          Math.min(KernelCampaign.DEFAULT_EPISODE_STEPS, STEPS / ScenarioKind.values().length));
      report = KernelCampaign.run(STEPS, SEED, List.of(ScenarioKind.values()), perScenario, null);
    } catch (KernelUnavailableException e) {
      KernelRequirement.skipOrFail(e);
      return;
    }
    System.out.println(report.summary() + " [seed " + SEED + "]");
    System.out.println("  exercised: " + report.eventSummary());
    assertThat(report.firstDivergence())
        .as(() -> report.firstDivergence().report())
        .isNull();
    assertThat(report.steps()).isGreaterThanOrEqualTo(STEPS);
    assertThat(report.stepsByKind().keySet()).isEqualTo(EnumSet.allOf(ScenarioKind.class));
    // every case of the rule was reached, not only every scenario kind
    assertThat(report.events().keySet()).isEqualTo(EnumSet.allOf(KernelEvent.class));
  }
}
