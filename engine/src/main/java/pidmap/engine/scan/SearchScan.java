package pidmap.engine.scan;

import java.util.BitSet;
import pidmap.spec.Geometry;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;

/**
 * What one alloc would do, found by a brute-force scan: the pid it takes (or
 * {@link PidAllocator#NO_PID}) and the bitmap pages its search passes through, which the seed
 * installs on the way (pid.c 136-149). Immutable.
 *
 * @param pid the pid the search takes, or NO_PID
 * @param pages the pages the search passes through, in no order
 */
public record SearchScan(int pid, BitSet pages) {

  public SearchScan {
    pages = (BitSet) pages.clone();
  }

  /** Whether the search passes through {@code page}. */
  public boolean passes(int page) {
    return pages.get(page);
  }

  /**
   * The scan of {@code profile}'s search over {@code taken} (the allocated pids, pid 0 included)
   * from {@code lastPid} below {@code pidMax}.
   */
  public static SearchScan of(
      Profile profile, Geometry g, BitSet taken, int lastPid, int pidMax) {
    switch (profile) {
      case LINUX_2_6_24:
        return SeedLoopScan.scan(g, taken, lastPid, pidMax);
      case LINUX_6:
        return CyclicScan.scan(g, taken, lastPid, pidMax);
      default:
        throw new IllegalArgumentException("no scan for profile " + profile);
    }
  }
}
