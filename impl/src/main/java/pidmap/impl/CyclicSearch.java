package pidmap.impl;

import pidmap.spec.PidAllocator;

/**
 * The linux-6 rule on the same pages and counters: the first free pid from last_pid+1 below
 * pid_max, else from the floor (1 while last_pid+1 &lt;= RESERVED_PIDS, RESERVED_PIDS after
 * that). The model's Linux6SearchRule states the rule and the kernel code it restates.
 * Thread-safe and lock-free, as its {@link Pages}.
 */
final class CyclicSearch implements Search {
  private final Pages pages;
  private final int reserved;

  CyclicSearch(Pages pages, int reserved) {
    this.pages = pages;
    this.reserved = reserved;
  }

  @Override
  public int take(int max, int last) {
    final int floor = last + 1 <= reserved ? 1 : reserved;
    final int start = Math.max(last + 1, floor);
    int pid = claimFirstFree(start, max);
    if (pid == PidAllocator.NO_PID && start > floor) {
      pid = claimFirstFree(floor, Math.min(start, max)); // the wrap: from the floor up
    }
    return pid;
  }

  /** Takes the lowest free pid in [from, to), skipping full pages by their counter. */
  private int claimFirstFree(int from, int to) {
    final int shift = pages.shift;
    final int bitsPerPage = pages.bitsPerPage;
    for (int pid = from; pid < to; pid = ((pid >>> shift) + 1) << shift) {
      int map = pid >>> shift;
      if (pages.freeCount(map) == 0) {
        continue; // a full page is skipped without reading its bits, as in the seed
      }
      long[] page = pages.installedPage(map); // a missing page is all free: it is used right away
      int end = Math.min(bitsPerPage, to - (map << shift));
      for (int off = pages.nextZero(page, pid & pages.mask);
          off < end;
          off = pages.nextZero(page, off + 1)) {
        if (pages.claim(page, map, off)) { // keeps [ALLOC-1]: the set decides ownership
          return (map << shift) + off; // keeps [ALLOC-4]: off < end, so pid < to <= pid_max
        }
      }
    }
    return PidAllocator.NO_PID;
  }
}
