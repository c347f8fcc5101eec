package pidmap.impl;

import pidmap.spec.PidAllocator;

/**
 * alloc_pidmap's loop as the seed writes it (kernel/pid.c of Linux 2.6.24, lines 124-182): one
 * pass per page from the page after last_pid, wrapping to offset RESERVED_PIDS of page 0, at
 * most max_scan+1 passes; the model's SeedSearchRule states the rule this loop implements and
 * its quirks. Thread-safe and lock-free, as its {@link Pages}.
 */
final class SeedSearch implements Search {
  private final Pages pages;
  private final int reserved;

  SeedSearch(Pages pages, int reserved) {
    this.pages = pages;
    this.reserved = reserved;
  }

  @Override
  public int take(int max, int last) {
    final int bitsPerPage = pages.bitsPerPage;
    final int shift = pages.shift;
    final int mask = pages.mask;
    int pid = last + 1;
    if (pid >= max) {
      pid = reserved;
    }
    int offset = pid & mask;
    int map = pid >>> shift;
    final int lastMap = (max - 1) >>> shift;
    final int maxScan = (max + bitsPerPage - 1) / bitsPerPage - (offset == 0 ? 1 : 0);
    for (int i = 0; i <= maxScan; ++i) {
      long[] page = pages.installedPage(map);
      if (pages.freeCount(map) != 0) { // a full page is skipped without reading its bits (seed 151)
        do {
          if (pages.claim(page, map, offset)) { // keeps [ALLOC-1]: the set decides ownership
            return pid;
          }
          offset = pages.nextZero(page, offset);
          pid = (map << shift) + offset;
          // On the last pass over the start page, stop before last_pid, unless last_pid+1
          // started a page (then the last pass is the page before, and is scanned whole).
        } while (offset < bitsPerPage
            && pid < max // keeps [ALLOC-4]
            && (i != maxScan || pid < last || ((last + 1) & mask) == 0));
      }
      if (map < lastMap) {
        ++map;
        offset = 0;
      } else {
        map = 0;
        offset = reserved; // the wrap skips the reserved pids (seed 174-175)
        if (last == offset) {
          break; // the seed gives up here; see SeedSearchRule for what that costs
        }
      }
      pid = (map << shift) + offset;
    }
    return PidAllocator.NO_PID;
  }
}
