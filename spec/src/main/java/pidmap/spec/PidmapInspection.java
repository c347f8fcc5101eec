package pidmap.spec;

import java.util.BitSet;

/**
 * A read-only view of an allocator's bitmap, for checks: the allocated set, the pages and their
 * free counters. Not part of the kernel's interface; an allocator under test may lack it (then
 * only its answers are compared). Exact only while no alloc or free is in flight.
 */
public interface PidmapInspection {

  Geometry geometry();

  Profile profile();

  /** Whether {@code pid} is allocated. @throws PidmapException if pid is out of range */
  boolean isAllocated(int pid);

  /** How many pids are allocated, pid 0 included. */
  int allocatedCount();

  /** A copy of the allocated set. */
  BitSet allocated();

  /** Whether the bitmap page with this index exists (pages are installed on first use). */
  boolean pageInstalled(int page);

  /** The page's free counter (nr_free); bits_per_page for a page never installed. */
  int pageFreeCounter(int page);

  /** How many bits the page has set; 0 for a page never installed. */
  int pageSetBits(int page);
}
