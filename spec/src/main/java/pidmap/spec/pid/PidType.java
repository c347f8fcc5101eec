package pidmap.spec.pid;

/**
 * The three ways a task uses a struct pid: as its own id, as its process group's id and as its
 * session's id (the kernel's {@code enum pid_type}, PIDTYPE_PID..PIDTYPE_SID; PIDTYPE_MAX is
 * {@code values().length}). Each task has one link per type; each pid one task list per type.
 *
 * <p>Seed: pid.c lines 267-268, 306-346.
 */
public enum PidType {
  PID,
  PGID,
  SID;

  private final String wire = name().toLowerCase(java.util.Locale.ROOT);

  /** The name used in traces, e.g. {@code pgid}. */
  public String wire() {
    return wire;
  }

  /** The type with this trace name; refuses an unknown one. */
  public static PidType byWire(String wire) {
    for (PidType t : values()) {
      if (t.wire().equals(wire)) {
        return t;
      }
    }
    throw new pidmap.spec.PidmapException("type", wire, "one of pid, pgid, sid");
  }
}
