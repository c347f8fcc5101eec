package pidmap.engine.layer;

import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * sys_setsid and sys_setpgid over the layer's links. A zombie still leads its group and session
 * (its links stay until it is reaped), so a group whose members are all zombies still exists.
 *
 * <p>Stateless; not thread-safe (it drives one {@link Processes}).
 */
final class Sessions {
  private Sessions() {}

  /** sys_setsid: EPERM for a session leader or when a group with the leader's pid exists. */
  static String setsid(Processes ps, Task t) {
    PidLayer layer = ps.layer;
    if (!ps.usable(t)) {
      return "skip";
    }
    Task l = ps.leaderOf(t);
    Pid own = layer.linkedPid(l, PidType.PID);
    Pid sid = layer.linkedPid(l, PidType.SID);
    Pid pgid = layer.linkedPid(l, PidType.PGID);
    if (!ps.usable(l) || own == null || sid == null || pgid == null) {
      return "skip";
    }
    if (sid == own || layer.pidTask(own, PidType.PGID) != null) {
      return "EPERM";
    }
    layer.detachPid(l, PidType.SID);
    layer.attachPid(l, PidType.SID, own);
    layer.detachPid(l, PidType.PGID);
    layer.attachPid(l, PidType.PGID, own);
    return "ok";
  }

  /**
   * sys_setpgid: into the group of a member of the same session, or a new group of its own;
   * EPERM for a group whose number the caller cannot see (an "invisible group").
   */
  static String setpgid(Processes ps, Task t, Task g) {
    PidLayer layer = ps.layer;
    if (!ps.usable(t) || !(ps.alive(g) || ps.dead(g))) {
      return "skip";
    }
    Task l = ps.leaderOf(t);
    Task gl = ps.leaderOf(g);
    Pid own = layer.linkedPid(l, PidType.PID);
    Pid sid = layer.linkedPid(l, PidType.SID);
    Pid pgid = layer.linkedPid(l, PidType.PGID);
    if (!ps.usable(l) || own == null || sid == null || pgid == null) {
      return "skip";
    }
    if (sid == own) {
      return "EPERM";
    }
    Pid target = own;
    if (gl != l) {
      if (layer.linkedPid(gl, PidType.SID) != sid) {
        return "EPERM";
      }
      target = layer.linkedPid(gl, PidType.PGID);
    }
    if (target == null) {
      return "skip";
    }
    if (gl != l && layer.pidNrNs(target, ps.active(t)) == 0) {
      // the caller names a group by its number in its own active namespace (find_vpid; 2.6.24's
      // find_task_by_pid_type_ns in current's namespace): a group whose pid has no number there
      // cannot be named, and every number the caller could pass is EPERM (the 6.18 kernel)
      return "EPERM";
    }
    if (target != pgid) {
      layer.detachPid(l, PidType.PGID);
      layer.attachPid(l, PidType.PGID, target);
    }
    return "ok";
  }
}
