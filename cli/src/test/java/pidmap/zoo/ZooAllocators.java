package pidmap.zoo;

import pidmap.engine.broken.BrokenAllocators;
import pidmap.engine.broken.SeedLoopAllocator;
import pidmap.explorer.lincheck.AllocFreeOps;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.BrokenTwins;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;

/**
 * The allocator half of the bug zoo: each factory re-creates one bug from the history of Linux's
 * pid allocator as a variant of the impl (the lock-free {@link BitmapPidAllocator} for races,
 * its sequential copy {@link SeedLoopAllocator} with one hook changed otherwise). docs/BUGS.md
 * says where each bug comes from and which check catches it.
 *
 * <p>Each variant is as thread-safe as the allocator it changes.
 */
final class ZooAllocators {
  private ZooAllocators() {}

  /**
   * (2) CVE-2011-1593, fixed in 2.6.38.4: next_pidmap took any int, so find_ge_pid with a huge
   * or negative number computed a page index outside the page array. Seed: pid.c 184-190 (no
   * bound); this variant drops the bound check and keeps the seed's arithmetic.
   */
  static InspectablePidAllocator nextWithoutBound(Geometry g, Profile p) {
    return new SeedLoopAllocator(g, p) {
      @Override
      protected void checkNextFrom(int last) {}
    };
  }

  /**
   * (4) 2004: running off the end of a page (32767 to 32768 on the kernel's pages) advanced the
   * page twice, so a whole page was skipped while it still had free pids.
   */
  static InspectablePidAllocator pageCrossingSkipsAPage(Geometry g, Profile p) {
    return new SeedLoopAllocator(g, p) {
      @Override
      protected int nextPage(int map, int lastMap) {
        return map + 2 <= lastMap ? map + 2 : map + 1;
      }
    };
  }

  /** (5) 2004: the wrap restarted at pid 0's offset instead of RESERVED_PIDS (an existing variant). */
  static InspectablePidAllocator wrapRestartsAtZero(Geometry g, Profile p) {
    return BrokenAllocators.WRAP_RESTARTS_AT_ZERO.factory().create(g, p);
  }

  /**
   * (6) 2004: once the search had wrapped, a search starting on page 0 restarted at
   * RESERVED_PIDS instead of just after last_pid, so a pid freed just below last_pid was handed
   * out again at once instead of after a full cycle.
   */
  static InspectablePidAllocator scanRestartsLowAfterAWrap(Geometry g, Profile p) {
    return new SeedLoopAllocator(g, p) {
      private boolean wrapped;

      @Override
      protected int wrapOffset() {
        wrapped = true;
        return super.wrapOffset();
      }

      @Override
      protected int startPid(int pid) {
        int reserved = geometry.reservedPids();
        wrapped |= lastPid + 1 >= pidMax();
        return wrapped && pid > reserved && pid < bitsPerPage ? reserved : pid;
      }
    };
  }

  /**
   * (9) ns_last_pid (3.3) first accepted any value: a negative or huge last_pid made the next
   * search index outside the map. The variant stores whatever it is given.
   */
  static InspectablePidAllocator lastPidWithoutBound(Geometry g, Profile p) {
    return new SeedLoopAllocator(g, p) {
      @Override
      public void setLastPid(int value) {
        lastPid = value;
      }
    };
  }

  /**
   * (3) Installing a missing page without looking again: a loser's fresh page replaces the
   * winner's, whose bits (pids already handed out) are lost, so a pid can be handed out twice.
   * Seed: pid.c 136-149 re-checks under pidmap_lock; this variant stores unconditionally (the
   * impl's broken twin {@link BrokenTwins#INSTALL_WITHOUT_RECHECK}).
   */
  static BitmapPidAllocator installWithoutRecheck(Geometry g, Profile p) {
    return BrokenTwins.INSTALL_WITHOUT_RECHECK.create(g, p);
  }

  /** The install race's variant as Lincheck operations (two pages of four pids). */
  public static final class InstallRaceOps extends AllocFreeOps {
    public InstallRaceOps() {
      super(installWithoutRecheck(TWO_PAGES, Profile.LINUX_2_6_24));
    }
  }
}
