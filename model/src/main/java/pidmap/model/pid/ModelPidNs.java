package pidmap.model.pid;

import pidmap.model.ModelPidAllocator;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.Task;

/**
 * The model's pid namespace: an immutable handle (its serial, its parent, its own model
 * allocator) whose count, release mark, child reaper and PIDNS_ADDING mark are entries in the
 * maps and sets of the {@link ModelNamespaces} that made it. Not thread-safe.
 *
 * @param serial creation order, 0 for init_pid_ns
 * @param parent the namespace it was created in; null for init_pid_ns
 * @param pidmap its own allocator
 * @param owner the namespaces that keep its state
 */
record ModelPidNs(int serial, ModelPidNs parent, ModelPidAllocator pidmap, ModelNamespaces owner)
    implements PidNs {

  /** The depth of the parent chain. */
  @Override
  public int level() {
    return parent == null ? 0 : 1 + parent.level();
  }

  @Override
  public int refcount() {
    return owner.refs.getOrDefault(this, 0);
  }

  @Override
  public boolean released() {
    return owner.released.contains(this);
  }

  @Override
  public Task childReaper() {
    return owner.reapers.get(this);
  }

  @Override
  public boolean allocating() {
    return !owner.dead.contains(this);
  }

  /** Identity: every handle is its own namespace (the record's value equality is not wanted). */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return describe() + " level=" + level() + (released() ? " (released)" : " count=" + refcount());
  }
}
