package pidmap.engine.layer;

import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * exec by a thread (de_thread): the group's other threads exit and are released; a non-leader
 * takes over its leader's pid, process group, session, child-reaper role, parent and children,
 * and the old leader is released.
 *
 * <p>Stateless; not thread-safe (it drives one {@link Processes}).
 */
final class DeThread {
  private DeThread() {}

  /** de_thread: other threads die; a non-leader takes the leader's pid, group and session. */
  static String exec(Processes ps, Task t) {
    if (!ps.usable(t)) {
      return "skip";
    }
    Task l = ps.leaderOf(t);
    if (t != l && !(ps.usable(l)
        && ps.layer.linkedPid(l, PidType.PID) != null && ps.layer.linkedPid(l, PidType.PGID) != null
        && ps.layer.linkedPid(l, PidType.SID) != null && ps.layer.linkedPid(t, PidType.PID) != null
        && ps.layer.linkedPid(t, PidType.PGID) == null && ps.layer.linkedPid(t, PidType.SID) == null)) {
      return "skip";
    }
    for (Task u : ps.aliveTasks()) {
      if (u != t && u != l && ps.leaderOf(u) == l && ps.alive(u)) {
        ps.exitOne(u);
        ps.release(u);
      }
    }
    if (t == l) {
      return "ok";
    }
    Pid lpid = ps.layer.linkedPid(l, PidType.PID);
    ps.layer.detachPid(t, PidType.PID);
    ps.layer.attachPid(t, PidType.PID, lpid);
    ps.layer.transferPid(l, t, PidType.PGID);
    ps.layer.transferPid(l, t, PidType.SID);
    for (PidNs n : ps.d.symbols.namespaces) {
      if (!n.released() && n.childReaper() == l) {
        ps.layer.setChildReaper(n, t); // de_thread hands the reaper role to the new leader
      }
    }
    ps.layer.setParent(t, ps.layer.parent(l)); // the new leader takes the old one's real_parent
    for (Task c : ps.unreaped()) {
      if (c != t && ps.layer.parent(c) == l) {
        ps.layer.setParent(c, t); // the old leader's exit handed its children to a live thread
      }
    }
    ps.d.note("exec: a thread takes over its leader's pid");
    ps.layer.detachPid(l, PidType.PID); // release_task(leader)
    ps.finish(l);
    ps.setLeader(t, t);
    return "ok";
  }
}
