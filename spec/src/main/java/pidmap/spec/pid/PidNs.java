package pidmap.spec.pid;

import pidmap.spec.InspectablePidAllocator;

/**
 * A struct pid_namespace: its level, its parent, its reference count, its own bitmap allocator,
 * its child reaper, and the value that stands for its address in the pid hash.
 *
 * <p>init_pid_ns (serial 0, level 0) is static: its count is 2 and stays 2, because get and put
 * skip it. Every other namespace is released when its last reference is put, and then puts its
 * parent; after that every use is refused.
 *
 * <p>Seed: pid.c lines 71-82, 504-585.
 */
public interface PidNs {

  /** 0 for init_pid_ns, the parent's level + 1 for the others. */
  int level();

  /** The namespace it was created in; null for init_pid_ns. */
  PidNs parent();

  /** The kref count; 0 once released. */
  int refcount();

  /** Whether its last reference was put (destroy_pid_namespace ran). */
  boolean released();

  /** Its bitmap allocator (pidmap pages, last_pid, pid_max). */
  InspectablePidAllocator pidmap();

  /** The task that reaps orphans in it; null when none (a new namespace, or after a zap). */
  Task childReaper();

  /**
   * Whether forks may still allocate here (PIDNS_ADDING of Linux 6's pid_allocated): true from
   * creation until a linux-6 zap disables it. Always true under linux-2.6.24, which had no such
   * flag.
   */
  boolean allocating();

  /** Creation order: 0 for init_pid_ns, then 1, 2, ... in the order namespaces were created. */
  int serial();

  /** The stable value standing for its address in pid_hashfn; {@link PidHashing#nsKey(int)}. */
  default long hashKey() {
    return PidHashing.nsKey(serial());
  }

  /** {@code ns#<serial>}, as error messages name it. */
  default String describe() {
    return "ns#" + serial();
  }
}
