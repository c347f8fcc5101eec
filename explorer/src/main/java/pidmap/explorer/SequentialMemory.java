package pidmap.explorer;

import java.util.Arrays;
import pidmap.impl.PidmapMemory;
import pidmap.spec.Geometry;

/**
 * The explorer's memory for the real impl: plain arrays that {@link #position} fills from a
 * {@link StateCode} in a few writes, so the impl stands at any state without a path to it, and
 * that the explorer reads back after each operation (slots, words, counters, last_pid, pid_max),
 * the impl's whole concrete state. It notes whether an operation wrote anything at all.
 *
 * <p>Not thread-safe: one per worker thread, and one operation at a time.
 */
final class SequentialMemory implements PidmapMemory {
  private final int bitsPerPage;
  private final long pageMask;
  private final int wordsPerPage;
  private final long[][] slots;
  private final long[][] own;
  private final int[] nrFree;
  private int lastPid;
  private int pidMax;
  /** Whether anything was written since the last {@link #position}. */
  boolean wrote;
  /** The page slots written since then: their slot, words or counter. */
  private int dirty;

  SequentialMemory(Geometry g) {
    this.bitsPerPage = g.bitsPerPage();
    this.pageMask = bitsPerPage >= 64 ? -1L : (1L << bitsPerPage) - 1;
    this.wordsPerPage = Math.max(1, bitsPerPage >>> 6);
    int entries = g.pidmapEntries();
    this.slots = new long[entries][];
    this.own = new long[entries][];
    for (int m = 0; m < entries; m++) {
      own[m] = new long[wordsPerPage];
    }
    this.nrFree = new int[entries];
    Arrays.fill(nrFree, bitsPerPage);
    this.pidMax = g.defaultPidMax();
  }

  /** Puts the memory in {@code state}: the installed pages with their bits, the counters they imply. */
  void position(long state) {
    long set = StateCode.set(state);
    int installed = StateCode.installed(state);
    for (int m = 0; m < slots.length; m++) {
      if ((installed & (1 << m)) != 0) {
        long word = m * bitsPerPage < 64 ? (set >>> (m * bitsPerPage)) & pageMask : 0;
        long[] page = own[m];
        page[0] = word;
        slots[m] = page;
        nrFree[m] = bitsPerPage - Long.bitCount(word);
      } else {
        slots[m] = null;
        nrFree[m] = bitsPerPage;
      }
    }
    lastPid = StateCode.lastPid(state);
    pidMax = StateCode.pidMax(state);
    wrote = false;
    dirty = 0;
    positioned = state;
  }

  /** The state of the last {@link #position}. */
  private long positioned;

  /**
   * Whether the memory holds exactly {@code state}: the installed pages, their bits, every
   * counter at bits_per_page minus its page's bits, last_pid and pid_max.
   */
  boolean matches(long state) {
    if (lastPid != StateCode.lastPid(state) || pidMax != StateCode.pidMax(state)) {
      return false;
    }
    long set = StateCode.set(state);
    int installed = StateCode.installed(state);
    // a slot nothing wrote holds what position put there: compare the codes' pages directly
    long clean = ~0L;
    for (int rest = dirty; rest != 0; rest &= rest - 1) {
      int m = Integer.numberOfTrailingZeros(rest);
      clean &= ~(m * bitsPerPage < 64 ? pageMask << (m * bitsPerPage) : 0);
    }
    if (((set ^ StateCode.set(positioned)) & clean & 0xFFFF_FFFFL) != 0
        || ((installed ^ StateCode.installed(positioned)) & ~dirty) != 0) {
      return false;
    }
    for (int rest = dirty; rest != 0; rest &= rest - 1) {
      int m = Integer.numberOfTrailingZeros(rest);
      long[] page = slots[m];
      long want = m * bitsPerPage < 64 ? (set >>> (m * bitsPerPage)) & pageMask : 0;
      if (page == null) {
        if ((installed & (1 << m)) != 0 || want != 0 || nrFree[m] != bitsPerPage) {
          return false;
        }
      } else if ((installed & (1 << m)) == 0 || page[0] != want
          || nrFree[m] != bitsPerPage - Long.bitCount(want)) {
        return false;
      }
    }
    return true;
  }

  boolean slotInstalled(int m) {
    return slots[m] != null;
  }

  /** The first word of the slot's page (pages of the explorer's geometries have one). */
  long word(int m) {
    return slots[m][0];
  }

  int counter(int m) {
    return nrFree[m];
  }

  int lastPidNow() {
    return lastPid;
  }

  int pidMaxNow() {
    return pidMax;
  }

  @Override
  public int slots() {
    return slots.length;
  }

  @Override
  public long[] loadSlot(int map) {
    return slots[map];
  }

  /** Notes a write to the slot of {@code page}. */
  private void touched(long[] page) {
    wrote = true;
    for (int m = 0; m < own.length; m++) {
      if (slots[m] == page) {
        dirty |= 1 << m;
        return;
      }
    }
    dirty = (1 << own.length) - 1; // a page no slot holds: compare every slot
  }

  @Override
  public long[] casFreshPage(int map) {
    if (slots[map] == null) {
      wrote = true;
      dirty |= 1 << map;
      long[] page = own[map];
      Arrays.fill(page, 0L);
      slots[map] = page;
    }
    return slots[map];
  }

  @Override
  public long[] storeFreshPage(int map) {
    wrote = true;
    dirty |= 1 << map;
    long[] page = slots[map] == null ? own[map] : new long[wordsPerPage];
    Arrays.fill(page, 0L);
    slots[map] = page;
    return page;
  }

  @Override
  public int loadFree(int map) {
    return nrFree[map];
  }

  @Override
  public int getAndAddFree(int map, int delta) {
    wrote = true;
    dirty |= 1 << map;
    int old = nrFree[map];
    nrFree[map] = old + delta;
    return old;
  }

  @Override
  public long loadWord(long[] page, int w) {
    return page[w];
  }

  @Override
  public long getAndOrWord(long[] page, int w, long bits) {
    touched(page);
    long old = page[w];
    page[w] = old | bits;
    return old;
  }

  @Override
  public long getAndAndWord(long[] page, int w, long bits) {
    touched(page);
    long old = page[w];
    page[w] = old & bits;
    return old;
  }

  @Override
  public void storeWord(long[] page, int w, long value) {
    touched(page);
    page[w] = value;
  }

  @Override
  public int loadLastPid() {
    return lastPid;
  }

  @Override
  public void storeLastPid(int value) {
    wrote = true;
    lastPid = value;
  }

  @Override
  public void setLastPid(int value) {
    wrote = true;
    lastPid = value;
  }

  @Override
  public int casLastPid(int expected, int value) {
    wrote = true;
    int old = lastPid;
    if (old == expected) {
      lastPid = value;
    }
    return old;
  }

  @Override
  public int loadPidMax() {
    return pidMax;
  }

  @Override
  public void storePidMax(int value) {
    wrote = true;
    pidMax = value;
  }

  @Override
  public void lock() {
    // one operation at a time: the lock is always free
  }

  @Override
  public void unlock() {
  }
}
