package pidmap.jcstress.alloc;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIZ_Result;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.jcstress.Fixtures;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;

/*
 * Race: two alloc_pidmap calls on one namespace, no lock between them. The test-and-set of the
 * bit decides which of them owns a pid (seed lines 151-156, [ALLOC-1]); the loser moves on to the
 * next zero bit (158-168), to the next page (170-172), and at the end wraps (173-179) and may
 * give up. Every variant reads (pid of T1, pid of T2, [PIDMAP-2] holds afterwards); -1 is
 * NO_PID. The allocator is the real pidmap.impl.BitmapPidAllocator, 4 bits per page,
 * RESERVED_PIDS 1, pid_max 8 (two pages: 0-3, 4-7).
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Alloc_01
 */
@Checks(Invariant.ALLOC_1)
public class Alloc_01_TwoAllocsNeverShareAPid {

  /** A fresh namespace: both allocs start at last_pid + 1 = 1, on page 0. */
  @JCStressTest
  @Outcome(id = "1, 2, true", expect = ACCEPTABLE,
      desc = "T1 sets bit 1 first; T2's test-and-set of 1 fails (or T2 starts after T1's store)"
          + " and T2 takes 2")
  @Outcome(id = "2, 1, true", expect = ACCEPTABLE, desc = "T2 sets bit 1 first; T1 takes 2")
  @Outcome(expect = FORBIDDEN,
      desc = "a pid handed out twice [ALLOC-1], a pid skipped, or counters off the bits [PIDMAP-2]")
  @State
  public static class FreshNamespace {
    final BitmapPidAllocator a = Fixtures.allocator(4, 1, 8, LastPidUpdate.SEED_PLAIN_STORE);

    @Actor
    public void t1(IIZ_Result r) {
      r.r1 = a.alloc();
    }

    @Actor
    public void t2(IIZ_Result r) {
      r.r2 = a.alloc();
    }

    @Arbiter
    public void after(IIZ_Result r) {
      r.r3 = Fixtures.countersMatchBits(a);
    }
  }

  /** Pids 1-6 taken in the constructor: 7 is the only free pid; both allocs start at 7. */
  @JCStressTest
  @Outcome(id = "7, -1, true", expect = ACCEPTABLE,
      desc = "T1 sets bit 7; T2's test-and-set of 7 fails, its scan and wrap find nothing: NO_PID")
  @Outcome(id = "-1, 7, true", expect = ACCEPTABLE, desc = "T2 sets bit 7; T1 gets NO_PID")
  @Outcome(expect = FORBIDDEN,
      desc = "both got 7 [ALLOC-1], both failed with 7 free [ALLOC-2], or counters off [PIDMAP-2]")
  @State
  public static class OnePidLeft {
    final BitmapPidAllocator a = Fixtures.allocator(4, 1, 8, LastPidUpdate.SEED_PLAIN_STORE);

    public OnePidLeft() {
      Fixtures.allocate(a, 6);
    }

    @Actor
    public void t1(IIZ_Result r) {
      r.r1 = a.alloc();
    }

    @Actor
    public void t2(IIZ_Result r) {
      r.r2 = a.alloc();
    }

    @Arbiter
    public void after(IIZ_Result r) {
      r.r3 = Fixtures.countersMatchBits(a);
    }
  }

  /**
   * One free pid (7), and the two allocs start on different pages: T1 first moves last_pid back
   * to 2 (as a write to ns_last_pid would), so its search starts at 3 on page 0, skips the full
   * page by its counter and reaches 7 from the start of page 1; T2 starts at 7 on page 1 (unless
   * it reads last_pid after T1's write).
   */
  @JCStressTest
  @Outcome(id = "7, -1, true", expect = ACCEPTABLE,
      desc = "T1, starting on page 0, crosses to page 1 and sets bit 7 first; T2 gets NO_PID")
  @Outcome(id = "-1, 7, true", expect = ACCEPTABLE,
      desc = "T2, starting at 7 on page 1 (or at 3, if it read T1's last_pid write), sets bit 7"
          + " first; T1's scan and wrap find nothing: NO_PID")
  @Outcome(expect = FORBIDDEN,
      desc = "both got 7 [ALLOC-1], both failed with 7 free [ALLOC-2], or counters off [PIDMAP-2]")
  @State
  public static class OnePidLeftDifferentStartPages {
    final BitmapPidAllocator a = Fixtures.allocator(4, 1, 8, LastPidUpdate.SEED_PLAIN_STORE);

    public OnePidLeftDifferentStartPages() {
      Fixtures.allocate(a, 6);
    }

    @Actor
    public void t1(IIZ_Result r) {
      a.setLastPid(2);
      r.r1 = a.alloc();
    }

    @Actor
    public void t2(IIZ_Result r) {
      r.r2 = a.alloc();
    }

    @Arbiter
    public void after(IIZ_Result r) {
      r.r3 = Fixtures.countersMatchBits(a);
    }
  }
}
