package pidmap.conformance.kernel;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a kernel campaign did: steps per scenario kind, time, and the first divergence if any.
 *
 * @param release the kernel's release string, as the agent read it
 * @param episodes how many scenarios ran, each in a fresh namespace
 * @param stepsByKind steps run per scenario kind
 * @param nanos wall time of all episodes, agent start-up included
 * @param firstDivergence the first disagreement, or null
 */
public record KernelReport(String release, int episodes, Map<ScenarioKind, Long> stepsByKind,
    long nanos, KernelDivergence firstDivergence) {

  public KernelReport {
    stepsByKind = Map.copyOf(new EnumMap<>(stepsByKind));
  }

  public long steps() {
    return stepsByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  public double stepsPerSecond() {
    return nanos == 0 ? 0 : steps() * 1e9 / nanos;
  }

  public int divergences() {
    return firstDivergence == null ? 0 : 1;
  }

  /** One line: steps, rate, divergences, and the scenario mix. */
  public String summary() {
    String mix = new EnumMap<>(stepsByKind).entrySet().stream()
        .map(e -> e.getKey().id() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    return String.format(java.util.Locale.ROOT,
        "kernel %s: %d steps in %d scenarios, %.1f s, %.0f steps/s, %d divergences (%s)",
        release, steps(), episodes, nanos / 1e9, stepsPerSecond(), divergences(), mix);
  }
}
