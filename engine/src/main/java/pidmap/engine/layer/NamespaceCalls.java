package pidmap.engine.layer;

import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.KernelErrno;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/**
 * unshare and setns for a pid namespace: both change only pid_ns_for_children, under the rules
 * {@link Processes#unshareNewPidAllowed} and {@link Processes#mayEnter} state; and a task's
 * write of ns_last_pid, which moves its active namespace's cursor.
 *
 * <p>Stateless; not thread-safe (it drives one {@link Processes}).
 */
final class NamespaceCalls {
  private NamespaceCalls() {}

  /**
   * unshare: linux-2.6.24's sys_unshare refuses CLONE_NEWPID (EINVAL). linux-6: copy_pid_ns
   * for pid_ns_for_children, EINVAL while that differs from the active namespace; the caller's
   * own numbers and lookups stay in its active namespace, its later children are born in the
   * answer.
   */
  static String unshare(Processes ps, LayerOp op) {
    Task t = ps.d.symbols.require(op.task(), Task.class);
    if (!ps.usable(t)) {
      return "skip";
    }
    boolean newpid = (op.flags() & CloneFlags.CLONE_NEWPID) != 0;
    boolean thread = (op.flags() & CloneFlags.CLONE_THREAD) != 0;
    if (newpid && !thread && !ps.unshareNewPidAllowed(t)) {
      return "EINVAL";
    }
    PidNs old = ps.childrenNs(t);
    PidNs nu;
    try {
      nu = ps.layer.copyPidNs(op.flags(), old);
    } catch (KernelErrno e) {
      return e.errno();
    }
    ps.d.symbols.bindIfNew("n" + op.id(), nu);
    ps.layer.putPidNs(old);
    ps.setChildrenNs(t, nu);
    return ps.d.symbols.nameOf(nu);
  }

  /**
   * setns into a pid namespace (pidns_install): only the active namespace or a descendant of
   * it, else EINVAL; it changes pid_ns_for_children only. linux-2.6.24 had no setns (ENOSYS).
   */
  static String setns(Processes ps, Task t, PidNs target) {
    if (!ps.usable(t) || target.released()) {
      return "skip";
    }
    if (!ps.linux6()) {
      return "ENOSYS";
    }
    if (!ps.mayEnter(t, target)) {
      return "EINVAL";
    }
    ps.layer.getPidNs(target);
    ps.layer.putPidNs(ps.setChildrenNs(t, target));
    if (!target.allocating()) {
      ps.d.note("setns: into a namespace whose init has exited");
    }
    return "ok";
  }

  /**
   * A write of ns_last_pid by {@code t}: it lands in t's active namespace (task_active_pid_ns,
   * also after an unshare or setns moved where t's children are born), as the 6.18 kernel
   * answers; the layer refuses a value outside [0, that namespace's pid_max] (EINVAL).
   * linux-2.6.24 had no such file: opening it is ENOENT.
   */
  static String setLastPid(Processes ps, Task t, long value) {
    if (!ps.usable(t)) {
      return "skip";
    }
    if (!ps.linux6()) {
      return "ENOENT";
    }
    PidNs n = ps.active(t);
    int v = value < Integer.MIN_VALUE || value > Integer.MAX_VALUE
        ? pidmap.spec.Require.lastPid(value, n.pidmap().pidMax()) : (int) value;
    ps.layer.setLastPid(n, v);
    return "ok";
  }
}
