package pidmap.jcstress;

import java.util.List;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;

/**
 * Starting states and end-state readings shared by the JCStress tests: small geometries on the
 * real impl classes, built in a test's {@code @State} constructor and read in its
 * {@code @Arbiter}.
 *
 * <p>Not thread-safe: the builders run in a state's constructor, the readers in an arbiter, both
 * after (or before) every actor, as JCStress orders them.
 */
public final class Fixtures {
  private Fixtures() {}

  /** A seed-profile allocator on {@code Geometry.small(bitsPerPage, reserved, pidMax)}. */
  public static BitmapPidAllocator allocator(
      int bitsPerPage, int reserved, int pidMax, LastPidUpdate update) {
    return new BitmapPidAllocator(
        Geometry.small(bitsPerPage, reserved, pidMax), Profile.LINUX_2_6_24, update);
  }

  /** Allocates {@code n} pids in the seed's order (1, 2, ... from a fresh allocator). */
  public static void allocate(InspectablePidAllocator a, int n) {
    for (int i = 0; i < n; i++) {
      if (a.alloc() == PidAllocator.NO_PID) {
        throw new IllegalStateException("setup: alloc " + (i + 1) + " of " + n + " failed: " + a);
      }
    }
  }

  /**
   * [PIDMAP-2]: every page's free counter equals bits_per_page minus its set bits (a page never
   * installed counts all its bits free). Exact only once every actor has finished.
   */
  public static boolean countersMatchBits(InspectablePidAllocator a) {
    int bpp = a.geometry().bitsPerPage();
    for (int p = 0; p < a.geometry().pidmapEntries(); p++) {
      if (a.pageFreeCounter(p) != bpp - a.pageSetBits(p)) {
        return false;
      }
    }
    return true;
  }

  /** A seed-profile pid layer; {@code pidMaxByLevel} as {@link LayerConfig} reads it. */
  public static ImplPidLayer layer(int bitsPerPage, int reserved, int pidMax,
      Integer... pidMaxByLevel) {
    return new ImplPidLayer(new LayerConfig(Geometry.small(bitsPerPage, reserved, pidMax),
        Profile.LINUX_2_6_24, 0, List.of(pidMaxByLevel)));
  }

  /** copy_pid_ns with CLONE_NEWPID: a namespace one level below {@code parent}. */
  public static PidNs child(PidLayer l, PidNs parent) {
    return l.copyPidNs(CloneFlags.CLONE_NEWPID, parent);
  }

  /** alloc_pid that must succeed (setup only). */
  public static Pid allocPid(PidLayer l, PidNs ns) {
    Pid p = l.allocPid(ns);
    if (p == null) {
      throw new IllegalStateException("setup: alloc_pid failed in " + ns.describe());
    }
    return p;
  }

  /** Live objects of the cache of pids with {@code nrIds} numbers; -1 if no such cache. */
  public static int liveObjects(PidLayer l, int nrIds) {
    for (PidCache c : l.pidCaches()) {
      if (c.nrIds() == nrIds) {
        return c.liveObjects();
      }
    }
    return -1;
  }

  /** The pid's number at {@code level}, or -1 for no pid. */
  public static int nr(Pid p, int level) {
    return p == null ? -1 : p.nr(level);
  }
}
