package pidmap.jcstress.alloc;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.jcstress.Fixtures;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;

/*
 * Race: two allocs reach a page slot that has no page yet (seed lines 136-149: both allocate a
 * zeroed page, one installs it under pidmap_lock, the other sees the slot taken and frees its
 * own). The impl installs by one compare-and-swap on the slot. What must hold: exactly one page
 * survives and both pids are set in it ([PIDMAP-3], [ALLOC-1]); a second install over the first
 * would drop the bit set in the first. Geometry: 4 bits per page, RESERVED_PIDS 1, pid_max 8;
 * the constructor takes 1-3, so page 0 is full and page 1 (pids 4-7) is not installed. Reads
 * (pid of T1, pid of T2, bits set in page 1, page 1's free counter).
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Alloc_04
 */
@JCStressTest
@Outcome(id = {"4, 5, 2, 2", "5, 4, 2, 2"}, expect = ACCEPTABLE,
    desc = "one install wins, the other alloc adopts that page (or starts after the first alloc"
        + " stored last_pid); one takes 4, the other 5, both bits in the surviving page")
@Outcome(expect = FORBIDDEN,
    desc = "a page installed over another (a bit lost), a pid handed out twice, or the counter"
        + " off the bits")
@State
@Checks({Invariant.ALLOC_1, Invariant.PIDMAP_3})
public class Alloc_04_TwoAllocsInstallOnePage {
  final BitmapPidAllocator a = Fixtures.allocator(4, 1, 8, LastPidUpdate.SEED_PLAIN_STORE);

  public Alloc_04_TwoAllocsInstallOnePage() {
    Fixtures.allocate(a, 3);
    if (a.pageInstalled(1)) {
      throw new IllegalStateException("setup: page 1 must not be installed yet");
    }
  }

  @Actor
  public void t1(IIII_Result r) {
    r.r1 = a.alloc();
  }

  @Actor
  public void t2(IIII_Result r) {
    r.r2 = a.alloc();
  }

  @Arbiter
  public void after(IIII_Result r) {
    r.r3 = a.pageSetBits(1);
    r.r4 = a.pageFreeCounter(1);
  }
}
