package pidmap.trace;

import java.util.function.IntSupplier;
import pidmap.spec.PidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Require;

/**
 * One operation on an allocator, the vocabulary that traces, the generator, the explorer and the
 * linearizability tests share. Names follow the trace format (DESIGN.md).
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

  /**
   * Runs this operation and describes what happened. A refused input becomes a
   * {@link Outcome.Kind#REFUSED} outcome carrying the message; it is never thrown from here.
   * An argument outside the int range is refused with the same message shape as any other.
   */
  public Outcome apply(PidAllocator a) {
    try {
      switch (kind) {
        case ALLOC: {
          int pid = a.alloc();
          return pid == PidAllocator.NO_PID
              ? Outcome.errno(a.profile().exhaustionErrno())
              : Outcome.pid(pid);
        }
        // The allocator itself must refuse a bad int argument: nothing is checked on its behalf,
        // so a candidate without a bound check is seen answering where the model refuses. Only
        // an argument that no int can carry is refused here, with the allocator's own message.
        case FREE:
          a.free(narrow(() -> Require.pidInRange("pid", arg, a.geometry())));
          return Outcome.ok();
        case NEXT:
          return Outcome.pid(a.next(narrow(() -> Require.nextFrom(arg, a.geometry()))));
        case SET_LAST:
          a.setLastPid(narrow(() -> Require.lastPid(arg, a.pidMax())));
          return Outcome.ok();
        case SET_PID_MAX:
          a.setPidMax(narrow(() -> Require.pidMax(arg, a.geometry())));
          return Outcome.ok();
        default:
          throw new AssertionError(kind);
      }
    } catch (PidmapException e) {
      return Outcome.refused(e.getMessage());
    }
  }

  /**
   * The argument as an int, for the allocator to judge; when it does not fit in an int,
   * {@code refusal} throws the refusal the allocator would give for it.
   */
  private int narrow(IntSupplier refusal) {
    if (arg == (int) arg) {
      return (int) arg;
    }
    refusal.getAsInt(); // out of every range: throws
    throw new AssertionError("no refusal for " + this);
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
