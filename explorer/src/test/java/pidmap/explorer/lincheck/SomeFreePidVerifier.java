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
      case "fork": // alloc_pid of the layer: a bitmap alloc
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
      case "exit": // free_pid of the pid forked with that number, if any
        return exit(set, (Integer) args.get(0), (Boolean) result);
      case "find": {
        int nr = (Integer) args.get(0);
        boolean live = nr > 0 && nr < 64 && (set & 1L << nr) != 0;
        return (Integer) result == (live ? nr : -1) ? set : NOT_ALLOWED;
      }
      case "free":
        return free(set, (Integer) args.get(0), (Boolean) result);
      case "next":
        return nextAbove(set, (Integer) args.get(0)) == (Integer) result ? set : NOT_ALLOWED;
      default:
        throw new IllegalArgumentException("no operation " + op);
    }
  }

  /** exit answers true exactly for a live number, which it frees; false changes nothing. */
  private static long exit(long set, int nr, boolean exited) {
    boolean live = nr > 0 && nr < 64 && (set & 1L << nr) != 0;
    if (exited != live) {
      return NOT_ALLOWED;
    }
    return exited ? set & ~(1L << nr) : set;
  }

  /** Whether {@code after} allows one more miss per free that overlapped the failed alloc. */
  protected boolean racingFreesExcuseAMiss() {
    return false;
  }

  @Override
  protected long after(long set, String op, List<Object> args, Object result, int racingFrees) {
    if ((op.equals("alloc") || op.equals("fork")) && (Integer) result == -1
        && racingFreesExcuseAMiss()) {
      Geometry g = AllocFreeOps.TWO_PAGES;
      long range = (1L << g.defaultPidMax()) - (1L << g.reservedPids());
      return Long.bitCount(range & ~set) <= tolerated + racingFrees ? set : NOT_ALLOWED;
    }
    return after(set, op, args, result);
  }

  /**
   * Specification (r), what the random tests check: (a), and an alloc fails only when at most
   * {@code tolerated} pids of [RESERVED_PIDS, pid_max) are free (1 for the seed's search, which
   * never retries the last_pid it started after; 0 for linux-6's cyclic search) plus one for
   * each free that overlapped it in real time (a search reads the bitmap bit by bit, so a pid
   * freed behind it is missed; docs/LINEARIZABILITY.md argues that nothing else is). An
   * allocator that fails when the specification says it need not is caught.
   */
  public static class FailsOnlyWhenFullOrRaced extends SomeFreePidVerifier {
    public FailsOnlyWhenFullOrRaced(Class<?> sequentialSpecification) {
      super(1);
    }

    protected FailsOnlyWhenFullOrRaced(int tolerated) {
      super(tolerated);
    }

    @Override
    protected boolean racingFreesExcuseAMiss() {
      return true;
    }
  }

  /** Specification (r) for linux-6's cyclic search: no miss but the raced ones. */
  public static class CyclicFailsOnlyWhenFullOrRaced extends FailsOnlyWhenFullOrRaced {
    public CyclicFailsOnlyWhenFullOrRaced(Class<?> sequentialSpecification) {
      super(0);
    }
  }
}
