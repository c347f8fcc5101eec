package pidmap.bench.alt;

import java.util.concurrent.ConcurrentSkipListSet;
import pidmap.model.SeedSearchRule;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;

/**
 * What a user would write for a lock-free allocator: a {@link ConcurrentSkipListSet} of the free
 * pids; alloc takes the first free pid of the seed's order (the bounds of the model's
 * {@link SeedSearchRule}) with {@code ceiling} and wins it with {@code remove}, free puts it back
 * with {@code add}.
 *
 * <p>Thread-safe and lock-free: a lost {@code remove} retries from the next free pid; last_pid is
 * a volatile field stored plainly after a win, racy in the same way as the seed's store.
 */
public final class SkipListAllocator implements BenchAllocator {
  private final Geometry geometry;
  private final int pidMax;
  private final ConcurrentSkipListSet<Integer> free = new ConcurrentSkipListSet<>();
  private volatile int lastPid;

  public SkipListAllocator(Geometry g, int pidMax) {
    this.geometry = g;
    this.pidMax = pidMax;
    for (int pid = 1; pid < pidMax; pid++) { // pid 0 is the idle task's, never free
      free.add(pid);
    }
  }

  @Override
  public String name() {
    return "skiplist";
  }

  @Override
  public int alloc() {
    int last = lastPid;
    int pid = claim(SeedSearchRule.forwardFrom(last, pidMax, geometry), pidMax);
    if (pid < 0) {
      pid = claim(geometry.reservedPids(), SeedSearchRule.wrappedEnd(last, pidMax, geometry));
    }
    if (pid >= 0) {
      lastPid = pid;
    }
    return pid;
  }

  /** Takes the smallest free pid in [from, to), or answers -1. */
  private int claim(int from, int to) {
    while (from < to) {
      Integer candidate = free.ceiling(from);
      if (candidate == null || candidate >= to) {
        return -1;
      }
      if (free.remove(candidate)) {
        return candidate;
      }
      from = candidate + 1; // another thread won it; look further on
    }
    return -1;
  }

  @Override
  public void free(int pid) {
    if (pid <= 0 || pid >= pidMax) {
      throw new PidmapException("pid", pid, "an allocated pid in [1, " + pidMax + ")");
    }
    if (!free.add(pid)) {
      throw new PidmapException("pid", pid, "an allocated pid; " + pid + " is free");
    }
  }

  /** The first pid above {@code last} that is not in the free set: a walk over the free run. */
  @Override
  public int next(int last) {
    int expected = last + 1;
    for (int f : free.tailSet(expected, true)) {
      if (f != expected) {
        break;
      }
      expected++;
    }
    return expected < pidMax ? expected : -1;
  }

  @Override
  public void setLastPid(int value) {
    lastPid = value;
  }
}
