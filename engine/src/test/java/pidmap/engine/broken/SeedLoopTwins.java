package pidmap.engine.broken;

import java.util.BitSet;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * The broken twins of the allocator's invariants, each {@link SeedLoopAllocator} with one hook
 * changed and named for its bug, so that a {@code @CatchesTwin} mark can name it by class.
 * {@link BrokenAllocators} lists them with the failure each must cause. Test scope only; as
 * thread-safe as SeedLoopAllocator, i.e. not.
 */
public final class SeedLoopTwins {
  private SeedLoopTwins() {}

  /** The wrap restarts at offset 0 instead of RESERVED_PIDS (seed 175). */
  public static final class WrapRestartsAtZero extends SeedLoopAllocator {
    public WrapRestartsAtZero(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected int wrapOffset() {
      return 0;
    }
  }

  /** Alloc does not take its pid off the page's free counter (seed 154). */
  public static final class AllocForgetsTheCounter extends SeedLoopAllocator {
    public AllocForgetsTheCounter(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected void countAlloc(int map) {}
  }

  /** Free does not give the page's free counter its pid back (seed 121). */
  public static final class FreeForgetsTheCounter extends SeedLoopAllocator {
    public FreeForgetsTheCounter(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected void countFree(int map) {}
  }

  /** Alloc's first probe takes its pid without testing the bit (seed 153 not atomic-tested). */
  public static final class FirstProbeSkipsTheTest extends SeedLoopAllocator {
    public FirstProbeSkipsTheTest(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected boolean claim(BitSet page, int offset, boolean firstProbe) {
      if (firstProbe) {
        page.set(offset);
        return true;
      }
      return super.claim(page, offset, false);
    }
  }

  /** Alloc does not store the pid it hands out in last_pid (seed 155). */
  public static final class LastPidNotStored extends SeedLoopAllocator {
    public LastPidNotStored(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected void storeLast(int pid) {}
  }

  /** Free does not check the bit, so freeing a free pid is accepted and counted. */
  public static final class FreeOfAFreePidAccepted extends SeedLoopAllocator {
    public FreeOfAFreePidAccepted(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected boolean freeChecksTheBit() {
      return false;
    }
  }

  /** Next starts at offset 1 in every page after the first, missing pids k*bits_per_page. */
  public static final class NextSkipsAPageStart extends SeedLoopAllocator {
    public NextSkipsAPageStart(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected int nextPageStartOffset() {
      return 1;
    }
  }

  /** The constructor installs every page, so memory grows with pid_max_limit (seed 529-531). */
  public static final class EveryPageInstalledUpFront extends SeedLoopAllocator {
    public EveryPageInstalledUpFront(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected boolean installedUpFront(int map) {
      return true;
    }
  }

  /** Free drops a page whose last pid it frees (the seed never frees a page, 66-69). */
  public static final class EmptyPageDroppedByFree extends SeedLoopAllocator {
    public EmptyPageDroppedByFree(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected boolean freeDropsAnEmptyPage() {
      return true;
    }
  }

  /** The last pass scans the whole start page, so a freed last_pid is handed out again. */
  public static final class QuirkFixed extends SeedLoopAllocator {
    public QuirkFixed(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected boolean lastPassStopsBeforeLast() {
      return false;
    }
  }

  /** The search makes one pass only: it fails when the start page and the rest up to pid_max are full. */
  public static final class GivesUpAfterOnePass extends SeedLoopAllocator {
    public GivesUpAfterOnePass(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected int maxScan(int max, int offset) {
      return 0;
    }
  }

  /** The probe's bound is {@code pid <= pid_max}: pid_max itself can be handed out (seed 166). */
  public static final class PidMaxHandedOut extends SeedLoopAllocator {
    public PidMaxHandedOut(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected boolean belowPidMax(int pid, int max) {
      return pid <= max;
    }
  }

  /** The constructor never sets pid 0's bit (seed 526): the idle task's pid is free. */
  public static final class PidZeroNotReserved extends SeedLoopAllocator {
    public PidZeroNotReserved(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected boolean reservesPidZero() {
      return false;
    }
  }

  /** Free answers ok but neither clears the bit nor counts it: the pid stays allocated. */
  public static final class FreeKeepsThePid extends SeedLoopAllocator {
    public FreeKeepsThePid(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected boolean freeClearsTheBit() {
      return false;
    }

    @Override
    protected void countFree(int map) {}
  }

  /** set_pid_max stores the value and then refuses it: a refusal that changes pid_max. */
  public static final class SetPidMaxStoresBeforeItChecks extends SeedLoopAllocator {
    public SetPidMaxStoresBeforeItChecks(Geometry g, Profile p) {
      super(g, p);
    }

    @Override
    protected boolean setPidMaxChecksFirst() {
      return false;
    }
  }
}
