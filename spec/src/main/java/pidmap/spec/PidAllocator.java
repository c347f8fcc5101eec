package pidmap.spec;

/**
 * The pid bitmap allocator of one pid namespace, as the kernel uses it: alloc_pidmap,
 * free_pidmap, next_pidmap, and the two values a caller can read and write (pid_max, and
 * last_pid through ns_last_pid). This is all an allocator must implement to be compared with
 * Linux; the read-only view that deeper checks use is {@link PidmapInspection}. Seed:
 * kernel/pid.c of Linux 2.6.24, lines 46-200.
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

  int pidMax();

  /** Sets pid_max; live pids above it stay allocated. Range [pid_max_min, pid_max_limit]. */
  void setPidMax(int pidMax);

  /** last_pid: the pid last handed out, or the value last set. */
  int lastPid();

  /** Sets last_pid as a write to ns_last_pid does. Range [0, pid_max]. */
  void setLastPid(int lastPid);
}
