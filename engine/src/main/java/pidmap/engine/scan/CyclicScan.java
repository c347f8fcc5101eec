package pidmap.engine.scan;

import java.util.BitSet;
import pidmap.spec.Geometry;
import pidmap.spec.PidAllocator;

/**
 * Today's kernel's search (profile linux-6), from its code: alloc_pid (kernel/pid.c) passes
 * idr_alloc_cyclic a lower bound of 1 while the idr's cursor is at most RESERVED_PIDS and
 * RESERVED_PIDS after that, and pid_max as the end; idr_alloc_cyclic (lib/idr.c) starts at the
 * cursor (or the lower bound, if higher), takes the lowest free id up to end-1, and when there
 * is none and it did not start at the lower bound, tries once more from the lower bound. The
 * cursor is last_pid+1. Plain loops over a {@link BitSet}; stateless.
 *
 * <p>Pages: today's kernel keeps pids in an idr, not in bitmap pages, so which pages "exist" is
 * the impl's rule, stated in docs/SEMANTICS.md: each pass installs every page from the one it
 * starts in up to the one where it takes a pid, or, when it takes none, up to the page of the
 * last id it may look at; the second pass looks only below where the first one started, since
 * everything from there up is known taken.
 */
final class CyclicScan {
  private CyclicScan() {}

  static SearchScan scan(Geometry g, BitSet taken, int lastPid, int pidMax) {
    long cursor = (long) lastPid + 1;
    int min = cursor > g.reservedPids() ? g.reservedPids() : 1;
    int max = pidMax - 1; // idr_alloc_cyclic's end is exclusive
    int id = (int) Math.max(cursor, min);
    BitSet entered = new BitSet();
    int pid = lowestFree(taken, id, max, g, entered);
    if (pid == PidAllocator.NO_PID && id > min) {
      pid = lowestFree(taken, min, Math.min(id - 1, max), g, entered);
    }
    return new SearchScan(pid, entered);
  }

  /** The lowest id in [from, to] that is not taken, entering each page it looks in. */
  private static int lowestFree(BitSet taken, int from, int to, Geometry g, BitSet entered) {
    for (int id = from; id <= to; id++) {
      entered.set(id / g.bitsPerPage());
      if (!taken.get(id)) {
        return id;
      }
    }
    return PidAllocator.NO_PID;
  }
}
