package pidmap.jcstress.alloc;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IZZ_Result;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.jcstress.Fixtures;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;

/*
 * Race: free_pidmap (seed lines 115-121: clear the bit, then increment the page's free counter)
 * against alloc_pidmap on the same page (151-156: read the counter, skip the page if it is 0,
 * else test-and-set, then decrement). Neither takes a lock, so alloc can see the bit cleared but
 * the counter not yet incremented, and skip a page that has a free pid. What must hold: once
 * both are done the counter equals the clear bits ([PIDMAP-2]) and the freed pid is either
 * handed out again or still free, never lost ([PIDMAP-4]). Reads (pid alloc took, whether the
 * freed pid is allocated afterwards, [PIDMAP-2] afterwards); -1 is NO_PID. Geometry: 4 bits per
 * page, RESERVED_PIDS 1.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Alloc_03
 */
@Checks({Invariant.PIDMAP_2, Invariant.PIDMAP_4})
public class Alloc_03_AllocRacesFree {

  /**
   * pid_max 4, a single page, pids 1-3 taken (last_pid 3): T1 frees 2, which is then the only
   * free pid, while T2's alloc wraps to RESERVED_PIDS and scans page 0 twice (seed 134-179).
   */
  @JCStressTest
  @Outcome(id = "2, true, true", expect = ACCEPTABLE,
      desc = "the free clears bit 2 and counts it before one of alloc's passes reads the"
          + " counter; alloc takes 2 again")
  @Outcome(id = "-1, false, true", expect = ACCEPTABLE,
      desc = "alloc reads the counter 0 (before the increment, even after the clear) on both"
          + " passes and gives up: NO_PID, and 2 stays free, not lost")
  @Outcome(expect = FORBIDDEN,
      desc = "the freed pid lost or handed out without its bit, or counter off the bits")
  @State
  public static class FreedPidIsTheOnlyCandidate {
    final BitmapPidAllocator a = Fixtures.allocator(4, 1, 4, LastPidUpdate.SEED_PLAIN_STORE);

    public FreedPidIsTheOnlyCandidate() {
      Fixtures.allocate(a, 3);
    }

    @Actor
    public void t1(IZZ_Result r) {
      a.free(2);
    }

    @Actor
    public void t2(IZZ_Result r) {
      r.r1 = a.alloc();
    }

    @Arbiter
    public void after(IZZ_Result r) {
      r.r2 = a.isAllocated(2);
      r.r3 = Fixtures.countersMatchBits(a);
    }
  }

  /**
   * pid_max 4, pid 1 taken (last_pid 1): T1 frees 1 while T2 takes 2 from the same page, so the
   * counter sees a racing increment and decrement; neither may be lost.
   */
  @JCStressTest
  @Outcome(id = "2, false, true", expect = ACCEPTABLE,
      desc = "alloc takes 2, the free gives 1 back; counter 3 = three clear bits in any order")
  @Outcome(expect = FORBIDDEN, desc = "a lost increment or decrement, or the wrong pid")
  @State
  public static class OtherPidSamePage {
    final BitmapPidAllocator a = Fixtures.allocator(4, 1, 4, LastPidUpdate.SEED_PLAIN_STORE);

    public OtherPidSamePage() {
      Fixtures.allocate(a, 1);
    }

    @Actor
    public void t1(IZZ_Result r) {
      a.free(1);
    }

    @Actor
    public void t2(IZZ_Result r) {
      r.r1 = a.alloc();
    }

    @Arbiter
    public void after(IZZ_Result r) {
      r.r2 = a.isAllocated(1);
      r.r3 = Fixtures.countersMatchBits(a);
    }
  }
}
