package pidmap.bench.alt;

import java.util.BitSet;
import pidmap.model.SeedSearchRule;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;

/**
 * What a user would write first: one {@link BitSet} of allocated pids behind one monitor, searched
 * with {@link BitSet#nextClearBit} in the seed's order (the bounds of the model's
 * {@link SeedSearchRule}).
 *
 * <p>Thread-safe: every method holds the allocator's monitor (blocking, not lock-free).
 */
public final class SynchronizedBitSetAllocator implements BenchAllocator {
  private final Geometry geometry;
  private final int pidMax;
  private final BitSet allocated;
  private int lastPid;

  public SynchronizedBitSetAllocator(Geometry g, int pidMax) {
    this.geometry = g;
    this.pidMax = pidMax;
    this.allocated = new BitSet(pidMax);
    allocated.set(0); // pid 0 is the idle task's
  }

  @Override
  public String name() {
    return "bitset-sync";
  }

  @Override
  public synchronized int alloc() {
    int pid = firstClear(SeedSearchRule.forwardFrom(lastPid, pidMax, geometry), pidMax);
    if (pid < 0) {
      pid = firstClear(geometry.reservedPids(), SeedSearchRule.wrappedEnd(lastPid, pidMax, geometry));
    }
    if (pid >= 0) {
      allocated.set(pid);
      lastPid = pid;
    }
    return pid;
  }

  private int firstClear(int from, int to) {
    int pid = allocated.nextClearBit(from);
    return pid < to ? pid : -1;
  }

  @Override
  public synchronized void free(int pid) {
    if (pid <= 0 || pid >= pidMax || !allocated.get(pid)) {
      throw new PidmapException("pid", pid, "an allocated pid in [1, " + pidMax + ")");
    }
    allocated.clear(pid);
  }

  @Override
  public synchronized int next(int last) {
    int pid = allocated.nextSetBit(last + 1);
    return pid < 0 ? -1 : pid;
  }

  @Override
  public synchronized void setLastPid(int value) {
    lastPid = value;
  }
}
