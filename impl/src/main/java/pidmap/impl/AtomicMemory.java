package pidmap.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import pidmap.spec.Geometry;

/**
 * The memory the allocator runs on in production: an atomic array of page slots, an atomic array
 * of free counters, pages as {@code long[]} accessed through a VarHandle, and two int fields.
 * The orderings are the ones {@link PidmapMemory} states. Thread-safe and lock-free.
 */
final class AtomicMemory implements PidmapMemory {

  private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle LAST_PID;
  private static final VarHandle PID_MAX;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      LAST_PID = l.findVarHandle(AtomicMemory.class, "lastPid", int.class);
      PID_MAX = l.findVarHandle(AtomicMemory.class, "pidMax", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final int wordsPerPage;
  private final AtomicReferenceArray<long[]> slots;
  private final AtomicIntegerArray nrFree;
  @SuppressWarnings("unused") // accessed through LAST_PID
  private volatile int lastPid;
  @SuppressWarnings("unused") // accessed through PID_MAX
  private volatile int pidMax;
  /** pidmap_lock, taken by the linux-6 alloc and free only. */
  private final ReentrantLock pidmapLock = new ReentrantLock();

  AtomicMemory(Geometry g) {
    this.wordsPerPage = Bits.wordsPerPage(g.bitsPerPage());
    int entries = g.pidmapEntries();
    this.slots = new AtomicReferenceArray<>(entries);
    this.nrFree = new AtomicIntegerArray(entries);
    for (int i = 0; i < entries; i++) {
      nrFree.set(i, g.bitsPerPage()); // keeps [PIDMAP-2] for slots without a page
    }
    this.pidMax = g.defaultPidMax();
  }

  @Override
  public int slots() {
    return slots.length();
  }

  @Override
  public long[] loadSlot(int map) {
    return slots.get(map);
  }

  @Override
  public long[] casFreshPage(int map) {
    // release: the zeroed words happen-before any thread that reads the slot and then the bits.
    // Exactly one racer's page is installed; the others adopt it (the seed frees theirs).
    long[] fresh = new long[wordsPerPage];
    long[] winner = slots.compareAndExchange(map, null, fresh);
    return winner == null ? fresh : winner;
  }

  @Override
  public long[] storeFreshPage(int map) {
    long[] fresh = new long[wordsPerPage];
    slots.setRelease(map, fresh);
    return fresh;
  }

  @Override
  public int loadFree(int map) {
    return nrFree.get(map);
  }

  @Override
  public int getAndAddFree(int map, int delta) {
    return nrFree.getAndAdd(map, delta);
  }

  @Override
  public long loadWord(long[] page, int w) {
    return (long) WORDS.getOpaque(page, w);
  }

  @Override
  public long getAndOrWord(long[] page, int w, long bits) {
    return (long) WORDS.getAndBitwiseOr(page, w, bits);
  }

  @Override
  public long getAndAndWord(long[] page, int w, long bits) {
    return (long) WORDS.getAndBitwiseAnd(page, w, bits);
  }

  @Override
  public void storeWord(long[] page, int w, long value) {
    WORDS.setOpaque(page, w, value);
  }

  @Override
  public int loadLastPid() {
    return (int) LAST_PID.getVolatile(this);
  }

  @Override
  public void storeLastPid(int value) {
    // Opaque, as the seed's store is plain: last_pid only says where the next search starts,
    // ownership is decided by the test-and-set, so nothing needs to happen-before a reader of
    // it, and the StoreLoad fence of a volatile write (a locked instruction on x86) is not paid.
    LAST_PID.setOpaque(this, value);
  }

  @Override
  public void setLastPid(int value) {
    LAST_PID.setVolatile(this, value);
  }

  @Override
  public int casLastPid(int expected, int value) {
    return (int) LAST_PID.compareAndExchange(this, expected, value);
  }

  @Override
  public int loadPidMax() {
    return (int) PID_MAX.getVolatile(this);
  }

  @Override
  public void storePidMax(int value) {
    PID_MAX.setVolatile(this, value);
  }

  @Override
  public void lock() {
    pidmapLock.lock();
  }

  @Override
  public void unlock() {
    pidmapLock.unlock();
  }

  /** The lock itself, for a test that holds it. */
  Lock pidmapLock() {
    return pidmapLock;
  }
}
