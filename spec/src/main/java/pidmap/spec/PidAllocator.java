package pidmap.spec;

import java.util.BitSet;

/**
 * The pid bitmap allocator of one pid namespace: the contract that the model and the impl both
 * keep. Seed: pid.c lines 46-200.
 *
 * <p>A fresh allocator has pid 0 allocated (the idle task's, never freed; seed lines 526-527 and
 * 654-656), last_pid 0 and pid_max at the geometry's default.
 *
 * <p>Exhaustion is a normal outcome: {@link #alloc()} returns {@link #NO_PID} and the caller maps
 * it to {@link Profile#exhaustionErrno()}. Bad input is not: it throws {@link PidmapException}
 * naming the parameter, value and bound, and the allocator is left exactly as it was.
 */
public interface PidAllocator {

  /** What alloc returns when the profile's rule finds no free pid, and next when none follows. */
  int NO_PID = -1;

  Geometry geometry();

  Profile profile();

  /** alloc_pidmap: takes a free pid by the profile's rule, or returns {@link #NO_PID}. */
  int alloc();

  /**
   * free_pidmap: returns {@code pid} to the free pool.
   *
   * @throws PidmapException if pid is outside [0, pid_max_limit), is 0, or is not allocated
   */
  void free(int pid);

  /**
   * next_pidmap: the smallest allocated pid above {@code last}, anywhere below pid_max_limit
   * (also above a lowered pid_max), or {@link #NO_PID}.
   *
   * @throws PidmapException if last is outside [0, pid_max_limit)
   */
  int next(int last);

  /** Whether {@code pid} is allocated. @throws PidmapException if pid is out of range */
  boolean isAllocated(int pid);

  int pidMax();

  /** Sets pid_max; live pids above it stay allocated. Range [pid_max_min, pid_max_limit]. */
  void setPidMax(int pidMax);

  /** last_pid: the pid last handed out, or the value last set. */
  int lastPid();

  /** Sets last_pid as a write to ns_last_pid does. Range [0, pid_max]. */
  void setLastPid(int lastPid);

  // ---- inspection, for checks; not part of the kernel's interface ----

  /** How many pids are allocated, pid 0 included. */
  int allocatedCount();

  /** A copy of the allocated set. */
  BitSet allocated();

  /** Whether the bitmap page with this index exists (pages are installed on first use). */
  boolean pageInstalled(int page);

  /** The page's free counter (nr_free); bits_per_page for a page never installed. */
  int pageFreeCounter(int page);

  /** How many bits the page has set; 0 for a page never installed. */
  int pageSetBits(int page);
}
