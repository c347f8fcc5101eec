package pidmap.oracle;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The pids a scenario holds (handed out to it and not yet freed, pid 1 excepted: that is the
 * agent itself), with constant-time add, remove and uniform random choice. Not thread-safe.
 */
final class HeldPids {
  private int[] pids = new int[64];
  private int size;
  private final Map<Integer, Integer> index = new HashMap<>();

  void add(int pid) {
    if (index.containsKey(pid)) {
      return;
    }
    if (size == pids.length) {
      pids = Arrays.copyOf(pids, size * 2);
    }
    index.put(pid, size);
    pids[size++] = pid;
  }

  void remove(int pid) {
    Integer at = index.remove(pid);
    if (at == null) {
      return;
    }
    int last = pids[--size];
    if (at != size) {
      pids[at] = last;
      index.put(last, at);
    }
  }

  boolean contains(int pid) {
    return index.containsKey(pid);
  }

  int size() {
    return size;
  }

  /** A uniformly chosen held pid, or -1 when none is held. */
  int random(Random rnd) {
    return size == 0 ? -1 : pids[rnd.nextInt(size)];
  }

  /** A held pid below {@code bound}, by a few random tries; -1 if none was found. */
  int randomBelow(Random rnd, int bound) {
    for (int tries = 0; tries < 8 && size > 0; tries++) {
      int p = pids[rnd.nextInt(size)];
      if (p < bound) {
        return p;
      }
    }
    return -1;
  }
}
