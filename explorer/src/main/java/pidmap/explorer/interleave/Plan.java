package pidmap.explorer.interleave;

import java.util.Locale;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.Require;

/**
 * What one interleaving exploration covers: a geometry and profile, the last_pid update, how
 * many threads, and how many operations each runs. The threads start at a fresh allocator
 * (pid 0, the default pid_max) whose last_pid was set to {@code startLastPid}, and, at each of
 * their operations, run any of alloc, free of the newest pid they hold (when they hold one) and,
 * with {@code next}, next from 0 — all choices and all orders of every step are explored.
 * Immutable.
 *
 * @param geometry at most 64 bits per page
 * @param profile the search rule
 * @param update how alloc records last_pid
 * @param threads 1 to 4
 * @param ops operations per thread, 1 to 4
 * @param next whether next is one of the operations
 * @param startLastPid last_pid when the threads start, in [0, pid_max]
 */
public record Plan(Geometry geometry, Profile profile, LastPidUpdate update, int threads, int ops,
    boolean next, int startLastPid) {

  /** From last_pid 0. */
  public Plan(Geometry geometry, Profile profile, LastPidUpdate update, int threads, int ops,
      boolean next) {
    this(geometry, profile, update, threads, ops, next, 0);
  }

  public Plan {
    Require.lastPid(startLastPid, geometry.defaultPidMax());
    Require.inClosed("threads", threads, 1, null, 4, null);
    Require.inClosed("ops", ops, 1, null, 4, null);
    Require.inClosed("bits_per_page", geometry.bitsPerPage(), 4, null, 64,
        "the interleaving explorer's words");
  }

  /** E.g. {@code 2 threads x 3 ops, 4/1/8 pid_max 8, linux-2.6.24, seed}. */
  public String describe() {
    return String.format(Locale.ROOT, "%d threads x %d ops (alloc, free%s), %d/%d/%d pid_max %d%s,"
        + " %s, last_pid update %s", threads, ops, next ? ", next" : "", geometry.bitsPerPage(),
        geometry.reservedPids(), geometry.pidMaxLimit(), geometry.defaultPidMax(),
        startLastPid == 0 ? "" : " from last_pid " + startLastPid, profile.id(),
        update == LastPidUpdate.SEED_PLAIN_STORE ? "seed" : "pid-before");
  }
}
