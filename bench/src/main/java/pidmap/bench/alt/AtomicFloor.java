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
  private int fillCursor = 1;

  public AtomicFloor(Geometry g, int pidMax) {
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
    return "floor";
  }

  private boolean set(int pid) {
    long bit = 1L << pid;
    long old = (long) WORDS.getAndBitwiseOr(pages[pid >>> shift], (pid & mask) >>> 6, bit);
    nrFree.getAndDecrement(pid >>> shift);
    return (old & bit) == 0;
  }

  private boolean clear(int pid) {
    long bit = 1L << pid;
    long old = (long) WORDS.getAndBitwiseAnd(pages[pid >>> shift], (pid & mask) >>> 6, ~bit);
    nrFree.getAndIncrement(pid >>> shift);
    return (old & bit) != 0;
  }

  @Override
  public int replace(int pid) {
    clear(pid);
    set(pid);
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
