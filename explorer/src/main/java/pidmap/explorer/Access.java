package pidmap.explorer;

/**
 * One access of an allocator's {@link pidmap.impl.PidmapMemory}, as {@link RecordingMemory}
 * logs it and {@link Replays} keeps it, and as the interleaving explorer schedules it: what kind,
 * where (page slot and word), its arguments, and the value it read. Immutable.
 *
 * @param kind one of the constants below
 * @param slot the page slot, or -1 for last_pid and pid_max
 * @param word the word of the page, or 0
 * @param arg the bits, delta, expected value or stored value the access carries
 * @param arg2 the new value of a compare-and-exchange of last_pid
 * @param value what it read: a slot's presence (1 or 0), a counter, a word, last_pid, pid_max,
 *     a witness (the interleaving explorer: a page's id plus 1 for a present page); 0 for a
 *     plain store
 */
public record Access(int kind, int slot, int word, long arg, int arg2, long value) {
  public static final int LOAD_SLOT = 0;
  public static final int CAS_FRESH = 1;
  public static final int STORE_FRESH = 2;
  public static final int LOAD_FREE = 3;
  public static final int ADD_FREE = 4;
  public static final int LOAD_WORD = 5;
  public static final int OR_WORD = 6;
  public static final int AND_WORD = 7;
  public static final int STORE_WORD = 8;
  public static final int LOAD_LAST = 9;
  public static final int STORE_LAST = 10;
  public static final int SET_LAST = 11;
  public static final int CAS_LAST = 12;
  public static final int LOAD_MAX = 13;
  public static final int STORE_MAX = 14;
  public static final int LOCK = 15;
  public static final int UNLOCK = 16;

  /** Whether {@code o} is the same access (kind, place, arguments), whatever it read. */
  public boolean sameAccess(Access o) {
    return kind == o.kind && slot == o.slot && word == o.word && arg == o.arg && arg2 == o.arg2;
  }

  /** The access in words, e.g. {@code test-and-set pid 5: won}; pids are page slot * bpp + bit. */
  public String describe(int bitsPerPage) {
    switch (kind) {
      case LOAD_SLOT:
        return "reads slot " + slot + ": " + (value == 0 ? "no page" : "a page");
      case CAS_FRESH:
        return (value & (1L << 40)) != 0 ? "installs page " + slot + " (cas)"
            : "cas of page " + slot + " loses: a racer installed it";
      case STORE_FRESH:
        return "stores a fresh page " + slot
            + ((value & (1L << 40)) != 0 ? "" : " over the one there");
      case LOAD_FREE:
        return "reads nr_free[" + slot + "] = " + value;
      case ADD_FREE:
        return "nr_free[" + slot + "] " + (arg < 0 ? "-= " + (-arg) : "+= " + arg) + " (was "
            + value + ")";
      case LOAD_WORD:
        return "reads page " + slot + (word > 0 ? " (replaced " + word + "x)" : "") + " bits "
            + bits(value, bitsPerPage);
      case OR_WORD: {
        int pid = slot * bitsPerPage + Long.numberOfTrailingZeros(arg);
        return "test-and-set " + pid + ": " + ((value & arg) == 0 ? "won" : "already set");
      }
      case AND_WORD: {
        int pid = slot * bitsPerPage + Long.numberOfTrailingZeros(~arg);
        return "test-and-clear " + pid + ": " + ((value & ~arg) != 0 ? "was set" : "was clear");
      }
      case STORE_WORD:
        return "stores page " + slot + " bits " + bits(arg, bitsPerPage);
      case LOAD_LAST:
        return "reads last_pid = " + value;
      case STORE_LAST:
        return "stores last_pid = " + arg;
      case SET_LAST:
        return "sets last_pid = " + arg;
      case CAS_LAST:
        return "cas last_pid " + arg + " -> " + arg2 + ": "
            + (value == arg ? "stored" : "saw " + value);
      case LOAD_MAX:
        return "reads pid_max = " + value;
      case STORE_MAX:
        return "stores pid_max = " + arg;
      case LOCK:
        return "takes pidmap_lock";
      case UNLOCK:
        return "releases pidmap_lock";
      default:
        return "access " + kind;
    }
  }

  private static String bits(long word, int bitsPerPage) {
    StringBuilder b = new StringBuilder();
    for (int i = Math.min(bitsPerPage, 64) - 1; i >= 0; i--) {
      b.append((word >>> i & 1) == 0 ? '0' : '1');
    }
    return b.toString();
  }
}
