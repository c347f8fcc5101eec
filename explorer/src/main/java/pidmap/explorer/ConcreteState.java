package pidmap.explorer;

import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;

/**
 * Compares an allocator's whole state after a step with the state the step should leave: the
 * installed pages, every page's bits and free counter, last_pid and pid_max. A difference is
 * named by the invariant it breaks when there is one (PIDMAP-1 pid 0, PIDMAP-2 a counter off its
 * page, PIDMAP-3 a page installed that no pid was taken from or a pid on a missing page, PIDMAP-4
 * a pid allocated or free against the answers, ALLOC-3 last_pid). Stateless.
 */
final class ConcreteState {
  private ConcreteState() {}

  /** The impl's memory against {@code expected}; null when they agree. */
  static String differs(SequentialMemory m, long expected, Geometry g) {
    int bpp = g.bitsPerPage();
    if (m.matches(expected)) {
      return null;
    }
    long pageMask = (1L << bpp) - 1;
    long set = StateCode.set(expected);
    int installed = StateCode.installed(expected);
    for (int p = 0; p < m.slots(); p++) {
      boolean want = (installed & (1 << p)) != 0;
      long wantWord = p * bpp < 64 ? (set >>> (p * bpp)) & pageMask : 0;
      String d = page(p, want, wantWord, m.slotInstalled(p),
          m.slotInstalled(p) ? m.word(p) & pageMask : 0, m.counter(p), bpp);
      if (d != null) {
        return d;
      }
    }
    return scalars(m.lastPidNow(), m.pidMaxNow(), expected);
  }

  /** A walk's state (see {@link Replays}) against {@code expected}; null when they agree. */
  static String differs(long haveSet, int haveInstalled, int[] free, int lastPid, int pidMax,
      long expected, Geometry g) {
    int bpp = g.bitsPerPage();
    long pageMask = (1L << bpp) - 1;
    long set = StateCode.set(expected);
    int installed = StateCode.installed(expected);
    for (int p = 0; p < free.length; p++) {
      boolean want = (installed & (1 << p)) != 0;
      long wantWord = p * bpp < 64 ? (set >>> (p * bpp)) & pageMask : 0;
      long haveWord = p * bpp < 64 ? (haveSet >>> (p * bpp)) & pageMask : 0;
      String d = page(p, want, wantWord, (haveInstalled & (1 << p)) != 0, haveWord, free[p], bpp);
      if (d != null) {
        return d;
      }
    }
    return scalars(lastPid, pidMax, expected);
  }

  /** Any allocator, through its inspection view, against {@code expected}; null when they agree. */
  static String differs(InspectablePidAllocator a, long expected, Geometry g) {
    int bpp = g.bitsPerPage();
    long pageMask = (1L << bpp) - 1;
    long set = StateCode.set(expected);
    int installed = StateCode.installed(expected);
    java.util.BitSet have = a.allocated();
    if (have.length() > g.pidMaxLimit()) {
      return "invariant PIDMAP-4 failed: pid " + (have.length() - 1)
          + " is allocated after the step but should be free";
    }
    long haveSet = have.isEmpty() ? 0 : have.toLongArray()[0];
    for (int p = 0; p < g.pidmapEntries(); p++) {
      boolean want = (installed & (1 << p)) != 0;
      long wantWord = p * bpp < 64 ? (set >>> (p * bpp)) & pageMask : 0;
      long haveWord = p * bpp < 64 ? (haveSet >>> (p * bpp)) & pageMask : 0;
      int counter = a.pageFreeCounter(p);
      if (a.pageSetBits(p) != Long.bitCount(haveWord)) {
        return "page " + p + " has " + a.pageSetBits(p) + " bits set but "
            + Long.bitCount(haveWord) + " allocated pids";
      }
      String d = page(p, want, wantWord, a.pageInstalled(p), haveWord, counter, bpp);
      if (d != null) {
        return d;
      }
    }
    return scalars(a.lastPid(), a.pidMax(), expected);
  }

  /** last_pid and pid_max against {@code expected}. */
  static String scalars(int lastPid, int pidMax, long expected) {
    if (lastPid != StateCode.lastPid(expected)) {
      return "invariant ALLOC-3 failed: last_pid is " + lastPid + ", expected "
          + StateCode.lastPid(expected);
    }
    if (pidMax != StateCode.pidMax(expected)) {
      return "pid_max is " + pidMax + " but should be " + StateCode.pidMax(expected);
    }
    return null;
  }

  private static String page(int p, boolean want, long wantWord, boolean have, long haveWord,
      int counter, int bpp) {
    if (p == 0 && (haveWord & 1) == 0) {
      return "invariant PIDMAP-1 failed: pid 0 is not allocated";
    }
    if (haveWord != 0 && !have) {
      return "invariant PIDMAP-3 failed: page " + p + " has bits set but is not installed";
    }
    int bits = Long.bitCount(haveWord);
    if (counter != bpp - bits) {
      return "invariant PIDMAP-2 failed: page " + p + " has free counter " + counter + " but "
          + bits + " of " + bpp + " bits set";
    }
    if (haveWord != wantWord) {
      long diff = haveWord ^ wantWord;
      int pid = p * bpp + Long.numberOfTrailingZeros(diff);
      boolean allocated = (haveWord & Long.lowestOneBit(diff)) != 0;
      return "invariant PIDMAP-4 failed: pid " + pid + " is " + (allocated ? "allocated" : "free")
          + " after the step but should be " + (allocated ? "free" : "allocated");
    }
    if (have != want) {
      return have
          ? "invariant PIDMAP-3 failed: page " + p + " is installed but no alloc took a pid from it"
          : "page " + p + " is not installed but an alloc took a pid from it";
    }
    return null;
  }
}
