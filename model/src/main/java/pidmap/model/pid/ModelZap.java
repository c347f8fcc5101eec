package pidmap.model.pid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * Which of the tasks a zap killed its init reaps (seed 615-618: the init's wait4 reaps its own
 * children until there are none): every killed task whose parent is in the namespace (that
 * parent dies too, and its children go to the init) or that has no parent (a thread). One whose
 * parent is outside stays a zombie for that parent. Under linux-6 the init of an inner namespace
 * is reaped only once its own namespace has no other pid, since it waits in its own zap first.
 * Decided from the parents as they were before the zap released anything.
 *
 * <p>Not thread-safe: one zap's decision.
 */
final class ModelZap {
  private final PidNs ns;
  private final boolean linux6;
  private final BiFunction<Task, PidType, Pid> linked;
  private final Map<Task, Boolean> endsWithInit = new IdentityHashMap<>();

  ModelZap(PidNs ns, boolean linux6, BiFunction<Task, PidType, Pid> linked,
      Function<Task, Task> parent, List<Task> killed) {
    this.ns = ns;
    this.linux6 = linux6;
    this.linked = linked;
    for (Task v : killed) {
      Task p = parent.apply(v);
      endsWithInit.put(v, p == null || inside(linked.apply(p, PidType.PID)));
    }
  }

  private boolean inside(Pid p) {
    return p != null && p.level() >= ns.level() && p.ns(ns.level()) == ns;
  }

  /** Under linux-6: the task is number 1 of a namespace inside this one (it zaps that first). */
  private boolean innerInit(Task v) {
    Pid p = linked.apply(v, PidType.PID);
    return linux6 && p != null && p.level() > ns.level() && p.nr(p.level()) == 1;
  }

  /** The killed tasks the init reaps at once, in the order killed. */
  List<Task> reapedNow(List<Task> killed) {
    List<Task> out = new ArrayList<>();
    for (Task v : killed) {
      if (endsWithInit.get(v) && !innerInit(v)) {
        out.add(v);
      }
    }
    return out;
  }

  /** The inner inits the init would reap once they finish, deepest namespace first. */
  List<Task> waitingInits(List<Task> killed) {
    List<Task> out = new ArrayList<>();
    for (Task v : killed) {
      if (endsWithInit.get(v) && innerInit(v)) {
        out.add(v);
      }
    }
    out.sort(Comparator.comparingInt((Task v) -> linked.apply(v, PidType.PID).level()).reversed());
    return out;
  }

  /** Whether the namespace an inner init leads still has a pid besides its own 1. */
  boolean stillHasOthers(Task init) {
    Pid p = linked.apply(init, PidType.PID);
    return p.ns(p.level()).pidmap().allocatedCount() > 2; // pid 0 is reserved in every bitmap
  }
}
