package pidmap.impl;

import pidmap.spec.Geometry;

/**
 * Every shared word of one namespace's pid bitmap: the page slots, each page's free counter
 * (nr_free), the bitmap words, last_pid and pid_max, and pidmap_lock. The allocator touches shared memory only
 * through this interface, and each method is exactly one access of it, so a scheduler that
 * implements it decides who goes next at every access of the real allocator code (the
 * interleaving explorer); the explorer's sequential memory positions the allocator at any state
 * by writing these words. {@link #atomic} is the memory the allocator runs on in production.
 *
 * <p>Each method's Javadoc line says its ordering on the {@link #atomic} memory. A fresh memory
 * has no page in any slot, every counter at bits_per_page, last_pid 0 and pid_max at the
 * geometry's default. Page handles are the {@code long[]} this memory hands out; callers never
 * index them themselves.
 *
 * <p>Thread-safety is the implementation's: {@link #atomic} is safe for any number of threads.
 */
public interface PidmapMemory {

  /** The production memory for {@code g}: atomic arrays and VarHandles. */
  static PidmapMemory atomic(Geometry g) {
    return new AtomicMemory(g);
  }

  /** How many page slots there are (PIDMAP_ENTRIES); fixed, not a shared access. */
  int slots();

  /** Acquire load of slot {@code map}: its page, or null. */
  long[] loadSlot(int map);

  /** Compare-and-exchange of a fresh zeroed page into an empty slot (release); the slot's page after. */
  long[] casFreshPage(int map);

  /** Release store of a fresh zeroed page into the slot, whatever it held; the new page. */
  long[] storeFreshPage(int map);

  /** Volatile load of the slot's free counter. */
  int loadFree(int map);

  /** Volatile get-and-add on the slot's free counter; the value before. */
  int getAndAddFree(int map, int delta);

  /** Opaque load of word {@code w} of a page. */
  long loadWord(long[] page, int w);

  /** Volatile get-and-bitwise-or on a word; the word before. */
  long getAndOrWord(long[] page, int w, long bits);

  /** Volatile get-and-bitwise-and on a word; the word before. */
  long getAndAndWord(long[] page, int w, long bits);

  /** Opaque store of a word (no read-modify-write). */
  void storeWord(long[] page, int w, long value);

  /** Volatile load of last_pid. */
  int loadLastPid();

  /** Opaque store of last_pid: the seed's plain store (seed line 155). */
  void storeLastPid(int value);

  /** Volatile store of last_pid: a write to ns_last_pid. */
  void setLastPid(int value);

  /** Volatile compare-and-exchange of last_pid; the value it held (the witness). */
  int casLastPid(int expected, int value);

  /** Volatile load of pid_max. */
  int loadPidMax();

  /** Takes pidmap_lock (linux-6's alloc and free run under it), waiting while another holds it. */
  void lock();

  /** Releases pidmap_lock. */
  void unlock();

  /** Volatile store of pid_max. */
  void storePidMax(int value);
}
