package pidmap.impl;

import java.util.BitSet;
import java.util.concurrent.locks.Lock;
import pidmap.spec.Geometry;
import pidmap.spec.Implements;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;
import pidmap.spec.Require;
import pidmap.spec.SeedFunction;

/**
 * The seed's pid bitmap allocator: an array of PIDMAP_ENTRIES page slots, each with a lazily
 * installed bitmap page and an atomic free counter (Seed: pid.c lines 53-82, 115-200, 504-531).
 * It composes {@link Pages} (the slots, counters and bits), the profile's {@link Search}
 * ({@link SeedSearch} or {@link CyclicSearch}) and a {@link LastPidUpdate}, all on one
 * {@link PidmapMemory}.
 *
 * <p>Thread-safe. Under the seed's profile alloc and free are lock-free (seed lines 115-182 take
 * no lock): a failed test-and-set moves on to the next zero bit, and a missing page is installed
 * by one compare-and-swap that exactly one racer wins. Under linux-6 both run under the memory's
 * pidmap lock, as Linux 6's alloc_pid and free_pid call idr_alloc_cyclic and idr_remove inside
 * spin_lock_irq(&amp;pidmap_lock) (docs/PROFILES.md). alloc reads last_pid and pid_max once each,
 * at its start. The inspection methods
 * ({@link #allocatedCount()}, {@link #allocated()}, the page views) are exact only when no alloc
 * or free is in flight.
 *
 * <p>Memory: only pages that a search reached exist, so a namespace that used 100 pids holds one
 * page ({@code bits_per_page / 8} bytes) plus the slot arrays.
 */
public final class BitmapPidAllocator implements InspectablePidAllocator {

  private final Geometry geometry;
  private final Profile profile;
  private final LastPidUpdate lastPidUpdate;
  private final PidmapMemory memory;
  private final Pages pages;
  private final Search search;

  /** An allocator with the seed's plain last_pid store. */
  public BitmapPidAllocator(Geometry geometry, Profile profile) {
    this(geometry, profile, LastPidUpdate.SEED_PLAIN_STORE);
  }

  /** Seed: pid.c lines 504-531 (create_pid_namespace) and 651-656 (pidmap_init). */
  public BitmapPidAllocator(Geometry geometry, Profile profile, LastPidUpdate lastPidUpdate) {
    this(geometry, profile, lastPidUpdate,
        new Pages(geometry, PidmapMemory.atomic(geometry)));
  }

  /**
   * An allocator on a memory the caller provides, fresh as {@link PidmapMemory} describes it:
   * the seam through which the explorers position the allocator at a state and schedule its
   * every access. The constructor installs page 0 and takes pid 0 through that memory.
   */
  public static BitmapPidAllocator on(
      PidmapMemory memory, Geometry geometry, Profile profile, LastPidUpdate lastPidUpdate) {
    return new BitmapPidAllocator(geometry, profile, lastPidUpdate, new Pages(geometry, memory));
  }

  /** On {@code pages}: package-private, for test-scope variants of {@link Pages}. */
  BitmapPidAllocator(Geometry geometry, Profile profile, LastPidUpdate lastPidUpdate,
      Pages pages) {
    this.geometry = geometry;
    this.profile = profile;
    this.lastPidUpdate = lastPidUpdate;
    this.pages = pages;
    this.memory = pages.memory;
    this.search = searchOf(profile, pages, geometry.reservedPids());
    if (memory.slots() != geometry.pidmapEntries()) {
      throw new IllegalArgumentException("a memory of " + memory.slots() + " page slots for "
          + geometry.pidmapEntries());
    }
    long[] first = pages.installedPage(0); // keeps [PIDMAP-3]: page 0 exists from the start
    pages.claim(first, 0, 0); // keeps [PIDMAP-1]: pid 0 is the idle task's, never freed
  }

  private static Search searchOf(Profile profile, Pages pages, int reserved) {
    switch (profile) {
      case LINUX_2_6_24:
        return new SeedSearch(pages, reserved);
      case LINUX_6:
        return new CyclicSearch(pages, reserved);
      default:
        throw new IllegalArgumentException("no bitmap search rule for profile " + profile);
    }
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
   * alloc_pidmap: reads last_pid, then pid_max (seed 126-127), runs the profile's search, and
   * records the pid it took by the last_pid update.
   */
  @Override
  @Implements(SeedFunction.ALLOC_PIDMAP)
  public int alloc() {
    if (profile == Profile.LINUX_6) {
      memory.lock(); // Linux 6: idr_alloc_cyclic runs under pidmap_lock
      try {
        return allocUnlocked();
      } finally {
        memory.unlock();
      }
    }
    return allocUnlocked();
  }

  private int allocUnlocked() {
    final int last = memory.loadLastPid();
    final int max = memory.loadPidMax(); // one read: a concurrent set_pid_max applies to the next alloc
    int pid = search.take(max, last);
    if (pid != NO_PID) {
      lastPidUpdate.record(memory, last, pid); // keeps [ALLOC-3]
    }
    return pid;
  }

  /**
   * Takes exactly {@code nr} when its bit is clear, as Linux 6's alloc_pid does for a clone3
   * set_tid entry (idr_alloc over [nr, nr + 1) under pidmap_lock); last_pid does not move.
   * Answers nr, or {@link #NO_PID} when it is taken. The caller has checked 1 &lt;= nr &lt; pid_max.
   */
  public int allocExactly(int nr) {
    Require.pidInRange("nr", nr, geometry);
    memory.lock();
    try {
      int map = nr >>> pages.shift;
      return pages.claim(pages.installedPage(map), map, nr & pages.mask) ? nr : NO_PID;
    } finally {
      memory.unlock();
    }
  }

  /** The production memory's pidmap lock, for a test that holds it. */
  Lock pidmapLock() {
    if (!(memory instanceof AtomicMemory m)) {
      throw new IllegalStateException("not on the production memory");
    }
    return m.pidmapLock();
  }

  /** free_pidmap: clear the bit, then give the page its free bit back. Seed: pid.c 115-121. */
  @Override
  @Implements(SeedFunction.FREE_PIDMAP)
  public void free(int pid) {
    if (profile == Profile.LINUX_6) {
      memory.lock(); // Linux 6: free_pid's idr_remove runs under pidmap_lock
      try {
        freeBit(pid);
      } finally {
        memory.unlock();
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
    int map = pid >>> pages.shift;
    long[] page = pages.page(map);
    if (page == null || !pages.release(page, map, pid & pages.mask)) {
      Require.freeable(pid, geometry, false); // refuses; nothing was changed
    }
  }

  /** next_pidmap: the first set bit after {@code last}, over every page slot. Seed: 184-200. */
  @Override
  @Implements(SeedFunction.NEXT_PIDMAP)
  public int next(int last) {
    Require.nextFrom(last, geometry);
    int start = last + 1;
    int offset = start & pages.mask;
    for (int map = start >>> pages.shift; map < memory.slots(); map++, offset = 0) {
      long[] page = pages.page(map);
      if (page == null) {
        continue;
      }
      offset = pages.nextSet(page, offset);
      if (offset < pages.bitsPerPage) {
        return (map << pages.shift) + offset; // keeps [NEXT-1]
      }
    }
    return NO_PID;
  }

  @Override
  public boolean isAllocated(int pid) {
    Require.pidInRange("pid", pid, geometry);
    long[] page = pages.page(pid >>> pages.shift);
    return page != null && pages.test(page, pid & pages.mask);
  }

  @Override
  public int pidMax() {
    return memory.loadPidMax();
  }

  @Override
  public void setPidMax(int value) {
    memory.storePidMax(Require.pidMax(value, geometry));
  }

  @Override
  public int lastPid() {
    return memory.loadLastPid();
  }

  @Override
  public void setLastPid(int value) {
    memory.setLastPid(Require.lastPid(value, memory.loadPidMax()));
  }

  @Override
  public int allocatedCount() {
    int n = 0;
    for (int map = 0; map < memory.slots(); map++) {
      n += pages.setBits(map);
    }
    return n;
  }

  @Override
  public BitSet allocated() {
    BitSet set = new BitSet();
    for (int map = 0; map < memory.slots(); map++) {
      long[] page = pages.page(map);
      if (page == null) {
        continue;
      }
      for (int off = pages.nextSet(page, 0); off < pages.bitsPerPage;
          off = pages.nextSet(page, off + 1)) {
        set.set((map << pages.shift) + off);
      }
    }
    return set;
  }

  @Override
  public boolean pageInstalled(int page) {
    return pages.page(page) != null;
  }

  @Override
  public int pageFreeCounter(int page) {
    return pages.freeCount(page);
  }

  @Override
  public int pageSetBits(int page) {
    return pages.setBits(page);
  }

  /** How many page slots have a page: the allocator's bitmap memory is this times the page size. */
  public int installedPages() {
    int n = 0;
    for (int map = 0; map < memory.slots(); map++) {
      if (pages.page(map) != null) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "impl " + profile + " pid_max=" + pidMax() + " last_pid=" + lastPid() + " pages="
        + installedPages() + "/" + memory.slots();
  }
}
