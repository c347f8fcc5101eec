package pidmap.explorer.interleave;

import java.util.Locale;
import java.util.Map;

/**
 * An interleaving exploration's outcome: what it covered, what it found for each property, and
 * how the histories classify. Immutable.
 *
 * @param plan what was explored
 * @param candidate the allocator's name
 * @param states distinct states reached
 * @param transitions steps run (each one shared-memory access of one thread)
 * @param ends end states: every thread done, each a distinct complete execution
 * @param found the first (fewest steps) violation of each property that broke
 * @param linearizable per specification, how many end states' histories are linearizable to it
 * @param millis wall-clock time
 * @param cpuMillis the JVM's CPU time meanwhile, or -1
 */
public record InterleaveResult(Plan plan, String candidate, long states, long transitions,
    long ends, Map<Property, Found> found, Map<String, Long> linearizable, long millis,
    long cpuMillis) {

  /** A violation: its message, the interleaving that reaches it, its length in steps. */
  public record Found(String message, String table, int steps) {}

  public InterleaveResult {
    found = Map.copyOf(found);
    linearizable = Map.copyOf(linearizable);
  }

  public boolean passed() {
    return found.isEmpty();
  }

  /** The summary line, e.g. {@code 2 threads x 3 ops ...: 1,234 states, ... PASS}. */
  public String row() {
    return String.format(Locale.ROOT, "explore --interleave %s [%s]: %,d states, %,d steps, %,d"
        + " complete executions, %.1f s (cpu %.1f s)  %s", plan.describe(), candidate, states,
        transitions, ends, millis / 1000.0, cpuMillis / 1000.0, passed() ? "PASS" : "FAIL");
  }

  /** Every property's verdict, the classification, and each violation's interleaving. */
  public String report() {
    StringBuilder b = new StringBuilder(row()).append('\n');
    for (Property p : Property.values()) {
      Found f = found.get(p);
      b.append(String.format(Locale.ROOT, "  %-8s %-58s %s%n", p.id(), p.sentence(),
          f == null ? "holds" : "BROKEN in " + f.steps() + " steps"));
    }
    b.append("  histories linearizable to:\n");
    for (String spec : new String[] {Histories.SOME_FREE, Histories.SOME_FREE_FAILS_RARELY,
        Histories.SEED_ORDER}) {
      b.append(String.format(Locale.ROOT, "    %-50s %,d of %,d%n", spec,
          linearizable.getOrDefault(spec, 0L), ends));
    }
    for (Property p : Property.values()) {
      Found f = found.get(p);
      if (f != null) {
        b.append('\n').append(f.message()).append('\n').append(f.table());
      }
    }
    return b.toString();
  }
}
