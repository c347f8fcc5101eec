package pidmap.spec.pid;

/**
 * What one pid cache reports: there is one per number of levels, made the first time a
 * namespace of that depth is created, shared by every namespace of that depth and never
 * destroyed. It counts the struct pids taken from it and not yet given back, so a leaked pid
 * shows up as a live object.
 *
 * <p>Seed: pid.c lines 455-501 (create_pid_cachep), 517, 658.
 *
 * @param name {@code pid_<nrIds>}, as the seed names it
 * @param nrIds how many numbers each of its pids carries (level + 1)
 * @param liveObjects pids taken from it and not yet released
 */
public record PidCache(String name, int nrIds, int liveObjects) {

  /** The seed's name for the cache of pids with {@code nrIds} numbers (seed line 483). */
  public static String nameFor(int nrIds) {
    return "pid_" + nrIds;
  }
}
