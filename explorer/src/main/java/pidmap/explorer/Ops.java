package pidmap.explorer;

import pidmap.spec.Geometry;
import pidmap.spec.PidAllocator;
import pidmap.spec.PidmapException;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * The operations the explorer runs from a state, in a fixed order (which decides, among failures
 * found from one state, the one reported), as compact codes: the kind in the low 3 bits, the
 * argument above them. Stateless.
 */
public final class Ops {
  private Ops() {}

  static final int ALLOC = 0;
  static final int FREE = 1;
  static final int NEXT = 2;
  static final int SET_LAST = 3;
  static final int SET_PID_MAX = 4;

  static int code(int kind, int arg) {
    return (arg << 3) | kind;
  }

  static int kind(int code) {
    return code & 7;
  }

  static int arg(int code) {
    return code >> 3;
  }

  /**
   * Every operation from a state with this pid_max, in this order: alloc; free of each pid from
   * -1 to pid_max_limit (pid 0, free pids and the two out-of-range ones must be refused); next
   * after each point from -1 to pid_max_limit; set_last to each value from -1 to pid_max+1;
   * set_pid_max to each value from pid_max_min-1 to pid_max_limit+1.
   */
  static int[] from(int pidMax, Geometry g) {
    int limit = g.pidMaxLimit();
    int[] ops = new int[count(pidMax, g)];
    int n = 0;
    ops[n++] = code(ALLOC, 0);
    for (int pid = -1; pid <= limit; pid++) {
      ops[n++] = code(FREE, pid);
    }
    for (int last = -1; last <= limit; last++) {
      ops[n++] = code(NEXT, last);
    }
    for (int v = -1; v <= pidMax + 1; v++) {
      ops[n++] = code(SET_LAST, v);
    }
    for (int v = g.pidMaxMin() - 1; v <= limit + 1; v++) {
      ops[n++] = code(SET_PID_MAX, v);
    }
    return ops;
  }

  /** How many operations {@link #from} yields for a state with this pid_max. */
  public static int count(int pidMax, Geometry g) {
    int limit = g.pidMaxLimit();
    return 1 + 2 * (limit + 2) + (pidMax + 3) + (limit - g.pidMaxMin() + 3);
  }

  /** The operation of a code. */
  static Op op(int code) {
    int arg = arg(code);
    switch (kind(code)) {
      case ALLOC:
        return Op.alloc();
      case FREE:
        return Op.free(arg);
      case NEXT:
        return Op.next(arg);
      case SET_LAST:
        return Op.setLast(arg);
      case SET_PID_MAX:
        return Op.setPidMax(arg);
      default:
        throw new AssertionError(code);
    }
  }

  /** An answer: alloc found nothing, or next found nothing. */
  static final int NONE = PidAllocator.NO_PID;
  /** An answer: free, set_last or set_pid_max took effect. */
  static final int OK = -2;
  /** An answer: the input was refused. */
  static final int REFUSED = -3;

  /**
   * Runs the operation of {@code code} on {@code a}: the pid, {@link #NONE}, {@link #OK} or
   * {@link #REFUSED}; a refusal goes to {@code refusal[0]} when it is not null.
   */
  static int run(PidAllocator a, int code, PidmapException[] refusal) {
    int arg = arg(code);
    try {
      switch (kind(code)) {
        case ALLOC:
          return a.alloc();
        case FREE:
          a.free(arg);
          return OK;
        case NEXT:
          return a.next(arg);
        case SET_LAST:
          a.setLastPid(arg);
          return OK;
        case SET_PID_MAX:
          a.setPidMax(arg);
          return OK;
        default:
          throw new AssertionError(code);
      }
    } catch (PidmapException e) {
      if (refusal != null) {
        refusal[0] = e;
      }
      return REFUSED;
    }
  }

  /** The answer as the trace format's outcome. */
  static Outcome outcome(int code, int answer, PidmapException refusal, String errno) {
    if (answer == REFUSED) {
      return Outcome.refused(refusal.getMessage());
    }
    if (answer == OK) {
      return Outcome.ok();
    }
    if (kind(code) == ALLOC && answer == NONE) {
      return Outcome.errno(errno);
    }
    return Outcome.pid(answer);
  }

  /** The code of an operation whose argument fits an int. */
  static int code(Op op) {
    return code(op.kind().ordinal(), (int) op.arg());
  }
}
