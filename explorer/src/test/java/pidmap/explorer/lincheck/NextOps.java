package pidmap.explorer.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;

/** Alloc, free and next (from 0 to 6) of the impl, with the seed's plain last_pid store. */
public abstract class NextOps extends AllocFreeOps {

  /** One page of eight pids (one bitmap word), RESERVED_PIDS 1, pid_max 8. */
  public static final Geometry ONE_PAGE = new Geometry(8, 1, 8, 8);

  protected NextOps(Geometry g) {
    super(g, LastPidUpdate.SEED_PLAIN_STORE);
  }

  /** Alloc, free and next on a given allocator, e.g. a broken twin. */
  protected NextOps(InspectablePidAllocator impl) {
    super(impl);
  }

  @Operation
  public int next(@Param(gen = IntGen.class, conf = "0:6") int last) {
    return impl.next(last);
  }

  /** Pids 1-7 on two pages: next reads page 0, then page 1. */
  public static class TwoPages extends NextOps {
    public TwoPages() {
      super(TWO_PAGES);
    }
  }

  /** Pids 1-7 in one word: next reads them all at once. */
  public static class OnePage extends NextOps {
    public OnePage() {
      super(ONE_PAGE);
    }
  }
}
