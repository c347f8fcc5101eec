package pidmap.trace;

/**
 * One operation on an allocator, the vocabulary that traces, the generator, the explorer and the
 * linearizability tests share. Names follow the trace format (docs/CLI.md). Running one on an
 * allocator is the engine's job ({@code pidmap.engine.Apply}).
 *
 * @param kind what to do
 * @param arg the pid to free, the point to search after, or the value to set; 0 for alloc
 */
public record Op(Kind kind, long arg) {

  /** The operations of the allocator contract. */
  public enum Kind {
    ALLOC("alloc"),
    FREE("free"),
    NEXT("next"),
    SET_LAST("set_last"),
    SET_PID_MAX("set_pid_max");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    /** The name in the trace format. */
    public String wire() {
      return wire;
    }
  }

  public static Op alloc() {
    return new Op(Kind.ALLOC, 0);
  }

  public static Op free(long pid) {
    return new Op(Kind.FREE, pid);
  }

  public static Op next(long after) {
    return new Op(Kind.NEXT, after);
  }

  public static Op setLast(long pid) {
    return new Op(Kind.SET_LAST, pid);
  }

  public static Op setPidMax(long value) {
    return new Op(Kind.SET_PID_MAX, value);
  }

  /** The operation as one trace line without {@code expect}. */
  public String toJson() {
    switch (kind) {
      case ALLOC:
        return "{\"op\":\"alloc\"}";
      case FREE:
        return "{\"op\":\"free\",\"pid\":" + arg + "}";
      case NEXT:
        return "{\"op\":\"next\",\"after\":" + arg + "}";
      case SET_LAST:
        return "{\"op\":\"set_last\",\"pid\":" + arg + "}";
      case SET_PID_MAX:
        return "{\"op\":\"set_pid_max\",\"value\":" + arg + "}";
      default:
        throw new AssertionError(kind);
    }
  }

  @Override
  public String toString() {
    return kind == Kind.ALLOC ? "alloc" : kind.wire() + " " + arg;
  }
}
