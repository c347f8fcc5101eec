package pidmap.impl.pid;

import java.util.ArrayList;
import java.util.List;
import pidmap.spec.PidmapException;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * The wait of zap_pid_ns_processes (seed 615-618): the init reaps the killed tasks that are its
 * children once their parents died, i.e. each one whose real_parent had a number in the
 * namespace, and each thread (no parent: it reaps itself). The others stay zombies. Under
 * linux-6 a killed init of an inner namespace first waits in its own zap until that namespace
 * has no other pid, so it is reaped only then. Each task's side is read once, before anything is
 * released.
 *
 * <p>Not thread-safe: made and used under the tasklist lock by one zap.
 */
final class ImplZap {
  private final ImplPidNs ns;
  private final List<ImplTask> ordinary = new ArrayList<>();
  private final List<ImplTask> inits = new ArrayList<>();

  ImplZap(ImplPidNs ns, boolean linux6, List<Task> killed) {
    this.ns = ns;
    for (Task t : killed) {
      ImplTask v = (ImplTask) t;
      ImplTask parent = v.parent;
      if (parent != null && !hasNumberHere(parent.link(PidType.PID).pid)) {
        continue; // the parent outside waits for it
      }
      ImplPid own = v.link(PidType.PID).pid;
      int deepest = own.numbers.length - 1;
      if (linux6 && deepest > ns.level && own.numbers[deepest].nr == 1) {
        int at = inits.size();
        while (at > 0 && levelOf(inits.get(at - 1)) < deepest) {
          at--; // deeper first; among equals, in the order killed
        }
        inits.add(at, v);
      } else {
        ordinary.add(v);
      }
    }
  }

  private boolean hasNumberHere(ImplPid p) {
    return p != null && p.numbers.length > ns.level && p.numbers[ns.level].ns == ns;
  }

  private static int levelOf(ImplTask t) {
    return t.link(PidType.PID).pid.numbers.length - 1;
  }

  /** Killed tasks whose parent was in the namespace (or threads), in the order killed. */
  List<ImplTask> childrenOfTheInit() {
    return ordinary;
  }

  /** Killed inits of inner namespaces whose parent was in the namespace, deepest first. */
  List<ImplTask> innerInits() {
    return inits;
  }

  /** Whether the inner namespace {@code init} leads still holds a number other than 0 and 1. */
  boolean namespaceBusy(ImplTask init) {
    ImplPid own = init.link(PidType.PID).pid;
    if (own == null) {
      throw new PidmapException("init", init.describe(), "a task still linked as PID");
    }
    return own.numbers[own.numbers.length - 1].ns.pidmap.allocatedCount() > 2;
  }
}
