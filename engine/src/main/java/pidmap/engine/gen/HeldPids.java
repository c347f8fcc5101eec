package pidmap.engine.gen;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The pids the generator's model holds (pid 0 excluded), with O(1) add, remove and uniform draw.
 * Not thread-safe.
 */
final class HeldPids {
  private int[] pids = new int[64];
  private int size;
  private final Map<Integer, Integer> slot = new HashMap<>();

  int size() {
    return size;
  }

  boolean contains(int pid) {
    return slot.containsKey(pid);
  }

  void add(int pid) {
    if (pid == 0 || slot.containsKey(pid)) {
      return;
    }
    if (size == pids.length) {
      pids = Arrays.copyOf(pids, size * 2);
    }
    slot.put(pid, size);
    pids[size++] = pid;
  }

  void remove(int pid) {
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

  /** A held pid drawn uniformly; the caller checks {@link #size()} first. */
  int draw(SplittableRandom random) {
    return pids[random.nextInt(size)];
  }
}
