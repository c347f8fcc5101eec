package pidmap.explorer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.trace.Op;

/**
 * The explorer's compact encoding of an allocator's observable state in one {@code long}: the
 * allocated set (bit i for pid i, pid 0 always set), last_pid and pid_max. Works for geometries
 * with {@code pid_max_limit <= 32}.
 *
 * <p>Layout: bits 0-31 the allocated set, bits 32-43 last_pid, bits 44-55 pid_max.
 *
 * <p>Stateless and thread-safe.
 */
public final class AbstractState {
  private AbstractState() {}

  /** The largest pid_max_limit whose allocated set fits the encoding. */
  public static final int MAX_LIMIT = 32;

  /** The state of a fresh allocator: only pid 0 allocated, last_pid 0, the default pid_max. */
  public static long fresh(Geometry g) {
    return of(1L, 0, g.defaultPidMax());
  }

  public static long of(long set, int lastPid, int pidMax) {
    return (set & 0xFFFF_FFFFL) | ((long) lastPid << 32) | ((long) pidMax << 44);
  }

  public static long set(long state) {
    return state & 0xFFFF_FFFFL;
  }

  public static int lastPid(long state) {
    return (int) ((state >>> 32) & 0xFFF);
  }

  public static int pidMax(long state) {
    return (int) ((state >>> 44) & 0xFFF);
  }

  /** Reads the observable state of an allocator. */
  public static long of(InspectablePidAllocator a) {
    BitSet bits = a.allocated();
    long set = bits.isEmpty() ? 0 : bits.toLongArray()[0];
    if (bits.length() > MAX_LIMIT) {
      throw new IllegalStateException("pid " + (bits.length() - 1) + " does not fit the encoding");
    }
    return of(set, a.lastPid(), a.pidMax());
  }

  /**
   * A path of operations that takes a fresh allocator to {@code state} by the contract alone:
   * raise pid_max to the limit, take each pid p by {@code set_last p-1; alloc}, then set pid_max
   * and last_pid (through a raised pid_max when last_pid lies above the target pid_max). Every
   * step is an accepted input; {@link ExplorerTest}-style checks confirm it reaches the state.
   */
  public static List<Op> canonicalPath(long state, Geometry g) {
    List<Op> ops = new ArrayList<>();
    int limit = g.pidMaxLimit();
    int pidMax = pidMax(state);
    int last = lastPid(state);
    long set = set(state) & ~1L;
    if (set != 0) {
      ops.add(Op.setPidMax(limit));
      for (long rest = set; rest != 0; rest &= rest - 1) {
        int pid = Long.numberOfTrailingZeros(rest);
        ops.add(Op.setLast(pid - 1));
        ops.add(Op.alloc());
      }
    }
    if (last > pidMax) {
      ops.add(Op.setPidMax(last));
      ops.add(Op.setLast(last));
      ops.add(Op.setPidMax(pidMax));
    } else {
      ops.add(Op.setPidMax(pidMax));
      ops.add(Op.setLast(last));
    }
    return ops;
  }

  /** E.g. {@code {0,1,5} last=5 pid_max=14}. */
  public static String toString(long state) {
    StringBuilder b = new StringBuilder("{");
    long set = set(state);
    for (long rest = set; rest != 0; rest &= rest - 1) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append(Long.numberOfTrailingZeros(rest));
    }
    return b.append("} last=").append(lastPid(state)).append(" pid_max=").append(pidMax(state))
        .toString();
  }
}
