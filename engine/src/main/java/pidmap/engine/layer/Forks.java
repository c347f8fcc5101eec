package pidmap.engine.layer;

import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.KernelErrno;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/**
 * fork and clone3 as copy_process calls pid.c, with today's EINVAL checks and set_tid.
 *
 * <p>Stateless; not thread-safe (it drives one {@link Processes}).
 */
final class Forks {
  private Forks() {}

  /**
   * copy_process: the EINVAL checks of today's kernel, copy_pid_ns, alloc_pid (with set_tid),
   * then PGID and SID (a new group leader) and PID. A pid whose own number is 1 below level 0
   * makes its task the namespace's child reaper (is_child_reaper).
   */
  static String fork(Processes ps, LayerOp op) {
    Task parent = ps.d.symbols.require(op.task(), Task.class);
    boolean thread = (op.flags() & CloneFlags.CLONE_THREAD) != 0;
    boolean newpid = (op.flags() & CloneFlags.CLONE_NEWPID) != 0;
    Task pl = ps.leaderOf(parent);
    if (!ps.alive(parent) || (thread && pl == ps.layer.initTask())) {
      return "skip";
    }
    Pid pgrp = ps.layer.linkedPid(pl, PidType.PGID);
    Pid session = ps.layer.linkedPid(pl, PidType.SID);
    if (!thread && (pgrp == null || session == null)) {
      return "skip";
    }
    if (!op.setTid().isEmpty() && !ps.linux6()) {
      return "ENOSYS"; // clone3 is Linux 5.3's, set_tid 5.5's
    }
    if (ps.linux6() && (thread ^ newpid) && ps.childrenNs(parent) != ps.active(parent)) {
      return "EINVAL"; // a thread, or a new namespace, only from the active namespace
    }
    PidNs ns;
    try {
      ns = ps.layer.copyPidNs(op.flags(), ps.childrenNs(parent));
    } catch (KernelErrno e) {
      return e.errno();
    }
    ps.d.symbols.bindIfNew("n" + op.id(), ns);
    int innerLast = ns.pidmap().lastPid();
    Pid pid;
    try {
      pid = ps.layer.allocPid(ns, op.setTid().stream().mapToInt(Integer::intValue).toArray());
    } catch (KernelErrno e) {
      ps.layer.putPidNs(ns);
      ps.d.note(!ns.allocating() && e.errno().equals("ENOMEM")
          ? "fork: into a namespace whose init has exited" : "fork: set_tid " + e.errno());
      return e.errno();
    }
    if (pid == null) { // some level had no room (before a dead namespace's ENOMEM, as in Linux)
      if (ns.level() > 0 && ns.pidmap().lastPid() != innerLast) {
        ps.d.note("fork: no number at an outer level after the inner level had one");
      }
      ps.layer.putPidNs(ns);
      return ps.layer.config().profile().exhaustionErrno();
    }
    Task child = ps.layer.newTask();
    ps.d.symbols.bind("t" + op.id(), child);
    ps.d.symbols.bind("p" + op.id(), pid);
    if (ps.becomesInit(pid)) {
      ps.layer.setChildReaper(pid.ns(pid.level()), child);
      if (!newpid) {
        ps.d.note("fork: the first child after unshare or setns becomes the init");
      }
    }
    if (!thread) {
      ps.layer.attachPid(child, PidType.PGID, pgrp);
      ps.layer.attachPid(child, PidType.SID, session);
    }
    ps.layer.attachPid(child, PidType.PID, pid);
    ps.born(child, thread ? pl : child, ns, pl);
    if (!op.setTid().isEmpty()) {
      ps.d.note("fork: set_tid at " + op.setTid().size() + " level(s)");
    }
    return ps.d.symbols.nameOf(child) + " " + pid.numbers();
  }
}
