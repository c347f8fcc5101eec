package pidmap.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import pidmap.spec.Geometry;
import pidmap.spec.Implements;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;
import pidmap.spec.Require;
import pidmap.spec.SeedFunction;

/**
 * The seed's pid bitmap allocator: an array of PIDMAP_ENTRIES page slots, each with a lazily
 * installed bitmap page and an atomic free counter (Seed: pid.c lines 53-82, 115-200, 504-531).
 *
 * <p>Under the seed's profile alloc and free are lock-free (seed lines 115-182 take no lock); under
 * linux-6 both run under the allocator's pidmap lock, as Linux 6's alloc_pid and free_pid call
 * idr_alloc_cyclic and idr_remove inside spin_lock_irq(&amp;pidmap_lock) (docs/PROFILES.md).
 * In the lock-free path a failed test-and-set moves on to the next zero bit,
 * and a missing page is installed by one compare-and-swap that exactly one racer wins. pid_max and
 * last_pid are single volatile fields; alloc reads each once, at its start. The inspection
 * methods ({@link #allocatedCount()}, {@link #allocated()}, the page views) are exact only when
 * no alloc or free is in flight.
 *
 * <p>Memory: only pages that a search reached exist, so a namespace that used 100 pids holds one
 * page ({@code bits_per_page / 8} bytes) plus the slot arrays.
 */
public class BitmapPidAllocator implements InspectablePidAllocator {

  private static final VarHandle LAST_PID;

  static {
    try {
      LAST_PID = MethodHandles.lookup()
          .findVarHandle(BitmapPidAllocator.class, "lastPid", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Geometry geometry;
  private final Profile profile;
  private final LastPidUpdate lastPidUpdate;
  private final int bitsPerPage;
  private final int shift;
  private final int mask;
  private final int wordsPerPage;
  /** The bitmap pages; null until first used (seed 66-69). */
  private final AtomicReferenceArray<long[]> pages;
  /** nr_free of each page slot; a slot without a page counts all its bits free (seed 76, 531). */
  private final AtomicIntegerArray nrFree;
  private volatile int pidMax;
  private volatile int lastPid;
  /** pidmap_lock, taken by the linux-6 alloc and free only. */
  private final ReentrantLock pidmapLock = new ReentrantLock();

  /** An allocator with the seed's plain last_pid store. */
  public BitmapPidAllocator(Geometry geometry, Profile profile) {
    this(geometry, profile, LastPidUpdate.SEED_PLAIN_STORE);
  }

  /** Seed: pid.c lines 504-531 (create_pid_namespace) and 651-656 (pidmap_init). */
  public BitmapPidAllocator(Geometry geometry, Profile profile, LastPidUpdate lastPidUpdate) {
    if (profile != Profile.LINUX_2_6_24 && profile != Profile.LINUX_6) {
      throw new IllegalArgumentException("no bitmap search rule for profile " + profile);
    }
    this.geometry = geometry;
    this.profile = profile;
    this.lastPidUpdate = lastPidUpdate;
    this.bitsPerPage = geometry.bitsPerPage();
    this.shift = geometry.pageShift();
    this.mask = geometry.pageMask();
    this.wordsPerPage = Bits.wordsPerPage(bitsPerPage);
    int entries = geometry.pidmapEntries();
    this.pages = new AtomicReferenceArray<>(entries);
    this.nrFree = new AtomicIntegerArray(entries);
    for (int i = 0; i < entries; i++) {
      nrFree.set(i, bitsPerPage); // keeps [PIDMAP-2] for slots without a page
    }
    long[] first = new long[wordsPerPage];
    Bits.testAndSet(first, 0); // keeps [PIDMAP-1]: pid 0 is the idle task's, never freed
    pages.set(0, first); // keeps [PIDMAP-3]: page 0 exists from the start
    nrFree.set(0, bitsPerPage - 1); // keeps [PIDMAP-2]
    this.pidMax = geometry.defaultPidMax();
    this.lastPid = 0;
  }

  @Override
  public Geometry geometry() {
    return geometry;
  }

  @Override
  public Profile profile() {
    return profile;
  }

  public LastPidUpdate lastPidUpdate() {
    return lastPidUpdate;
  }

  /**
   * alloc_pidmap, the seed's loop: one pass per page from the page after last_pid, wrapping to
   * offset RESERVED_PIDS of page 0, at most max_scan+1 passes. Seed: pid.c lines 124-182.
   */
  @Override
  @Implements(SeedFunction.ALLOC_PIDMAP)
  public int alloc() {
    if (profile == Profile.LINUX_6) {
      pidmapLock.lock(); // Linux 6: idr_alloc_cyclic runs under pidmap_lock
      try {
        return allocCyclic();
      } finally {
        pidmapLock.unlock();
      }
    }
    final int max = pidMax; // one read: a concurrent set_pid_max applies to the next alloc
    final int last = lastPid;
    final int reserved = geometry.reservedPids();
    int pid = last + 1;
    if (pid >= max) {
      pid = reserved;
    }
    int offset = pid & mask;
    int map = pid >>> shift;
    final int lastMap = (max - 1) >>> shift;
    final int maxScan = (max + bitsPerPage - 1) / bitsPerPage - (offset == 0 ? 1 : 0);
    for (int i = 0; i <= maxScan; ++i) {
      long[] page = installedPage(map);
      if (nrFree.get(map) != 0) { // a full page is skipped without reading its bits (seed 151)
        do {
          if (!Bits.testAndSet(page, offset)) { // keeps [ALLOC-1]: the set decides ownership
            nrFree.getAndDecrement(map); // keeps [PIDMAP-2] once the alloc completes
            recordLast(last, pid); // keeps [ALLOC-3]
            return pid;
          }
          offset = Bits.nextZero(page, bitsPerPage, offset);
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
    return NO_PID;
  }

  /**
   * The linux-6 rule on the same pages and counters: the first free pid from last_pid+1 below
   * pid_max, else from the floor (1 while last_pid+1 &lt;= RESERVED_PIDS, RESERVED_PIDS after
   * that). The model's Linux6SearchRule states the rule and the kernel code it restates.
   */
  private int allocCyclic() {
    final int max = pidMax; // one read each, as in the seed's loop
    final int last = lastPid;
    final int reserved = geometry.reservedPids();
    final int floor = last + 1 <= reserved ? 1 : reserved;
    final int start = Math.max(last + 1, floor);
    int pid = claimFirstFree(start, max);
    if (pid == NO_PID && start > floor) {
      pid = claimFirstFree(floor, Math.min(start, max)); // the wrap: from the floor up
    }
    if (pid != NO_PID) {
      recordLast(last, pid); // keeps [ALLOC-3]
    }
    return pid;
  }

  /** Takes the lowest free pid in [from, to), skipping full pages by their counter. */
  private int claimFirstFree(int from, int to) {
    for (int pid = from; pid < to; pid = ((pid >>> shift) + 1) << shift) {
      int map = pid >>> shift;
      if (nrFree.get(map) == 0) {
        continue; // a full page is skipped without reading its bits, as in the seed
      }
      long[] page = installedPage(map); // a missing page is all free: it is used right away
      int end = Math.min(bitsPerPage, to - (map << shift));
      for (int off = Bits.nextZero(page, bitsPerPage, pid & mask);
          off < end;
          off = Bits.nextZero(page, bitsPerPage, off + 1)) {
        if (!Bits.testAndSet(page, off)) { // keeps [ALLOC-1]: the set decides ownership
          nrFree.getAndDecrement(map); // keeps [PIDMAP-2] once the alloc completes
          return (map << shift) + off; // keeps [ALLOC-4]: off < end, so pid < to <= pid_max
        }
      }
    }
    return NO_PID;
  }

  /** The page of slot {@code map}, installing a zeroed one if missing. Seed: pid.c 136-149. */
  private long[] installedPage(int map) {
    long[] page = pages.get(map); // volatile read: acquire, pairs with the install below
    if (page != null) {
      return page;
    }
    return installPage(pages, map, new long[wordsPerPage]);
  }

  /**
   * Puts {@code fresh} into the empty slot {@code map} of {@code slots} unless a racing alloc
   * got there first, and answers the page the slot then holds. Seed: pid.c 136-149. Protected
   * only so that a test-scope variant can re-create the install race (docs/BUGS.md); nothing in
   * main overrides it.
   */
  protected long[] installPage(AtomicReferenceArray<long[]> slots, int map, long[] fresh) {
    // release: the zeroed words happen-before any thread that reads the slot and then the bits.
    // Exactly one racer's page is installed; the others adopt it (the seed frees theirs).
    long[] winner = slots.compareAndExchange(map, null, fresh);
    return winner == null ? fresh : winner;
  }

  private void recordLast(int base, int pid) {
    if (lastPidUpdate == LastPidUpdate.SEED_PLAIN_STORE) {
      // this is racy, and the seed tolerates it: a slower alloc may store a smaller pid after
      // a faster one stored a larger one (Alloc_02_LastPidStoreRace). Opaque, as the seed's
      // store is plain: last_pid only says where the next search starts, ownership is decided
      // by the test-and-set, so nothing needs to happen-before a reader of it, and the
      // StoreLoad fence of a volatile write (a locked instruction on x86) is not paid.
      LAST_PID.setOpaque(this, pid);
      return;
    }
    int seen = base;
    while (true) {
      int witness = (int) LAST_PID.compareAndExchange(this, seen, pid);
      if (witness == seen || !cyclicallyBefore(base, witness, pid)) {
        return; // stored, or another alloc already moved last_pid past ours
      }
      seen = witness;
    }
  }

  /**
   * Linux 2.6.35's pid_before(base, a, b): {@code (unsigned)(a - base) < (unsigned)(b - base)},
   * whether {@code a} comes before {@code b} in the cyclic order that starts at base itself.
   */
  private static boolean cyclicallyBefore(int base, int a, int b) {
    return Integer.compareUnsigned(a - base, b - base) < 0;
  }

  /**
   * Takes exactly {@code nr} when its bit is clear, as Linux 6's alloc_pid does for a clone3
   * set_tid entry (idr_alloc over [nr, nr + 1) under pidmap_lock); last_pid does not move.
   * Answers nr, or {@link #NO_PID} when it is taken. The caller has checked 1 &lt;= nr &lt; pid_max.
   */
  public int allocExactly(int nr) {
    Require.pidInRange("nr", nr, geometry);
    pidmapLock.lock();
    try {
      if (Bits.testAndSet(installedPage(nr >>> shift), nr & mask)) {
        return NO_PID;
      }
      nrFree.getAndDecrement(nr >>> shift); // keeps [PIDMAP-2]
      return nr;
    } finally {
      pidmapLock.unlock();
    }
  }

  /** The lock the linux-6 alloc and free take; the seed's path never takes it. */
  Lock pidmapLock() {
    return pidmapLock;
  }

  /** free_pidmap: clear the bit, then give the page its free bit back. Seed: pid.c 115-121. */
  @Override
  @Implements(SeedFunction.FREE_PIDMAP)
  public void free(int pid) {
    if (profile == Profile.LINUX_6) {
      pidmapLock.lock(); // Linux 6: free_pid's idr_remove runs under pidmap_lock
      try {
        freeBit(pid);
      } finally {
        pidmapLock.unlock();
      }
      return;
    }
    freeBit(pid);
  }

  private void freeBit(int pid) {
    Require.pidInRange("pid", pid, geometry);
    if (pid == 0) {
      Require.freeable(pid, geometry, true); // refuses pid 0 with the shared message
    }
    int map = pid >>> shift;
    long[] page = pages.get(map);
    // The clear both checks and acts, so two racing frees of one pid cannot both count it.
    if (page == null || !Bits.testAndClear(page, pid & mask)) {
      Require.freeable(pid, geometry, false); // refuses; nothing was changed
    }
    nrFree.getAndIncrement(map); // keeps [PIDMAP-2]
  }

  /** next_pidmap: the first set bit after {@code last}, over every page slot. Seed: 184-200. */
  @Override
  @Implements(SeedFunction.NEXT_PIDMAP)
  public int next(int last) {
    Require.nextFrom(last, geometry);
    int start = last + 1;
    int offset = start & mask;
    for (int map = start >>> shift; map < pages.length(); map++, offset = 0) {
      long[] page = pages.get(map);
      if (page == null) {
        continue;
      }
      offset = Bits.nextSet(page, bitsPerPage, offset);
      if (offset < bitsPerPage) {
        return (map << shift) + offset; // keeps [NEXT-1]
      }
    }
    return NO_PID;
  }

  @Override
  public boolean isAllocated(int pid) {
    Require.pidInRange("pid", pid, geometry);
    long[] page = pages.get(pid >>> shift);
    return page != null && Bits.test(page, pid & mask);
  }

  @Override
  public int pidMax() {
    return pidMax;
  }

  @Override
  public void setPidMax(int value) {
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
    for (int map = 0; map < pages.length(); map++) {
      n += pageSetBits(map);
    }
    return n;
  }

  @Override
  public BitSet allocated() {
    BitSet set = new BitSet();
    for (int map = 0; map < pages.length(); map++) {
      long[] page = pages.get(map);
      if (page == null) {
        continue;
      }
      for (int off = Bits.nextSet(page, bitsPerPage, 0);
          off < bitsPerPage;
          off = Bits.nextSet(page, bitsPerPage, off + 1)) {
        set.set((map << shift) + off);
      }
    }
    return set;
  }

  @Override
  public boolean pageInstalled(int page) {
    return pages.get(page) != null;
  }

  @Override
  public int pageFreeCounter(int page) {
    return nrFree.get(page);
  }

  @Override
  public int pageSetBits(int page) {
    long[] words = pages.get(page);
    return words == null ? 0 : Bits.count(words);
  }

  /** How many page slots have a page: the allocator's bitmap memory is this times the page size. */
  public int installedPages() {
    int n = 0;
    for (int map = 0; map < pages.length(); map++) {
      if (pages.get(map) != null) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "impl " + profile + " pid_max=" + pidMax + " last_pid=" + lastPid + " pages="
        + installedPages() + "/" + pages.length();
  }
}
