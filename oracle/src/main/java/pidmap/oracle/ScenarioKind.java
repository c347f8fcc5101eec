package pidmap.oracle;

import java.util.Arrays;
import java.util.stream.Collectors;
import pidmap.spec.PidmapException;

/** The kinds of generated kernel scenarios; the campaign runs them in turn. Immutable. */
public enum ScenarioKind {
  /** pid_max 301-320 to exhaustion and back, again and again. */
  TINY_EXHAUSTION("tiny-exhaustion"),
  /** ns_last_pid written at 0, 1, around RESERVED_PIDS, around pid_max, and refused past it. */
  LAST_PID_EDGES("last-pid-edges"),
  /** pid_max lowered below live pids, allocs that wrap, next above pid_max, raised again. */
  PID_MAX_LOWERED("pid-max-lowered"),
  /** pid_max 32768-131072 with last_pid near multiples of 32768. */
  PAGE_BOUNDARY("page-boundary"),
  /** pid_max 301-330: random allocs and frees right at exhaustion. */
  CHURN("churn");

  private final String id;

  ScenarioKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** A fresh scenario of this kind; {@code pidMax} overrides the kind's own choice when set. */
  Scenario create(long seed, Integer pidMax) {
    switch (this) {
      case TINY_EXHAUSTION:
        return new KernelScenarios.TinyExhaustion(seed, pidMax);
      case LAST_PID_EDGES:
        return new KernelScenarios.LastPidEdges(seed, pidMax);
      case PID_MAX_LOWERED:
        return new KernelScenarios.PidMaxLowered(seed, pidMax);
      case PAGE_BOUNDARY:
        return new KernelScenarios.PageBoundary(seed, pidMax);
      default:
        return new KernelScenarios.Churn(seed, pidMax);
    }
  }

  public static ScenarioKind byId(String id) {
    for (ScenarioKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new PidmapException("kind", id,
        "one of " + Arrays.stream(values()).map(ScenarioKind::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
