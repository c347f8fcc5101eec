package pidmap.engine.gen;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A set of pids with constant-time add, remove, membership and uniform random draw: the pids a
 * generator (or a kernel scenario) holds and may free. Not thread-safe.
 */
public final class PidPool {
  private int[] pids = new int[64];
  private int size;
  private final Map<Integer, Integer> slot = new HashMap<>();

  public int size() {
    return size;
  }

  public boolean contains(int pid) {
    return slot.containsKey(pid);
  }

  /** Adds {@code pid}; adding a member changes nothing. */
  public void add(int pid) {
    if (slot.containsKey(pid)) {
      return;
    }
    if (size == pids.length) {
      pids = Arrays.copyOf(pids, size * 2);
    }
    slot.put(pid, size);
    pids[size++] = pid;
  }

  /** Removes {@code pid}; removing a non-member changes nothing. */
  public void remove(int pid) {
    Integer at = slot.remove(pid);
    if (at == null) {
      return;
    }
    int moved = pids[--size];
    if (at != size) {
      pids[at] = moved;
      slot.put(moved, at);
    }
  }

  /** A member drawn uniformly; the caller checks {@link #size()} first. */
  public int draw(RandomGenerator random) {
    return pids[random.nextInt(size)];
  }

  /** A member drawn uniformly, or -1 when the pool is empty. */
  public int drawOrNone(RandomGenerator random) {
    return size == 0 ? -1 : draw(random);
  }

  /** A member below {@code bound}, by a few uniform draws; -1 when none was drawn. */
  public int drawBelow(RandomGenerator random, int bound) {
    for (int tries = 0; tries < 8 && size > 0; tries++) {
      int p = draw(random);
      if (p < bound) {
        return p;
      }
    }
    return -1;
  }
}
