package pidmap.explorer.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;

/**
 * The impl's alloc and free as Lincheck operations, on a fresh {@link BitmapPidAllocator} per
 * scenario. Alloc answers the pid or -1; free answers whether it freed (a refused free changes
 * nothing). Subclasses pick the profile and the last_pid update; {@link NextOps} adds next. At
 * every quiescent point (after the init part, the parallel part and the post part) Lincheck calls
 * {@link #countersMatchPages()}, which fails unless every page's free counter equals
 * bits_per_page minus its set bits ([PIDMAP-2] at quiescence).
 */
@Param(name = "pid", gen = IntGen.class, conf = "1:7")
public abstract class AllocFreeOps {

  /**
   * Two pages of four pids, RESERVED_PIDS 1, pid_max 8: pids 1-7 can be handed out, the wrap
   * goes back to 1, and page 1 starts at pid 4.
   */
  public static final Geometry TWO_PAGES = new Geometry(4, 1, 8, 8);

  protected final InspectablePidAllocator impl;

  protected AllocFreeOps(Geometry g, LastPidUpdate update) {
    this(new BitmapPidAllocator(g, Profile.LINUX_2_6_24, update));
  }

  /** Operations on a given allocator, e.g. a variant of the bug zoo or a broken twin. */
  protected AllocFreeOps(InspectablePidAllocator impl) {
    this.impl = impl;
  }

  /** [PIDMAP-2] at a quiescent point: every page's counter agrees with its bits. */
  @Validate
  public void countersMatchPages() {
    int bpp = impl.geometry().bitsPerPage();
    for (int p = 0; p < impl.geometry().pidmapEntries(); p++) {
      int counter = impl.pageFreeCounter(p);
      int set = impl.pageSetBits(p);
      if (counter != bpp - set) {
        throw new IllegalStateException("page " + p + " has free counter " + counter + " but "
            + set + " of " + bpp + " bits set");
      }
    }
  }

  @Operation
  public int alloc() {
    return impl.alloc();
  }

  @Operation
  public boolean free(@Param(name = "pid") int pid) {
    try {
      impl.free(pid);
      return true;
    } catch (PidmapException e) {
      return false;
    }
  }

  /** The seed's unconditional last_pid store. */
  public static class PlainStore extends AllocFreeOps {
    public PlainStore() {
      super(TWO_PAGES, LastPidUpdate.SEED_PLAIN_STORE);
    }
  }

  /** The forward-only compare-and-swap of last_pid. */
  public static class ForwardCas extends AllocFreeOps {
    public ForwardCas() {
      super(TWO_PAGES, LastPidUpdate.FORWARD_CAS);
    }
  }

  /** The linux-6 profile: the cyclic search on the same pages and counters. */
  public static class Cyclic extends AllocFreeOps {
    public Cyclic() {
      super(new BitmapPidAllocator(TWO_PAGES, Profile.LINUX_6, LastPidUpdate.SEED_PLAIN_STORE));
    }
  }

  /** The operations class for a last_pid update. */
  static Class<? extends AllocFreeOps> of(LastPidUpdate update) {
    return update == LastPidUpdate.SEED_PLAIN_STORE ? PlainStore.class : ForwardCas.class;
  }
}
