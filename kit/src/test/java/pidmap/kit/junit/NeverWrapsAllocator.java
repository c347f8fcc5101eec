package pidmap.kit.junit;

import java.util.BitSet;
import pidmap.spec.PidAllocator;
import pidmap.spec.PidmapException;

/**
 * A broken twin for the JUnit kit: a JVM allocator that counts up from last_pid + 1 and never
 * wraps (at the top it answers NO_PID). Otherwise it keeps Linux's bounds. Not thread-safe.
 */
final class NeverWrapsAllocator implements PidAllocator {
  private final BitSet taken = new BitSet();
  private int last;
  private int pidMax = 32768;

  NeverWrapsAllocator() {
    taken.set(0);
  }

  @Override
  public int alloc() {
    int p = taken.nextClearBit(Math.max(1, last + 1));
    if (p >= pidMax) {
      return NO_PID;
    }
    taken.set(p);
    last = p;
    return p;
  }

  @Override
  public void free(int pid) {
    if (pid <= 0 || pid >= 4194304 || !taken.get(pid)) {
      throw new PidmapException("pid", pid, "an allocated pid");
    }
    taken.clear(pid);
  }

  @Override
  public int next(int after) {
    if (after < 0 || after >= 4194304) {
      throw new PidmapException("last", after, "[0, 4194304)");
    }
    int p = taken.nextSetBit(after + 1);
    return p < 0 ? NO_PID : p;
  }

  @Override
  public int pidMax() {
    return pidMax;
  }

  @Override
  public void setPidMax(int v) {
    if (v < 301 || v > 4194304) {
      throw new PidmapException("pid_max", v, "[301, 4194304]");
    }
    pidMax = v;
  }

  @Override
  public int lastPid() {
    return last;
  }

  @Override
  public void setLastPid(int v) {
    if (v < 0 || v > pidMax) {
      throw new PidmapException("last_pid", v, "[0, pid_max]");
    }
    last = v;
  }
}
