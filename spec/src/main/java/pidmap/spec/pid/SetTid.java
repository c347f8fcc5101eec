package pidmap.spec.pid;

/**
 * The contract of clone3's set_tid (Linux 5.5 and later) and of the nesting limit, checked once
 * here for model and impl: Linux 6's alloc_pid and create_pid_namespace, as the running kernel
 * (6.18) answered them (docs/PID_LAYER.md, "What the kernel answered").
 *
 * <p>Stateless and thread-safe.
 */
public final class SetTid {
  private SetTid() {}

  /** MAX_PID_NS_LEVEL: a namespace one level deeper than this is refused with ENOSPC. */
  public static final int MAX_PID_NS_LEVEL = 32;

  /** alloc_pid: more set_tid entries than the new pid has levels is EINVAL. */
  public static void size(int size, int level) {
    if (size > level + 1) {
      throw new KernelErrno("EINVAL",
          "set_tid has " + size + " entries but the pid has " + (level + 1) + " levels");
    }
  }

  /**
   * alloc_pid's check of one entry, before that level allocates: EINVAL for a tid below 1 or at
   * least that level's pid_max, and for a tid other than 1 in a namespace without a child reaper.
   */
  public static void entry(int tid, int level, int pidMax, boolean hasChildReaper) {
    if (tid < 1 || tid >= pidMax) {
      throw new KernelErrno("EINVAL", "set_tid " + tid + " at level " + level
          + " is outside [1, pid_max " + pidMax + ")");
    }
    if (tid != 1 && !hasChildReaper) {
      throw new KernelErrno("EINVAL", "set_tid " + tid + " at level " + level
          + " names a pid other than 1 in a namespace without a child reaper");
    }
  }

  /** The number was taken at that level: EEXIST (idr_alloc's ENOSPC, renamed by alloc_pid). */
  public static KernelErrno taken(int tid, int level) {
    return new KernelErrno("EEXIST", "set_tid " + tid + " is taken at level " + level);
  }

  /**
   * create_pid_namespace: a level above {@code maxLevel} is ENOSPC. {@code maxLevel} is
   * {@link #MAX_PID_NS_LEVEL} for a layer whose root is the machine's initial namespace, less
   * for one that stands for a namespace deeper in the machine (the kernel counts from the top).
   */
  public static void nesting(int newLevel, int maxLevel) {
    if (newLevel > maxLevel) {
      throw new KernelErrno("ENOSPC", "a pid namespace at level " + newLevel
          + " is deeper than MAX_PID_NS_LEVEL " + MAX_PID_NS_LEVEL
          + (maxLevel == MAX_PID_NS_LEVEL ? "" : " (" + maxLevel + " levels below this root)"));
    }
  }
}
