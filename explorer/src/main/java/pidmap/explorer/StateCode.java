package pidmap.explorer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapInspection;
import pidmap.trace.Op;

/**
 * The explorer's state in one {@code long}: the allocated set (bit i for pid i, pid 0 always
 * set), last_pid, pid_max, and the installed pages (bit m for page m, page 0 always set) — the
 * model's state and the part of the impl's concrete state that is not a function of it (each
 * page's free counter is: bits_per_page minus the page's set bits, which every step checks).
 * Works for geometries with {@code pid_max_limit <= 32}.
 *
 * <p>Layout: bits 0-31 the allocated set, 32-39 last_pid, 40-47 pid_max, 48-55 the installed pages.
 *
 * <p>Stateless and thread-safe.
 */
public final class StateCode {
  private StateCode() {}

  /** The largest pid_max_limit whose allocated set fits the encoding. */
  public static final int MAX_LIMIT = 32;
  /** The most page slots the encoding holds. */
  public static final int MAX_PAGES = 8;

  /** The state of a fresh allocator: pid 0, page 0, last_pid 0, the default pid_max. */
  public static long fresh(Geometry g) {
    return of(1L, 0, g.defaultPidMax(), 1);
  }

  public static long of(long set, int lastPid, int pidMax, int installed) {
    return (set & 0xFFFF_FFFFL) | ((long) lastPid << 32) | ((long) pidMax << 40)
        | ((long) installed << 48);
  }

  public static long set(long state) {
    return state & 0xFFFF_FFFFL;
  }

  public static int lastPid(long state) {
    return (int) (state >>> 32) & 0xFF;
  }

  public static int pidMax(long state) {
    return (int) (state >>> 40) & 0xFF;
  }

  public static int installed(long state) {
    return (int) (state >>> 48) & 0xFF;
  }

  public static long withSet(long state, long set) {
    return (state & ~0xFFFF_FFFFL) | (set & 0xFFFF_FFFFL);
  }

  public static long withLastPid(long state, int lastPid) {
    return (state & ~(0xFFL << 32)) | ((long) lastPid << 32);
  }

  public static long withPidMax(long state, int pidMax) {
    return (state & ~(0xFFL << 40)) | ((long) pidMax << 40);
  }

  public static long withInstalled(long state, int installed) {
    return (state & ~(0xFFL << 48)) | ((long) installed << 48);
  }

  /** The pages that hold at least one pid of {@code set}, page 0 always among them. */
  public static int pagesOf(long set, Geometry g) {
    int pages = 1;
    int bpp = g.bitsPerPage();
    long pageMask = bpp >= 32 ? 0xFFFF_FFFFL : (1L << bpp) - 1;
    for (int m = 0; (long) m * bpp < MAX_LIMIT; m++) {
      if (((set >>> (m * bpp)) & pageMask) != 0) {
        pages |= 1 << m;
      }
    }
    return pages;
  }

  /** Reads an allocator's state through its inspection view. */
  public static long of(PidmapInspection a, int lastPid, int pidMax) {
    BitSet bits = a.allocated();
    if (bits.length() > MAX_LIMIT) {
      throw new IllegalStateException("pid " + (bits.length() - 1) + " does not fit the encoding");
    }
    long set = bits.isEmpty() ? 0 : bits.toLongArray()[0];
    int installed = 0;
    for (int m = 0; m < Math.min(MAX_PAGES, a.geometry().pidmapEntries()); m++) {
      if (a.pageInstalled(m)) {
        installed |= 1 << m;
      }
    }
    return of(set, lastPid, pidMax, installed);
  }

  /**
   * Accepted operations that take a fresh allocator to {@code state} by the contract alone:
   * raise pid_max to the limit; install each page that is installed but holds no pid by taking
   * its first pid and freeing it; take each pid p by {@code set_last p-1; alloc}; then set
   * pid_max and last_pid (through a raised pid_max when last_pid lies above the target).
   */
  public static List<Op> canonicalPath(long state, Geometry g) {
    List<Op> ops = new ArrayList<>();
    int limit = g.pidMaxLimit();
    int pidMax = pidMax(state);
    int last = lastPid(state);
    long set = set(state) & ~1L;
    int emptyInstalled = installed(state) & ~pagesOf(set(state), g);
    if (set != 0 || emptyInstalled != 0) {
      ops.add(Op.setPidMax(limit));
    }
    for (int rest = emptyInstalled; rest != 0; rest &= rest - 1) {
      int first = Integer.numberOfTrailingZeros(rest) * g.bitsPerPage();
      ops.add(Op.setLast(first - 1));
      ops.add(Op.alloc());
      ops.add(Op.free(first));
    }
    for (long rest = set; rest != 0; rest &= rest - 1) {
      int pid = Long.numberOfTrailingZeros(rest);
      ops.add(Op.setLast(pid - 1));
      ops.add(Op.alloc());
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

  /** E.g. {@code {0,1,5} last=5 pid_max=14 pages=0,1}. */
  public static String toString(long state) {
    StringBuilder b = new StringBuilder("{");
    for (long rest = set(state); rest != 0; rest &= rest - 1) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append(Long.numberOfTrailingZeros(rest));
    }
    b.append("} last=").append(lastPid(state)).append(" pid_max=").append(pidMax(state))
        .append(" pages=");
    String sep = "";
    for (int rest = installed(state); rest != 0; rest &= rest - 1) {
      b.append(sep).append(Integer.numberOfTrailingZeros(rest));
      sep = ",";
    }
    return b.toString();
  }
}
