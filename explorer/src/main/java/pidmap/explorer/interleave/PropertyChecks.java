package pidmap.explorer.interleave;

import java.util.Arrays;
import java.util.List;
import pidmap.explorer.Access;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Geometry;

/**
 * The {@link Property} checks of the interleaving explorer: on an operation's answer when it
 * ends (ALLOC-1, ALLOC-4), on an alloc's store of last_pid (LAST-1), and on a state with no
 * operation in flight (PIDMAP-2, PIDMAP-4). Each adds what it finds to a list, as a message that
 * starts with the property's id. Stateless.
 */
final class PropertyChecks {
  private static final int ALLOC = Interleaving.ALLOC;
  private static final int FREE = Interleaving.FREE;
  private static final int REFUSED = Interleaving.REFUSED;

  private final Geometry g;

  PropertyChecks(Geometry g) {
    this.g = g;
  }

  /** The thread's operation is over: the checks on its answer, the pids it now holds. */
  Run finish(State s, int t, Run r, int answer, List<String> broken) {
    int[] held = r.held;
    if (r.kind == ALLOC && answer >= 0) {
      for (int u = 0; u < s.runs.length; u++) {
        for (int h : s.runs[u].held) {
          if (h == answer && !releasing(s.runs[u], h)) {
            broken.add(Property.OWNERSHIP.prefix() + "thread " + (t + 1) + "'s alloc handed out "
                + answer + ", which thread " + (u + 1) + " holds");
          }
        }
      }
      if (answer < 1 || answer >= g.defaultPidMax()) {
        broken.add(Property.RANGE.prefix() + "alloc handed out " + answer + ", outside [1, "
            + g.defaultPidMax() + ")");
      }
      held = Arrays.copyOf(held, held.length + 1);
      held[held.length - 1] = answer;
    } else if (r.kind == FREE) {
      if (answer == REFUSED) {
        broken.add(Property.OWNERSHIP.prefix() + "thread " + (t + 1) + "'s free of " + r.arg
            + ", which it holds, was refused");
      } else {
        held = Arrays.copyOf(held, held.length - 1); // free takes the newest
      }
    }
    return r.finished(answer, held);
  }

  /** Whether the run is in a free of {@code pid} that has already cleared its bit. */
  private boolean releasing(Run r, int pid) {
    if (r.kind != FREE || r.arg != pid) {
      return false;
    }
    for (int i = 0; i < r.codes.length; i++) {
      if (r.codes[i] >>> 27 == Access.AND_WORD
          && (r.values[i] & (1L << (pid & g.pageMask()))) != 0) {
        return true;
      }
    }
    return false;
  }

  /** LAST-1: an alloc's store of last_pid never replaces a value after its pid. */
  void lastPidBackward(Run r, Access made, int before, List<String> broken) {
    if (r.kind != ALLOC || r.codes.length == 0 || r.codes[0] >>> 27 != Access.LOAD_LAST) {
      return;
    }
    int base = (int) r.values[0];
    int stored;
    if (made.kind() == Access.STORE_LAST) {
      stored = (int) made.arg();
    } else if (made.kind() == Access.CAS_LAST && made.value() == made.arg()) {
      stored = made.arg2();
    } else {
      return;
    }
    if (stored != before && LastPidUpdate.pidBefore(base, stored, before)) {
      broken.add(Property.LAST_PID.prefix() + "an alloc that read last_pid " + base
          + " stored " + stored + " over " + before + ", which comes after it");
    }
  }

  /** PIDMAP-2 and PIDMAP-4 when no operation is in flight. */
  void quiescent(State s, List<String> broken) {
    int bpp = g.bitsPerPage();
    long mask = bpp == 64 ? -1L : (1L << bpp) - 1;
    long held = 1;
    for (Run r : s.runs) {
      for (int h : r.held) {
        held |= 1L << h;
      }
    }
    for (int m = 0; m < s.slot.length; m++) {
      long word = s.slot[m] < 0 ? 0 : s.words[s.slot[m]] & mask;
      if (s.nrFree[m] != bpp - Long.bitCount(word)) {
        broken.add(Property.COUNTERS.prefix() + "page " + m + " has free counter "
            + s.nrFree[m] + " but " + Long.bitCount(word) + " of " + bpp + " bits set");
      }
      long want = m * bpp < 64 ? (held >>> (m * bpp)) & mask : 0;
      if (word != want) {
        int pid = m * bpp + Long.numberOfTrailingZeros(word ^ want);
        broken.add(Property.ALLOCATED.prefix() + "pid " + pid + " is "
            + ((word & Long.lowestOneBit(word ^ want)) != 0 ? "allocated but no thread holds it"
            : "held by a thread but free in the bitmap"));
      }
    }
  }
}
