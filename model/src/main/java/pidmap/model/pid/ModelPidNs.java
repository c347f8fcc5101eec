package pidmap.model.pid;

import pidmap.model.ModelPidAllocator;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.Task;

/** The model's pid namespace: plain fields and its own model allocator. Not thread-safe. */
final class ModelPidNs implements PidNs {
  final int serial;
  final int level;
  final ModelPidNs parent;
  final ModelPidAllocator pidmap;
  int refcount;
  boolean released;
  Task childReaper;
  /** PIDNS_ADDING: cleared by a linux-6 zap. */
  boolean allocating = true;

  ModelPidNs(int serial, ModelPidNs parent, ModelPidAllocator pidmap, int refcount) {
    this.serial = serial;
    this.parent = parent;
    this.level = parent == null ? 0 : parent.level + 1;
    this.pidmap = pidmap;
    this.refcount = refcount;
  }

  @Override
  public int level() {
    return level;
  }

  @Override
  public PidNs parent() {
    return parent;
  }

  @Override
  public int refcount() {
    return refcount;
  }

  @Override
  public boolean released() {
    return released;
  }

  @Override
  public InspectablePidAllocator pidmap() {
    return pidmap;
  }

  @Override
  public Task childReaper() {
    return childReaper;
  }

  @Override
  public boolean allocating() {
    return allocating;
  }

  @Override
  public int serial() {
    return serial;
  }

  @Override
  public String toString() {
    return describe() + " level=" + level + (released ? " (released)" : " count=" + refcount);
  }
}
