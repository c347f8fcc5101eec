package pidmap.explorer.lincheck;

import java.util.BitSet;
import java.util.List;
import pidmap.engine.broken.SeedLoopTwins;
import pidmap.engine.layer.ForwardingPidLayer;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;

/**
 * The broken twins of the Lincheck tests, each as operations Lincheck can run: an allocator that
 * always answers "no pid" (what specification (a) let through), one whose counters are wrong at
 * quiescence (what {@code @Validate} is for), one whose next starts a pid late, and a layer whose
 * find_pid_ns still finds a pid after free_pid. Test scope only.
 */
final class LincheckTwins {
  private LincheckTwins() {}

  /** Forwards everything to a delegate; each twin overrides the one call it breaks. */
  abstract static class Forwarding implements InspectablePidAllocator {
    final InspectablePidAllocator d;

    Forwarding(InspectablePidAllocator d) {
      this.d = d;
    }

    @Override public int alloc() { return d.alloc(); }
    @Override public void free(int pid) { d.free(pid); }
    @Override public int next(int last) { return d.next(last); }
    @Override public int pidMax() { return d.pidMax(); }
    @Override public void setPidMax(int v) { d.setPidMax(v); }
    @Override public int lastPid() { return d.lastPid(); }
    @Override public void setLastPid(int v) { d.setLastPid(v); }
    @Override public Geometry geometry() { return d.geometry(); }
    @Override public Profile profile() { return d.profile(); }
    @Override public boolean isAllocated(int pid) { return d.isAllocated(pid); }
    @Override public int allocatedCount() { return d.allocatedCount(); }
    @Override public BitSet allocated() { return d.allocated(); }
    @Override public boolean pageInstalled(int page) { return d.pageInstalled(page); }
    @Override public int pageFreeCounter(int page) { return d.pageFreeCounter(page); }
    @Override public int pageSetBits(int page) { return d.pageSetBits(page); }
  }

  /** An allocator that never hands out a pid: always "the map is full". */
  static final class AlwaysFull extends Forwarding {
    AlwaysFull() {
      super(impl());
    }

    @Override
    public int alloc() {
      return NO_PID;
    }
  }

  /** next answers the smallest allocated pid above last+1: it skips the pid right after last. */
  static final class NextStartsOnePidLate extends Forwarding {
    NextStartsOnePidLate(Geometry g) {
      super(new BitmapPidAllocator(g, Profile.LINUX_2_6_24));
    }

    @Override
    public int next(int last) {
      return d.next(Math.min(last + 1, d.geometry().pidMaxLimit() - 1));
    }
  }

  /**
   * The seed loop whose alloc does not take its pid off the page's counter, made thread-safe by
   * one lock, so that only the counters are wrong.
   */
  static final class CounterNotTakenByAlloc extends Forwarding {
    CounterNotTakenByAlloc() {
      super(new SeedLoopTwins.AllocForgetsTheCounter(AllocFreeOps.TWO_PAGES,
          Profile.LINUX_2_6_24));
    }

    @Override public synchronized int alloc() { return d.alloc(); }
    @Override public synchronized void free(int pid) { d.free(pid); }
    @Override public synchronized int pageFreeCounter(int page) { return d.pageFreeCounter(page); }
    @Override public synchronized int pageSetBits(int page) { return d.pageSetBits(page); }
  }

  /** find_pid_ns that still answers a pid after free_pid unhashed it (until its grace period). */
  static final class FindsFreedPids extends ForwardingPidLayer {
    private volatile Pid freed;

    FindsFreedPids(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public void freePid(Pid pid) {
      delegate.freePid(pid);
      freed = pid;
    }

    @Override
    public Pid findPidNs(int nr, PidNs ns) {
      Pid p = delegate.findPidNs(nr, ns);
      Pid f = freed;
      return p == null && f != null && f.nr(0) == nr ? f : p;
    }
  }

  private static InspectablePidAllocator impl() {
    return new BitmapPidAllocator(AllocFreeOps.TWO_PAGES, Profile.LINUX_2_6_24,
        LastPidUpdate.SEED_PLAIN_STORE);
  }

  // ---- the twins as operations classes ----

  /** {@link AlwaysFull} as Lincheck operations. */
  public static final class AlwaysFullOps extends AllocFreeOps {
    public AlwaysFullOps() {
      super(new AlwaysFull());
    }
  }

  /** {@link CounterNotTakenByAlloc} as Lincheck operations. */
  public static final class CounterNotTakenByAllocOps extends AllocFreeOps {
    public CounterNotTakenByAllocOps() {
      super(new CounterNotTakenByAlloc());
    }
  }

  /** {@link NextStartsOnePidLate} on one page, as Lincheck operations with next. */
  public static final class NextStartsOnePidLateOps extends NextOps {
    public NextStartsOnePidLateOps() {
      super(new NextStartsOnePidLate(NextOps.ONE_PAGE));
    }
  }

  /** {@link FindsFreedPids} as Lincheck operations. */
  public static final class FindsFreedPidsOps extends LayerReaderOps {
    public FindsFreedPidsOps() {
      super(FindsFreedPids::new);
    }
  }

  static List<Class<?>> all() {
    return List.of(AlwaysFullOps.class, CounterNotTakenByAllocOps.class,
        NextStartsOnePidLateOps.class, FindsFreedPidsOps.class);
  }
}
