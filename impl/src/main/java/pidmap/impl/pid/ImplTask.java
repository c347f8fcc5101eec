package pidmap.impl.pid;

import java.util.concurrent.atomic.AtomicInteger;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * The smallest task_struct pid.c needs: one {@link PidLink} per type and an atomic usage count.
 *
 * <p>Thread-safety: links and the parent change under the tasklist lock; usage by
 * compare-and-swap.
 */
final class ImplTask implements Task {
  final int serial;
  final PidLink[] pids = new PidLink[PidType.values().length];
  private final AtomicInteger usage = new AtomicInteger(1);
  /** real_parent; null when no task waits for it. Written under the tasklist lock. */
  volatile ImplTask parent;

  ImplTask(int serial) {
    this.serial = serial;
    for (PidType t : PidType.values()) {
      pids[t.ordinal()] = new PidLink(this, t);
    }
  }

  PidLink link(PidType type) {
    return pids[type.ordinal()];
  }

  @Override
  public int serial() {
    return serial;
  }

  @Override
  public int usage() {
    return usage.get();
  }

  /** get_task_struct. */
  void get() {
    usage.incrementAndGet();
  }

  /** put_task_struct of a get_pid_task reference; refuses the task's own. */
  void put() {
    for (int u = usage.get(); ; u = usage.get()) {
      if (u <= 1) {
        LayerRequire.taskPutable(this); // throws: only get_pid_task references are put here
      }
      if (usage.compareAndSet(u, u - 1)) { // keeps [REF-2]
        return;
      }
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
