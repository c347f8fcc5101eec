package pidmap.zoo;

/**
 * What one check did against one variant: whether it caught it, how much work it did until
 * then (or in all, when it did not), the wall time, and why it failed.
 *
 * @param check the check, e.g. "campaign bpp=4" or "lincheck model checking"
 * @param caught whether the check failed, as it must for a bug
 * @param work what was run until the catch, e.g. "37 steps" or "trace 2"
 * @param nanos wall time until the catch (including shrinking where the check shrinks)
 * @param why the failure's message, or "" when not caught
 *
 * <p>Immutable.
 */
record Catch(String check, boolean caught, String work, long nanos, String why) {

  double millis() {
    return nanos / 1e6;
  }

  @Override
  public String toString() {
    return String.format("%-28s %-8s %-24s %9.1f ms  %s", check, caught ? "CAUGHT" : "passed",
        work, millis(), why.length() > 110 ? why.substring(0, 110) + "..." : why);
  }
}
