package example.pids;

import java.util.BitSet;
import pidmap.spec.PidAllocator;
import pidmap.spec.PidmapException;

/**
 * An example allocator, written from the linux-6 rule of pidmap's docs/PROFILES.md: a cursor
 * (last_pid + 1), the search up to pid_max, then once more from 1 while the cursor is at most 300
 * and from 300 after that. Not thread-safe.
 */
public final class CyclicPidAllocator implements PidAllocator {
  private static final int RESERVED = 300;
  private static final int LIMIT = 4 * 1024 * 1024;

  private final BitSet taken = new BitSet();
  private int last;
  private int pidMax = 32768;

  public CyclicPidAllocator() {
    taken.set(0); // the idle task's
  }

  @Override
  public int alloc() {
    int cursor = last + 1;
    int floor = cursor <= RESERVED ? 1 : RESERVED;
    int start = Math.max(cursor, floor);
    int pid = firstFree(start, pidMax);
    if (pid < 0 && start > floor) {
      pid = firstFree(floor, Math.min(start, pidMax));
    }
    if (pid < 0) {
      return NO_PID;
    }
    taken.set(pid);
    last = pid;
    return pid;
  }

  private int firstFree(int from, int to) {
    int p = taken.nextClearBit(from);
    return p < to ? p : -1;
  }

  @Override
  public void free(int pid) {
    if (pid <= 0 || pid >= LIMIT || !taken.get(pid)) {
      throw new PidmapException("pid", pid, "an allocated pid in [1, " + LIMIT + ")");
    }
    taken.clear(pid);
  }

  @Override
  public int next(int after) {
    if (after < 0 || after >= LIMIT) {
      throw new PidmapException("after", after, "[0, " + LIMIT + ")");
    }
    int p = taken.nextSetBit(after + 1);
    return p < 0 ? NO_PID : p;
  }

  @Override
  public int pidMax() {
    return pidMax;
  }

  @Override
  public void setPidMax(int value) {
    if (value <= RESERVED || value > LIMIT) {
      throw new PidmapException("pid_max", value, "[" + (RESERVED + 1) + ", " + LIMIT + "]");
    }
    pidMax = value;
  }

  @Override
  public int lastPid() {
    return last;
  }

  @Override
  public void setLastPid(int value) {
    if (value < 0 || value > pidMax) {
      throw new PidmapException("last_pid", value, "[0, pid_max]");
    }
    last = value;
  }
}
