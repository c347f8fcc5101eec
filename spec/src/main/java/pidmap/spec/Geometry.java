package pidmap.spec;

/**
 * The shape of the pid space: how many pids one bitmap page holds, how many low pids the wrap
 * skips, the hard ceiling and the default pid_max. The kernel's values are {@link #KERNEL}; small
 * geometries let tests and the exhaustive explorer reach page edges, wrap-around and exhaustion
 * with a handful of pids.
 *
 * <p>Seed: pid.c lines 46-54 (pid_max, RESERVED_PIDS, pid_max_min, pid_max_max, BITS_PER_PAGE).
 *
 * @param bitsPerPage BITS_PER_PAGE: a power of two in [4, 32768] (kernel: PAGE_SIZE*8 = 32768)
 * @param reservedPids RESERVED_PIDS: where the wrap restarts; 1 <= reserved < bits_per_page
 *     because the seed wraps to that offset inside page 0 (kernel: 300)
 * @param pidMaxLimit PID_MAX_LIMIT: the largest pid_max, in [reserved + 1, 4194304] (kernel:
 *     4194304 on 64-bit)
 * @param defaultPidMax the pid_max a fresh namespace starts with, in [pid_max_min, pid_max_limit]
 *     (kernel: PID_MAX_DEFAULT = 32768)
 */
public record Geometry(int bitsPerPage, int reservedPids, int pidMaxLimit, int defaultPidMax) {

  /** The largest page size: a 4 KiB page of bits. */
  public static final int MAX_BITS_PER_PAGE = 32768;
  /** The smallest page size that still leaves room for a reserved range and a free pid. */
  public static final int MIN_BITS_PER_PAGE = 4;
  /** The kernel's PID_MAX_LIMIT on 64-bit (4 * 1024 * 1024); no geometry goes above it. */
  public static final int MAX_PID_MAX_LIMIT = 4 * 1024 * 1024;

  /** Linux's own values: 32768 bits per page, 300 reserved, limit 4194304, default 32768. */
  public static final Geometry KERNEL = new Geometry(32768, 300, MAX_PID_MAX_LIMIT, 32768);

  public Geometry {
    if (bitsPerPage < MIN_BITS_PER_PAGE
        || bitsPerPage > MAX_BITS_PER_PAGE
        || Integer.bitCount(bitsPerPage) != 1) {
      throw new PidmapException(
          "bits_per_page", bitsPerPage,
          "a power of two in [" + MIN_BITS_PER_PAGE + ", " + MAX_BITS_PER_PAGE + "]");
    }
    Require.inHalfOpen("reserved", reservedPids, 1, null, bitsPerPage, "bits_per_page");
    Require.inClosed(
        "pid_max_limit", pidMaxLimit, reservedPids + 1L, "reserved + 1", MAX_PID_MAX_LIMIT, null);
    Require.inClosed(
        "pid_max", defaultPidMax, reservedPids + 1L, "pid_max_min", pidMaxLimit, "pid_max_limit");
  }

  /**
   * A geometry whose limit is the smallest whole number of pages holding {@code pidMax}, the
   * shape small tests want: {@code small(4, 2, 14)} has four pages of four pids.
   */
  public static Geometry small(int bitsPerPage, int reservedPids, int pidMax) {
    long limit = ((long) pidMax + bitsPerPage - 1) / bitsPerPage * bitsPerPage;
    return new Geometry(
        bitsPerPage, reservedPids, (int) Math.min(limit, MAX_PID_MAX_LIMIT), pidMax);
  }

  /** pid_max_min = RESERVED_PIDS + 1 (seed line 50). */
  public int pidMaxMin() {
    return reservedPids + 1;
  }

  /** BITS_PER_PAGE_MASK (seed line 54). */
  public int pageMask() {
    return bitsPerPage - 1;
  }

  /** log2(bits_per_page): the shift from a pid to its page index. */
  public int pageShift() {
    return Integer.numberOfTrailingZeros(bitsPerPage);
  }

  /** PIDMAP_ENTRIES: page slots needed to cover [0, pid_max_limit). */
  public int pidmapEntries() {
    return (pidMaxLimit + bitsPerPage - 1) / bitsPerPage;
  }

  /** The page that holds {@code pid}. */
  public int pageOf(int pid) {
    return pid >>> pageShift();
  }

  /**
   * The project's one notation for a geometry, {@code B/R/L pid_max P}: bits per page, reserved
   * pids, pid_max_limit, and the pid_max a fresh namespace starts with, e.g. {@code 4/2/16
   * pid_max 14}; the kernel's is {@code 32768/300/4194304 pid_max 32768}.
   */
  public String label() {
    return bitsPerPage + "/" + reservedPids + "/" + pidMaxLimit + " pid_max " + defaultPidMax;
  }
}
