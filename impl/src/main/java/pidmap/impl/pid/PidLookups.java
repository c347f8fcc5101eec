package pidmap.impl.pid;

import pidmap.spec.Implements;
import pidmap.spec.PidAllocator;
import pidmap.spec.SeedFunction;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * The read side of the impl: find_pid_ns, pid_task and every lookup built on them, plus the
 * argument checks the whole layer shares.
 *
 * <p>Lock-free: nothing here takes a lock; every load of a hash chain or a task list head is an
 * acquire that pairs with the writer's release, so a pid or link found is fully built. An answer
 * may be stale by the time it is returned, as under rcu_read_lock in the seed.
 *
 * <p>Seed: pid.c lines 84-97, 290-303, 348-450.
 */
abstract class PidLookups implements PidLayer {

  /** A live namespace made by this layer, or a refusal naming {@code name}. */
  abstract ImplPidNs liveNs(String name, PidNs ns);

  /** The hash's node for (nr, ns), or null. */
  abstract Upid findUpid(int nr, ImplPidNs ns);

  static ImplTask task(String name, Task task) {
    return LayerRequire.own(name, LayerRequire.present(name, task, "a task"), ImplTask.class);
  }

  static PidType type(PidType type) {
    return LayerRequire.present("type", type, "one of pid, pgid, sid");
  }

  static ImplPid livePid(String name, Pid pid) {
    return LayerRequire.livePid(name, pid, ImplPid.class);
  }

  /** find_pid_ns. Seed: pid.c lines 290-303. */
  @Override
  @Implements(SeedFunction.FIND_PID_NS)
  public Pid findPidNs(int nr, PidNs ns) {
    LayerRequire.nr(nr);
    Upid u = findUpid(nr, liveNs("ns", ns));
    return u == null ? null : u.pid;
  }

  /** pid_task. Seed: pid.c lines 348-359. */
  @Override
  @Implements(SeedFunction.PID_TASK)
  public Task pidTask(Pid pid, PidType type) {
    if (pid == null) {
      return null;
    }
    ImplPid p = livePid("pid", pid);
    PidLink first = p.tasks.getAcquire(type(type).ordinal()); // acquire: pairs with PidLink's release
    return first == null ? null : first.task;
  }

  /** Seed: pid.c lines 363-369. */
  @Override
  @Implements(SeedFunction.FIND_TASK_BY_PID_TYPE_NS)
  public Task findTaskByPidTypeNs(PidType type, int nr, PidNs ns) {
    type(type);
    return pidTask(findPidNs(nr, ns), type);
  }

  /** Seed: pid.c lines 371-375. */
  @Override
  @Implements(SeedFunction.FIND_TASK_BY_PID)
  public Task findTaskByPid(int nr) {
    return findTaskByPidTypeNs(PidType.PID, nr, initPidNs());
  }

  /** Seed: pid.c lines 377-382; the caller's namespace is passed. */
  @Override
  @Implements(SeedFunction.FIND_TASK_BY_VPID)
  public Task findTaskByVpid(PidNs current, int vnr) {
    return findTaskByPidTypeNs(PidType.PID, vnr, liveNs("current", current));
  }

  /** Seed: pid.c lines 384-388. */
  @Override
  @Implements(SeedFunction.FIND_TASK_BY_PID_NS)
  public Task findTaskByPidNs(int nr, PidNs ns) {
    return findTaskByPidTypeNs(PidType.PID, nr, ns);
  }

  /** get_task_pid. Seed: pid.c lines 390-397. */
  @Override
  @Implements(SeedFunction.GET_TASK_PID)
  public Pid getTaskPid(Task task, PidType type) {
    ImplTask t = task("task", task);
    return getPid(t.link(type(type)).pid); // volatile load of the link's pid
  }

  /** get_pid_task. Seed: pid.c lines 399-408. */
  @Override
  @Implements(SeedFunction.GET_PID_TASK)
  public Task getPidTask(Pid pid, PidType type) {
    ImplTask t = (ImplTask) pidTask(pid, type);
    if (t != null) {
      t.get();
    }
    return t;
  }

  /** find_get_pid (find_vpid in the caller's namespace). Seed: pid.c lines 410-419. */
  @Override
  @Implements(SeedFunction.FIND_GET_PID)
  public Pid findGetPid(PidNs current, int nr) {
    LayerRequire.nr(nr);
    Upid u = findUpid(nr, liveNs("current", current));
    return getPid(u == null ? null : u.pid);
  }

  /** pid_nr_ns. Seed: pid.c lines 421-431. */
  @Override
  @Implements(SeedFunction.PID_NR_NS)
  public int pidNrNs(Pid pid, PidNs ns) {
    ImplPidNs n = liveNs("ns", ns);
    if (pid == null) {
      return 0;
    }
    ImplPid p = livePid("pid", pid);
    if (n.level <= p.level()) {
      Upid u = p.numbers[n.level];
      if (u.ns == n) {
        return u.nr; // keeps [PID-2]
      }
    }
    return 0;
  }

  /** find_ge_pid: the pid at nr, else next_pidmap's next number, until none. Seed: 439-450. */
  @Override
  @Implements(SeedFunction.FIND_GE_PID)
  public Pid findGePid(int nr, PidNs ns) {
    LayerRequire.nr(nr);
    ImplPidNs n = liveNs("ns", ns);
    int limit = n.pidmap.geometry().pidMaxLimit();
    do {
      Upid u = findUpid(nr, n);
      if (u != null) {
        return u.pid; // keeps [LOOKUP-1]
      }
      nr = nr < limit ? n.pidmap.next(nr) : PidAllocator.NO_PID; // next_pidmap has no page past the limit
    } while (nr > 0);
    return null;
  }

  /** is_container_init. Seed: pid.c lines 84-97. */
  @Override
  @Implements(SeedFunction.IS_CONTAINER_INIT)
  public boolean isContainerInit(Task task) {
    ImplPid p = task("task", task).link(PidType.PID).pid;
    return p != null && p.numbers[p.level()].nr == 1; // keeps [INIT-1]
  }

  @Override
  public Pid linkedPid(Task task, PidType type) {
    return task("task", task).link(type(type)).pid;
  }
}
