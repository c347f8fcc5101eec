package pidmap.impl.pid;

import java.util.concurrent.atomic.AtomicInteger;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Implements;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.SeedFunction;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.Task;

/**
 * struct pid_namespace: a kref, a level, a parent, its own {@link BitmapPidAllocator}, the cache
 * its pids come from and a child reaper.
 *
 * <p>Thread-safety: the kref changes by compare-and-swap and is 0 exactly when the namespace is
 * released; the child reaper is a volatile field; the rest is final. init_pid_ns's kref is 2
 * and never changes, because get and put skip it.
 *
 * <p>Seed: pid.c lines 71-82, 504-551; get_pid_ns and put_pid_ns of pid_namespace.h.
 */
final class ImplPidNs implements PidNs {
  final int serial;
  final int level;
  final ImplPidNs parent;
  final BitmapPidAllocator pidmap;
  final PidCaches.KmemCache pidCachep;
  private final AtomicInteger kref;
  volatile Task childReaper;
  /** PIDNS_ADDING: cleared under the pidmap lock by a linux-6 zap; read under it by alloc_pid. */
  volatile boolean allocating = true;
  /** Published (hashed) pids with a number here: pid_allocated without its flag. Guarded by the
   * layer's pidmap lock. */
  int pidAllocated;

  ImplPidNs(int serial, ImplPidNs parent, BitmapPidAllocator pidmap, PidCaches.KmemCache pidCachep,
      int kref) {
    this.serial = serial;
    this.parent = parent;
    this.level = parent == null ? 0 : parent.level + 1;
    this.pidmap = pidmap;
    this.pidCachep = pidCachep;
    this.kref = new AtomicInteger(kref);
  }

  boolean isInit() {
    return parent == null;
  }

  /** get_pid_ns: refuses a released namespace; init_pid_ns is not counted. */
  @Implements(SeedFunction.GET_PID_NS)
  void get() {
    if (isInit()) {
      return;
    }
    for (int c = kref.get(); ; c = kref.get()) {
      if (c <= 0) {
        LayerRequire.liveNs("ns", this); // throws: released (use after free)
      }
      if (kref.compareAndSet(c, c + 1)) { // keeps [NS-2]
        return;
      }
    }
  }

  /** kref_put's count step: answers whether this put took the count to zero. */
  boolean put() {
    if (isInit()) {
      return false;
    }
    for (int c = kref.get(); ; c = kref.get()) {
      if (c <= 0) {
        LayerRequire.liveNs("ns", this); // throws: the count would go below zero
      }
      if (kref.compareAndSet(c, c - 1)) { // keeps [NS-2]
        return c == 1;
      }
    }
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
    return kref.get();
  }

  @Override
  public boolean released() {
    return kref.get() == 0;
  }

  @Override
  public InspectablePidAllocator pidmap() {
    return pidmap;
  }

  @Override
  public boolean allocating() {
    return allocating;
  }

  @Override
  public Task childReaper() {
    return childReaper;
  }

  @Override
  public int serial() {
    return serial;
  }

  @Override
  public String toString() {
    return describe() + " level=" + level + " count=" + refcount();
  }
}
