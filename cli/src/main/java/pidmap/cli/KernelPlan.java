package pidmap.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import pidmap.oracle.NestedLockstep;
import pidmap.oracle.ScenarioKind;

/** What a kernel check will run, said before it runs. Stateless. */
final class KernelPlan {
  private KernelPlan() {}

  /** {@code total} split into {@code parts} sizes that differ by at most one, none empty. */
  static List<Long> split(long total, int parts) {
    int n = (int) Math.min(parts, total);
    List<Long> sizes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sizes.add(total / n + (i < total % n ? 1 : 0));
    }
    return sizes;
  }

  /** The flat campaign's plan: scenarios, their kinds in turn, and the kinds it will not reach. */
  static String flat(long steps, long seed, List<ScenarioKind> kinds, int perScenario,
      Integer pidMax) {
    long scenarios = (steps + perScenario - 1) / perScenario;
    Set<ScenarioKind> reached = new LinkedHashSet<>();
    for (long i = 0; i < Math.min(scenarios, kinds.size()); i++) {
      reached.add(kinds.get((int) i));
    }
    List<ScenarioKind> missed = kinds.stream().filter(k -> !reached.contains(k)).distinct()
        .toList();
    StringBuilder b = new StringBuilder("kernel check: ")
        .append(Reports.count(steps, "step")).append(" from seed ").append(seed).append(" as ")
        .append(Reports.count(scenarios, "scenario")).append(" of up to ").append(perScenario)
        .append(" steps, each in a fresh PID namespace, kinds in turn: ")
        .append(reached.stream().map(ScenarioKind::id).collect(Collectors.joining(", ")))
        .append(pidMax == null ? "" : "; pid_max " + pidMax);
    if (!missed.isEmpty()) {
      b.append("\n  not reached with these numbers: ")
          .append(missed.stream().map(ScenarioKind::id).collect(Collectors.joining(", ")))
          .append(" (give --steps ").append((long) kinds.size() * perScenario)
          .append(" or --scenario-steps ").append(Math.max(1, steps / kinds.size()))
          .append(" to reach every kind)");
    }
    return b.toString();
  }

  /** The nested campaign's plan: runs, their sizes, level 0's pid_max and seed of each. */
  static String nested(long steps, long seed, List<Long> split) {
    StringBuilder b = new StringBuilder("kernel check --nested: ")
        .append(Reports.count(steps, "layer step")).append(" in ")
        .append(Reports.count(split.size(), "run")).append(", each in a fresh nested namespace:");
    for (int i = 0; i < split.size(); i++) {
      b.append(i == 0 ? " " : ", ").append(split.get(i)).append(" steps at level 0 pid_max ")
          .append(NestedLockstep.PID_MAXES.get(i)).append(" (seed ").append(seed + i).append(')');
    }
    return b.toString();
  }
}
