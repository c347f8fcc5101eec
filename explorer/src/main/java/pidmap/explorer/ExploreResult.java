package pidmap.explorer;

import java.util.Locale;

/**
 * One exploration's row for a report or for {@code ./pidmap verify}: what was covered, how long
 * it took, and the verdict with the shortest counterexample when it failed. Immutable.
 *
 * @param scope what was explored
 * @param candidate a short name of the allocator checked against the model
 * @param states distinct states expanded
 * @param transitions (state, operation) pairs run and checked
 * @param depth the deepest breadth-first level reached, or -1 when the scope's states were
 *     enumerated directly
 * @param millis wall-clock time
 * @param cpuMillis CPU time the whole JVM used meanwhile (all threads, JIT and GC included); -1
 *     when the JVM does not say
 * @param counterexample null when every transition conformed
 */
public record ExploreResult(
    Scope scope,
    String candidate,
    long states,
    long transitions,
    int depth,
    long millis,
    long cpuMillis,
    ShortestFailure counterexample) {

  public boolean passed() {
    return counterexample == null;
  }

  public String verdict() {
    return passed() ? "PASS" : "FAIL";
  }

  /** The row, e.g. {@code explore 4/2/16 pid_max 14  linux-2.6.24  173,400 states ...  PASS}. */
  public String row() {
    String how = depth < 0 ? "enumerated" : String.format(Locale.ROOT, "depth %2d", depth);
    return String.format(Locale.ROOT,
        "explore %-32s %-13s %,11d states %,14d transitions  %-10s %7.1f s (cpu %6.1f s)  %s",
        scope.name(), scope.profile().id(), states, transitions, how, millis / 1000.0,
        cpuMillis / 1000.0, verdict());
  }

  @Override
  public String toString() {
    return passed() ? row() : row() + "\n  counterexample: " + counterexample;
  }

  /** CPU time of this JVM so far, in milliseconds, or -1. */
  public static long processCpuMillis() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      long ns = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
      return ns < 0 ? -1 : ns / 1_000_000;
    }
    return -1;
  }
}
