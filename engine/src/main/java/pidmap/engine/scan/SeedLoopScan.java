package pidmap.engine.scan;

import java.util.BitSet;
import pidmap.spec.Geometry;
import pidmap.spec.PidAllocator;

/**
 * The seed's alloc_pidmap (kernel/pid.c of Linux 2.6.24, lines 124-182), line by line, over a
 * {@link BitSet} of taken pids instead of bitmap pages: the loop of max_scan+1 passes, the
 * full-page skip by the page's free count (recounted here from the set), the do-while's three
 * conditions and the wrap to RESERVED_PIDS. It takes nothing: it says which pid the loop would
 * take and which pages it would enter (each entered page is installed, lines 136-149).
 *
 * <p>Deliberately the plainest code: no candidate ranges (that is the model's statement of the
 * rule), no atomics (the impl's). Stateless.
 */
final class SeedLoopScan {
  private SeedLoopScan() {}

  static SearchScan scan(Geometry g, BitSet taken, int last, int pidMax) {
    int bitsPerPage = g.bitsPerPage();
    int mask = bitsPerPage - 1;
    BitSet entered = new BitSet();
    // lines 126-134
    int pid = last + 1;
    if (pid >= pidMax) {
      pid = g.reservedPids();
    }
    int offset = pid & mask;
    int map = pid / bitsPerPage;
    int maxScan = (pidMax + bitsPerPage - 1) / bitsPerPage - (offset == 0 ? 1 : 0);
    for (int i = 0; i <= maxScan; ++i) {
      entered.set(map); // lines 136-149: a missing page is installed before anything else
      if (freeBitsIn(taken, map, bitsPerPage) != 0) { // line 151
        do {
          if (!taken.get(pid)) { // line 153: test_and_set_bit finds the bit clear
            return new SearchScan(pid, entered);
          }
          offset = nextZeroInPage(taken, map, offset, bitsPerPage); // line 158
          pid = map * bitsPerPage + offset; // line 159
        } while (offset < bitsPerPage && pid < pidMax
            && (i != maxScan || pid < last || ((last + 1) & mask) == 0)); // lines 166-168
      }
      if (map < (pidMax - 1) / bitsPerPage) { // lines 170-172
        map++;
        offset = 0;
      } else { // lines 173-178
        map = 0;
        offset = g.reservedPids();
        if (last == offset) {
          break;
        }
      }
      pid = map * bitsPerPage + offset; // line 179
    }
    return new SearchScan(PidAllocator.NO_PID, entered);
  }

  /** nr_free of page {@code map}, counted from the set. */
  private static int freeBitsIn(BitSet taken, int map, int bitsPerPage) {
    int from = map * bitsPerPage;
    return bitsPerPage - taken.get(from, from + bitsPerPage).cardinality();
  }

  /** find_next_zero_bit(page, BITS_PER_PAGE, offset): bitsPerPage when the page has none. */
  private static int nextZeroInPage(BitSet taken, int map, int offset, int bitsPerPage) {
    int from = map * bitsPerPage;
    return Math.min(taken.nextClearBit(from + offset) - from, bitsPerPage);
  }
}
