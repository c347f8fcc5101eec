package pidmap.spec.pid;

import pidmap.spec.PidmapException;

/**
 * The pid layer's one precondition checker: model and impl call the same checks, so they refuse
 * the same input with the same words (shape: {@code "<parameter>: <value> (expected: <bound>)"}).
 * Every check runs before its operation changes anything. Handles are named by their numbers
 * ({@code 7/1}), {@code ns#2} or {@code task#3}.
 *
 * <p>Stateless and thread-safe.
 */
public final class LayerRequire {
  private LayerRequire() {}

  /** A handle that must not be null. */
  public static <T> T present(String name, T handle, String what) {
    if (handle == null) {
      throw new PidmapException(name, "null", what);
    }
    return handle;
  }

  /** A handle made by this layer: casts it, or refuses one made by another layer. */
  public static <T> T own(String name, Object handle, Class<T> type) {
    if (!type.isInstance(handle)) {
      throw new PidmapException(name, handle.getClass().getSimpleName(),
          "a handle made by this layer (" + type.getSimpleName() + ")");
    }
    return type.cast(handle);
  }

  /** A number to look up: {@code 0 <= nr}. */
  public static int nr(long nr) {
    if (nr < 0 || nr > Integer.MAX_VALUE) {
      throw new PidmapException("nr", nr, "0 <= nr <= " + Integer.MAX_VALUE);
    }
    return (int) nr;
  }

  /** A pid that is still live: a use of a released one is a use after free. */
  public static void livePid(String name, Pid pid) {
    if (pid.released()) {
      throw new PidmapException(name, pid.numbers(),
          "a live pid; this one was released (use after free)");
    }
  }

  /**
   * A pid put_pid may drop a reference of: live (a put on a released pid would take its count
   * below zero), and not the last reference of the static init_struct_pid.
   */
  public static void putable(Pid pid, boolean isInitStructPid) {
    if (pid.released()) {
      throw new PidmapException("pid", pid.numbers(),
          "a live pid; this one was released, so put_pid would take its count below zero"
              + " (use after free)");
    }
    if (isInitStructPid && pid.count() == 1) {
      throw new PidmapException("pid", pid.numbers(),
          "a reference someone took; init_struct_pid's own reference is never put");
    }
  }

  /** A namespace that is still live. */
  public static void liveNs(String name, PidNs ns) {
    if (ns.released()) {
      throw new PidmapException(name, ns.describe(),
          "a live namespace; this one was released (use after free)");
    }
  }

  /** A link that attach_pid or transfer_pid may fill: not in use. */
  public static void linkFree(String name, Task task, PidType type, Pid linked) {
    if (linked != null) {
      throw new PidmapException(name, task.describe(),
          "an unlinked " + type.wire() + " link; it holds pid " + linked.numbers());
    }
  }

  /** A link that detach_pid or transfer_pid may clear: in use. */
  public static void linkInUse(String name, Task task, PidType type, Pid linked) {
    if (linked == null) {
      throw new PidmapException(name, task.describe(),
          "a linked " + type.wire() + " link; it has none");
    }
  }

  /** attach_pid's pid: hashed, or init_struct_pid (which never is). */
  public static void attachable(Pid pid, boolean hashed, boolean isInitStructPid) {
    livePid("pid", pid);
    if (!hashed && !isInitStructPid) {
      throw new PidmapException("pid", pid.numbers(),
          "a hashed pid; free_pid already unhashed this one");
    }
  }

  /**
   * free_pid's pid: live, not init_struct_pid, hashed, and with no task linked to it (the seed's
   * callers free a pid only when its last task leaves, or one that no task ever used).
   */
  public static void freeable(Pid pid, boolean hashed, boolean isInitStructPid, boolean linked) {
    livePid("pid", pid);
    if (isInitStructPid) {
      throw new PidmapException("pid", pid.numbers(),
          "a pid other than init_struct_pid; it is static and never freed");
    }
    if (!hashed) {
      throw new PidmapException("pid", pid.numbers(),
          "a hashed pid; free_pid already unhashed this one");
    }
    if (linked) {
      throw new PidmapException("pid", pid.numbers(),
          "a pid no task is linked to; detach_pid frees it when its last task leaves");
    }
  }

  /** copy_pid_ns refuses a new namespace for a thread (the seed answers EINVAL, line 562-564). */
  public static void copyFlags(long flags) {
    long both = CloneFlags.CLONE_NEWPID | CloneFlags.CLONE_THREAD;
    if ((flags & both) == both) {
      throw new PidmapException("flags", CloneFlags.describe(flags),
          "not both CLONE_NEWPID and CLONE_THREAD; copy_pid_ns answers EINVAL");
    }
  }

  /**
   * A live namespace of the calling layer's own kind: present, made by that layer, not released.
   * The one argument check every namespace-taking call of model and impl starts with.
   */
  public static <T extends PidNs> T liveNs(String name, PidNs ns, Class<T> type) {
    T n = own(name, present(name, ns, "a namespace"), type);
    liveNs(name, n);
    return n;
  }

  /** A live pid of the calling layer's own kind: present, made by that layer, not released. */
  public static <T extends Pid> T livePid(String name, Pid pid, Class<T> type) {
    T p = own(name, present(name, pid, "a pid"), type);
    livePid(name, p);
    return p;
  }

  /** linux-2.6.24 had no clone3, so no set_tid: a non-empty one is refused. */
  public static void noSetTid(int[] setTid) {
    if (setTid.length != 0) {
      throw new PidmapException("set_tid", java.util.Arrays.toString(setTid),
          "empty under linux-2.6.24, which has no clone3 (set_tid is Linux 5.5's)");
    }
  }

  /** linux-2.6.24 had no ns_last_pid (the sysctl is Linux 3.3's): a write is refused. */
  public static void noNsLastPid(int value) {
    throw new PidmapException("ns_last_pid", Integer.toString(value),
        "no write under linux-2.6.24, which has no ns_last_pid (the sysctl is Linux 3.3's)");
  }

  /** zap_pid_ns_processes runs for a child namespace only: init_pid_ns's init never exits. */
  public static void zappable(PidNs ns, boolean isInitPidNs) {
    liveNs("ns", ns);
    if (isInitPidNs) {
      throw new PidmapException("ns", ns.describe(),
          "a namespace other than init_pid_ns; killing its init panics the kernel");
    }
  }

  /** put_task_struct here drops only references taken by get_pid_task. */
  public static void taskPutable(Task task) {
    if (task.usage() <= 1) {
      throw new PidmapException("task", task.describe(),
          "usage > 1; only references taken by get_pid_task are put here, usage is "
              + task.usage());
    }
  }
}
