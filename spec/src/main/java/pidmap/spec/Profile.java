package pidmap.spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which kernel's search rule an allocator follows. Each profile names the rule and the errno a
 * caller of fork sees when the rule finds no free pid. Adding a profile means adding a constant
 * here and one search rule in the model and one in the impl; nothing else switches on it.
 */
public enum Profile {
  /**
   * The seed's alloc_pidmap exactly as written (pid.c lines 124-182), quirks included; fork
   * reported every alloc_pid failure as ENOMEM.
   */
  LINUX_2_6_24("linux-2.6.24", "ENOMEM"),
  /**
   * Today's kernel (alloc_pid over idr_alloc_cyclic, Linux 4.15 and later; per-namespace pid_max
   * since 6.14): a cyclic search from last_pid+1 up to pid_max, then once more from a floor that
   * is 1 while last_pid+1 &lt;= RESERVED_PIDS and RESERVED_PIDS after that; fork reports
   * exhaustion as EAGAIN. docs/PROFILES.md lists every difference from the seed, each with a
   * trace.
   */
  LINUX_6("linux-6", "EAGAIN");

  private final String id;
  private final String exhaustionErrno;

  Profile(String id, String exhaustionErrno) {
    this.id = id;
    this.exhaustionErrno = exhaustionErrno;
  }

  /** The name used in traces and on the command line, e.g. {@code linux-2.6.24}. */
  public String id() {
    return id;
  }

  /** The errno name a caller sees when alloc finds nothing, e.g. {@code ENOMEM}. */
  public String exhaustionErrno() {
    return exhaustionErrno;
  }

  /** The profile with this id; refuses an unknown one, listing the known ids. */
  public static Profile byId(String id) {
    for (Profile p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new PidmapException(
        "profile", id,
        "one of " + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
