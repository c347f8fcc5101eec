package pidmap.bench.alt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerArray;
import pidmap.spec.Geometry;

/**
 * The hardware floor of an alloc+free on the impl's memory layout: bitmap pages of {@code long}
 * words set and cleared through a {@link VarHandle}, one atomic free counter per page. One
 * {@link #replace} does only what the impl's fast path cannot avoid: free is one atomic clear and
 * one atomic add, alloc is one atomic test-and-set (the impl's {@code getAndBitwiseOr}, a CAS loop
 * on x86) and one atomic add. It does no search: it sets the bit it has just cleared.
 *
 * <p>Thread-safe and lock-free for {@link #replace} (each call owns the pid it is given);
 * {@link #alloc} is a plain scan upward from the last pid it gave, meant only for filling the
 * map before a benchmark.
 */
public final class AtomicFloor implements BenchAllocator {
  private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

  private final int shift;
  private final int mask;
  private final int pidMax;
  private final long[][] pages;
  private final AtomicIntegerArray nrFree;
  private final boolean storeLast;
  private final boolean count;
  private volatile int lastPid;
  private int fillCursor = 1;

  /** The floor proper: four atomic operations per {@link #replace}. */
  public AtomicFloor(Geometry g, int pidMax) {
    this(g, pidMax, false);
  }

  /**
   * With {@code storeLast}, alloc also stores the pid into a volatile last_pid as the impl does
   * (a full fence on x86): the diagnostic that prices the impl's one extra ordered write.
   */
  public AtomicFloor(Geometry g, int pidMax, boolean storeLast) {
    this(g, pidMax, storeLast, true);
  }

  /**
   * Without {@code count}, the page counters are not touched: the diagnostic that shows what the
   * one shared counter line costs when two threads alloc and free.
   */
  public AtomicFloor(Geometry g, int pidMax, boolean storeLast, boolean count) {
    this.storeLast = storeLast;
    this.count = count;
    this.shift = g.pageShift();
    this.mask = g.pageMask();
    this.pidMax = pidMax;
    int entries = (pidMax + g.bitsPerPage() - 1) >>> shift;
    this.pages = new long[entries][Math.max(1, g.bitsPerPage() >>> 6)];
    this.nrFree = new AtomicIntegerArray(entries);
    for (int i = 0; i < entries; i++) {
      nrFree.set(i, g.bitsPerPage());
    }
    set(0);
  }

  @Override
  public String name() {
    return !count ? Allocators.FLOOR_BITS_ONLY
        : storeLast ? Allocators.FLOOR_VSTORE : Allocators.FLOOR;
  }

  private boolean set(int pid) {
    long bit = 1L << pid;
    long old = (long) WORDS.getAndBitwiseOr(pages[pid >>> shift], (pid & mask) >>> 6, bit);
    if (count) {
      nrFree.getAndDecrement(pid >>> shift);
    }
    return (old & bit) == 0;
  }

  private boolean clear(int pid) {
    long bit = 1L << pid;
    long old = (long) WORDS.getAndBitwiseAnd(pages[pid >>> shift], (pid & mask) >>> 6, ~bit);
    if (count) {
      nrFree.getAndIncrement(pid >>> shift);
    }
    return (old & bit) != 0;
  }

  @Override
  public int replace(int pid) {
    clear(pid);
    set(pid);
    if (storeLast) {
      lastPid = pid;
    }
    return pid;
  }

  /** Setup only: the next clear bit above the last one it set; never timed. */
  @Override
  public int alloc() {
    for (int pid = fillCursor; pid < pidMax; pid++) {
      long word = (long) WORDS.getOpaque(pages[pid >>> shift], (pid & mask) >>> 6);
      if ((word & (1L << pid)) == 0) {
        set(pid);
        fillCursor = pid + 1;
        return pid;
      }
    }
    return -1;
  }

  @Override
  public void free(int pid) {
    if (!clear(pid)) {
      throw new IllegalStateException("pid " + pid + " was free");
    }
  }

  @Override
  public int next(int last) {
    throw new UnsupportedOperationException("the floor does not search");
  }

  @Override
  public void setLastPid(int value) {
    // the floor has no cursor
  }
}
