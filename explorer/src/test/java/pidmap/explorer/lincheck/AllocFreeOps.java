package pidmap.explorer.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;

/**
 * The impl's alloc and free as Lincheck operations, on a fresh {@link BitmapPidAllocator} per
 * scenario. Alloc answers the pid or -1; free answers whether it freed (a refused free changes
 * nothing). Subclasses pick the last_pid update; {@link NextOps} adds next.
 */
@Param(name = "pid", gen = IntGen.class, conf = "1:7")
public abstract class AllocFreeOps {

  /**
   * Two pages of four pids, RESERVED_PIDS 1, pid_max 8: pids 1-7 can be handed out, the wrap
   * goes back to 1, and page 1 starts at pid 4.
   */
  public static final Geometry TWO_PAGES = new Geometry(4, 1, 8, 8);

  protected final BitmapPidAllocator impl;

  protected AllocFreeOps(Geometry g, LastPidUpdate update) {
    this(new BitmapPidAllocator(g, Profile.LINUX_2_6_24, update));
  }

  /** Operations on a given allocator, e.g. a variant of the bug zoo. */
  protected AllocFreeOps(BitmapPidAllocator impl) {
    this.impl = impl;
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

  /** The operations class for a last_pid update. */
  static Class<? extends AllocFreeOps> of(LastPidUpdate update) {
    return update == LastPidUpdate.SEED_PLAIN_STORE ? PlainStore.class : ForwardCas.class;
  }
}
