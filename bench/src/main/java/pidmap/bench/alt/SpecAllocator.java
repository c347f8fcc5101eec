package pidmap.bench.alt;

import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidAllocator;

/**
 * A {@link PidAllocator} (the model or the impl) seen as a {@link BenchAllocator}; every call goes
 * straight through.
 *
 * <p>As thread-safe as the allocator it wraps.
 */
final class SpecAllocator implements BenchAllocator {
  private final String name;
  private final InspectablePidAllocator a;

  SpecAllocator(String name, InspectablePidAllocator a) {
    this.name = name;
    this.a = a;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int alloc() {
    return a.alloc();
  }

  @Override
  public void free(int pid) {
    a.free(pid);
  }

  @Override
  public int next(int last) {
    return a.next(last);
  }

  @Override
  public Object footprintRoot() {
    return a;
  }

  @Override
  public void setLastPid(int lastPid) {
    a.setLastPid(lastPid);
  }
}
