package pidmap.spec;

/**
 * The one precondition checker. Model and impl both call it, so they refuse the same input with
 * the same message (see {@link PidmapException} for the shape).
 */
public final class Require {
  private Require() {}

  /** {@code lo <= value <= hi}; {@code loName}/{@code hiName} say where the bounds come from. */
  public static int inClosed(String name, long value, long lo, String loName, long hi, String hiName) {
    if (value < lo || value > hi) {
      throw new PidmapException(name, value,
          () -> bound(loName, lo) + " <= " + name + " <= " + bound(hiName, hi));
    }
    return (int) value;
  }

  /** {@code lo <= value < hi}. */
  public static int inHalfOpen(String name, long value, long lo, String loName, long hi, String hiName) {
    if (value < lo || value >= hi) {
      throw new PidmapException(name, value,
          () -> bound(loName, lo) + " <= " + name + " < " + bound(hiName, hi));
    }
    return (int) value;
  }

  private static String bound(String name, long v) {
    return name == null ? Long.toString(v) : name + " = " + v;
  }

  /** A pid that may be looked at: {@code 0 <= pid < pid_max_limit}. */
  public static int pidInRange(String name, long pid, Geometry g) {
    return inHalfOpen(name, pid, 0, null, g.pidMaxLimit(), "pid_max_limit");
  }

  /** A pid that may be freed: in range, not 0, and currently allocated. */
  public static int freeable(long pid, Geometry g, boolean allocated) {
    pidInRange("pid", pid, g);
    if (pid == 0) {
      throw new PidmapException("pid", 0, "pid != 0; pid 0 belongs to the idle task and is never freed");
    }
    if (!allocated) {
      throw new PidmapException("pid", pid, () -> "an allocated pid; " + pid + " is free");
    }
    return (int) pid;
  }

  /** A new pid_max: {@code pid_max_min <= v <= pid_max_limit}. */
  public static int pidMax(long v, Geometry g) {
    return inClosed("pid_max", v, g.pidMaxMin(), "pid_max_min", g.pidMaxLimit(), "pid_max_limit");
  }

  /** A value for last_pid, as ns_last_pid takes it: {@code 0 <= v <= pid_max}. */
  public static int lastPid(long v, int pidMax) {
    return inClosed("last_pid", v, 0, null, pidMax, "pid_max");
  }

  /** The starting point of next_pidmap, named as the trace names it: {@code 0 <= after < pid_max_limit}. */
  public static int nextFrom(long last, Geometry g) {
    return inHalfOpen("after", last, 0, null, g.pidMaxLimit(), "pid_max_limit");
  }
}
