package pidmap.oracle;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a kernel campaign did: steps per scenario kind, time, and the first divergence if any.
 * Immutable.
 *
 * @param release the kernel's release string, as the agent read it
 * @param episodes how many scenarios ran, each in a fresh namespace
 * @param stepsByKind steps run per scenario kind
 * @param nanosByKind wall time per scenario kind, agent start-up included
 * @param events what the steps exercised, over all scenarios
 * @param firstDivergence the first disagreement, or null
 */
public record KernelReport(String release, int episodes, Map<ScenarioKind, Long> stepsByKind,
    Map<ScenarioKind, Long> nanosByKind, Map<KernelEvent, Long> events,
    KernelDivergence firstDivergence) {

  public KernelReport {
    stepsByKind = Map.copyOf(stepsByKind);
    nanosByKind = Map.copyOf(nanosByKind);
    events = Map.copyOf(events);
  }

  /** Wall time of all scenarios. */
  public long nanos() {
    return nanosByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  public long steps() {
    return stepsByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  public double stepsPerSecond() {
    long nanos = nanos();
    return nanos == 0 ? 0 : steps() * 1e9 / nanos;
  }

  public int divergences() {
    return firstDivergence == null ? 0 : 1;
  }

  /** What the steps exercised, e.g. {@code allocs 41210, EAGAIN 3120, wraps 2210, ...}. */
  public String eventSummary() {
    return new EnumMap<>(events).entrySet().stream()
        .map(e -> e.getKey().label() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** One line: steps, rate, divergences, and the scenario mix with each kind's rate. */
  public String summary() {
    String mix = new EnumMap<>(stepsByKind).entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %d at %.0f/s", e.getKey().id(), e.getValue(),
            e.getValue() * 1e9 / Math.max(1, nanosByKind.getOrDefault(e.getKey(), 1L))))
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT,
        "kernel %s: %d steps in %d scenarios, %.1f s, %.0f steps/s, %d divergences (%s)",
        release, steps(), episodes, nanos() / 1e9, stepsPerSecond(), divergences(), mix);
  }
}
