package pidmap.engine.layer;

import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * The predicate of TASK-1: the numbers of every task the checker's ledger holds as unreaped
 * (running or zombie), and of their process groups and sessions, stay taken at every level.
 * Decided from the ledger (built from the answers) and the layer's inspection only.
 *
 * <p>Stateless and thread-safe.
 */
final class ProcessChecks {
  private ProcessChecks() {}

  static String unreapedHoldTheirNumbers(LayerStep s) {
    PidLayer l = s.layer();
    for (Task t : s.unreaped()) {
      if (t == l.initTask()) {
        continue;
      }
      if (s.zombie(t) && l.linkedPid(t, PidType.PID) == null) {
        return s.nameOf(t) + " is a zombie but has no PID link: its number went before the reap";
      }
      for (PidType type : PidType.values()) {
        Pid p = l.linkedPid(t, type);
        if (p == null || p == l.initStructPid()) {
          continue; // init_struct_pid is static: never hashed, pid 0 always taken
        }
        if (p.released() || !l.isHashed(p)) {
          return s.nameOf(t) + " is not reaped but its " + type.wire() + " pid " + s.nameOf(p)
              + " is not hashed";
        }
        for (int i = 0; i <= p.level(); i++) {
          if (!p.ns(i).pidmap().isAllocated(p.nr(i))) {
            return s.nameOf(t) + "'s " + type.wire() + " number " + p.nr(i) + " at level " + i
                + " is free in " + s.nameOf(p.ns(i)) + "'s bitmap while it is not reaped";
          }
        }
      }
    }
    return null;
  }
}
