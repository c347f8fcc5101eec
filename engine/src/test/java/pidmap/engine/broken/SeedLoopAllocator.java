package pidmap.engine.broken;

import java.util.Arrays;
import java.util.BitSet;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;
import pidmap.spec.Require;

/**
 * The seed's alloc loop written once more, plainly and sequentially, as the base of the broken
 * twins (lazily installed pages, a free counter per page; Seed: pid.c lines 115-200): not the
 * impl's code (no memory seam, no atomics, {@code java.util.BitSet} pages), with each step that a
 * bug could get wrong behind a small protected hook. Unchanged it conforms; each broken variant in
 * {@link BrokenAllocators} and {@code SeedLoopTwins} overrides exactly one hook.
 *
 * <p>Not thread-safe: test scope only, for the sequential engine.
 */
public class SeedLoopAllocator implements InspectablePidAllocator {

  protected final Geometry geometry;
  private final Profile profile;
  protected final int bitsPerPage;
  private final BitSet[] pages;
  protected final int[] nrFree;
  private int pidMax;
  protected int lastPid;

  public SeedLoopAllocator(Geometry geometry, Profile profile) {
    this.geometry = geometry;
    this.profile = profile;
    this.bitsPerPage = geometry.bitsPerPage();
    this.pages = new BitSet[geometry.pidmapEntries()];
    this.nrFree = new int[pages.length];
    Arrays.fill(nrFree, bitsPerPage);
    for (int map = 0; map < pages.length; map++) {
      if (map == 0 || installedUpFront(map)) {
        pages[map] = new BitSet(bitsPerPage);
      }
    }
    if (reservesPidZero()) {
      pages[0].set(0);
    }
    nrFree[0] = bitsPerPage - 1;
    this.pidMax = geometry.defaultPidMax();
  }

  // ---- the hooks: each returns or does what the seed does ----

  /**
   * Whether page {@code map} (1 or more) is installed by the constructor; the seed installs only
   * page 0 (seed 513). Called from the constructor: an override must not read its own fields.
   */
  protected boolean installedUpFront(int map) {
    return false;
  }

  /** Whether the constructor sets pid 0's bit (seed 526). Called from the constructor. */
  protected boolean reservesPidZero() {
    return true;
  }

  /** The number of passes after the first (seed 134: pages below pid_max, less one at a page start). */
  protected int maxScan(int max, int offset) {
    return (max + bitsPerPage - 1) / bitsPerPage - (offset == 0 ? 1 : 0);
  }

  /** Whether a probe at {@code pid} is still below pid_max (seed 166). */
  protected boolean belowPidMax(int pid, int max) {
    return pid < max;
  }

  /** Whether free clears the pid's bit (seed 120). */
  protected boolean freeClearsTheBit() {
    return true;
  }

  /** Whether set_pid_max checks its bound before it stores (the contract's rule for bad input). */
  protected boolean setPidMaxChecksFirst() {
    return true;
  }

  /** Whether free drops a page that becomes empty (the seed never frees a page, seed 66-69). */
  protected boolean freeDropsAnEmptyPage() {
    return false;
  }

  /** The offset in page 0 where the search goes on after passing pid_max (seed 174-175). */
  protected int wrapOffset() {
    return geometry.reservedPids();
  }

  /** Takes the free bit {@code offset} of {@code page}: the seed's test-and-set (seed 153). */
  protected boolean claim(BitSet page, int offset, boolean firstProbe) {
    if (page.get(offset)) {
      return false;
    }
    page.set(offset);
    return true;
  }

  /** Books an alloc in the page's counter (seed 154). */
  protected void countAlloc(int map) {
    nrFree[map]--;
  }

  /** Books a free in the page's counter (seed 120). */
  protected void countFree(int map) {
    nrFree[map]++;
  }

  /** Records the pid just handed out (seed 155). */
  protected void storeLast(int pid) {
    lastPid = pid;
  }

  /** Whether the last pass over the start page stops before last_pid (seed 166-168). */
  protected boolean lastPassStopsBeforeLast() {
    return true;
  }

  /** Whether free refuses a pid that is not allocated (the seed's free_pidmap does not check). */
  protected boolean freeChecksTheBit() {
    return true;
  }

  /** Where next_pidmap starts looking in each page after the first (seed 195-198). */
  protected int nextPageStartOffset() {
    return 0;
  }

  /** The pid the search starts at, given last_pid+1 (or RESERVED_PIDS past pid_max; seed 127-133). */
  protected int startPid(int pid) {
    return pid;
  }

  /** The page after {@code map} when the search runs off its end, below {@code lastMap} (seed 170-172). */
  protected int nextPage(int map, int lastMap) {
    return map + 1;
  }

  /** next_pidmap's bound on its start (the 2.6.38.4 fix; Seed: pid.c 184-190 has none). */
  protected void checkNextFrom(int last) {
    Require.nextFrom(last, geometry);
  }

  // ---- the allocator ----

  @Override
  public int alloc() {
    int max = pidMax;
    int last = lastPid;
    int mask = bitsPerPage - 1;
    int pid = startPid(last + 1 >= max ? geometry.reservedPids() : last + 1);
    int offset = pid & mask;
    int map = pid / bitsPerPage;
    int lastMap = (max - 1) / bitsPerPage;
    int maxScan = maxScan(max, offset);
    boolean firstProbe = true;
    for (int i = 0; i <= maxScan; ++i) {
      if (pages[map] == null) {
        pages[map] = new BitSet(bitsPerPage);
      }
      BitSet page = pages[map];
      if (nrFree[map] != 0) {
        do {
          if (claim(page, offset, firstProbe)) {
            countAlloc(map);
            storeLast(pid);
            return pid;
          }
          firstProbe = false;
          offset = page.nextClearBit(offset);
          pid = map * bitsPerPage + offset;
        } while (offset < bitsPerPage
            && belowPidMax(pid, max)
            && (i != maxScan || pid < last || ((last + 1) & mask) == 0
                || !lastPassStopsBeforeLast()));
      }
      if (map < lastMap) {
        map = nextPage(map, lastMap);
        offset = 0;
      } else {
        map = 0;
        offset = wrapOffset();
        if (last == offset) {
          break;
        }
      }
      pid = map * bitsPerPage + offset;
    }
    return NO_PID;
  }

  @Override
  public void free(int pid) {
    Require.pidInRange("pid", pid, geometry);
    Require.freeable(pid, geometry, pid != 0 && (!freeChecksTheBit() || isAllocated(pid)));
    int map = pid / bitsPerPage;
    if (pages[map] != null && freeClearsTheBit()) {
      pages[map].clear(pid % bitsPerPage);
      if (map > 0 && pages[map].isEmpty() && freeDropsAnEmptyPage()) {
        pages[map] = null;
      }
    }
    countFree(map);
  }

  @Override
  public int next(int last) {
    checkNextFrom(last);
    int start = last + 1;
    int offset = start % bitsPerPage;
    for (int map = start / bitsPerPage; map < pages.length; map++) {
      if (pages[map] != null) {
        int off = pages[map].nextSetBit(offset);
        if (off >= 0 && off < bitsPerPage) {
          return map * bitsPerPage + off;
        }
      }
      offset = nextPageStartOffset();
    }
    return NO_PID;
  }

  @Override
  public boolean isAllocated(int pid) {
    Require.pidInRange("pid", pid, geometry);
    BitSet page = pages[pid / bitsPerPage];
    return page != null && page.get(pid % bitsPerPage);
  }

  @Override
  public Geometry geometry() {
    return geometry;
  }

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public int pidMax() {
    return pidMax;
  }

  @Override
  public void setPidMax(int value) {
    if (!setPidMaxChecksFirst()) {
      pidMax = value;
    }
    pidMax = Require.pidMax(value, geometry);
  }

  @Override
  public int lastPid() {
    return lastPid;
  }

  @Override
  public void setLastPid(int value) {
    lastPid = Require.lastPid(value, pidMax);
  }

  @Override
  public int allocatedCount() {
    int n = 0;
    for (BitSet page : pages) {
      n += page == null ? 0 : page.cardinality();
    }
    return n;
  }

  @Override
  public BitSet allocated() {
    BitSet all = new BitSet();
    for (int map = 0; map < pages.length; map++) {
      if (pages[map] != null) {
        for (int off = pages[map].nextSetBit(0); off >= 0; off = pages[map].nextSetBit(off + 1)) {
          all.set(map * bitsPerPage + off);
        }
      }
    }
    return all;
  }

  @Override
  public boolean pageInstalled(int page) {
    return pages[page] != null;
  }

  @Override
  public int pageFreeCounter(int page) {
    return nrFree[page];
  }

  @Override
  public int pageSetBits(int page) {
    return pages[page] == null ? 0 : pages[page].cardinality();
  }
}
