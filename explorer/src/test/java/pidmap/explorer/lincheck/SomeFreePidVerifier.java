package pidmap.explorer.lincheck;

import java.util.List;
import pidmap.spec.Geometry;

/**
 * Specification (a), "alloc returns some free pid in range and never an allocated one": alloc
 * may answer any pid in [1, pid_max) that is free, and takes it; it may fail only when at most
 * one pid of [RESERVED_PIDS, pid_max) is free (the seed's search can pass over one free pid, the
 * last_pid it started after); free frees exactly the allocated pids other than 0; next answers
 * the smallest allocated pid above its argument.
 */
public class SomeFreePidVerifier extends SetSpecVerifier {
  private final int tolerated;

  public SomeFreePidVerifier(Class<?> sequentialSpecification) {
    this(1);
  }

  protected SomeFreePidVerifier(int tolerated) {
    this.tolerated = tolerated;
  }

  @Override
  protected long after(long set, String op, List<Object> args, Object result) {
    Geometry g = AllocFreeOps.TWO_PAGES; // pid_max and RESERVED_PIDS, the same in NextOps
    switch (op) {
      case "alloc": {
        int pid = (Integer) result;
        if (pid == -1) {
          long range = (1L << g.defaultPidMax()) - (1L << g.reservedPids());
          int free = Long.bitCount(range & ~set);
          return free <= tolerated ? set : NOT_ALLOWED;
        }
        boolean allowed = pid >= 1 && pid < g.defaultPidMax() && (set & 1L << pid) == 0;
        return allowed ? set | 1L << pid : NOT_ALLOWED;
      }
      case "free":
        return free(set, (Integer) args.get(0), (Boolean) result);
      case "next":
        return nextAbove(set, (Integer) args.get(0)) == (Integer) result ? set : NOT_ALLOWED;
      default:
        throw new IllegalArgumentException("no operation " + op);
    }
  }

  /** Specification (a) with alloc allowed to fail whenever it likes: safety alone. */
  public static class MayAlwaysFail extends SomeFreePidVerifier {
    public MayAlwaysFail(Class<?> sequentialSpecification) {
      super(Integer.MAX_VALUE);
    }
  }
}
