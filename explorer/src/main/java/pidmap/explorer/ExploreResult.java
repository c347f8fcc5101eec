package pidmap.explorer;

import java.util.Locale;

/**
 * One exploration's row for a report or for {@code ./pidmap verify}: what was covered, how long
 * it took, and the verdict with the shortest counterexample when it failed. Immutable.
 *
 * @param scope what was explored
 * @param candidate a short name of the allocator checked against the model
 * @param states distinct reachable states expanded
 * @param transitions (state, operation) pairs run and checked
 * @param engineSteps every step the engines ran: transitions plus the steps that rebuilt a state
 *     and undid a change
 * @param depth the deepest breadth-first level reached (the longest shortest path to a state)
 * @param millis wall-clock time
 * @param cpuMillis CPU time the whole JVM used meanwhile (all threads, GC included); -1 when the
 *     JVM does not say
 * @param counterexample null when every transition conformed
 */
public record ExploreResult(
    Scope scope,
    String candidate,
    long states,
    long transitions,
    long engineSteps,
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

  /** The row, e.g. {@code explore 4/2/16 pid_max 14  linux-2.6.24  122,880 states ...  PASS}. */
  public String row() {
    return String.format(Locale.ROOT,
        "explore %-32s %-13s %,11d states %,13d transitions  depth %2d  %7.1f s (cpu %6.1f s)  %s",
        scope.name(), scope.profile().id(), states, transitions, depth, millis / 1000.0,
        cpuMillis / 1000.0, verdict());
  }

  @Override
  public String toString() {
    return passed() ? row() : row() + "\n  counterexample: " + counterexample;
  }

  /** CPU time of this JVM so far, in milliseconds, or -1. */
  static long processCpuMillis() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      long ns = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
      return ns < 0 ? -1 : ns / 1_000_000;
    }
    return -1;
  }
}
