package pidmap.jcstress.broken;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import pidmap.impl.BitmapPidAllocator;
import pidmap.jcstress.alloc.Alloc_02_LastPidStoreRace;
import pidmap.spec.CatchesTwin;

/*
 * The twin of Alloc_02_LastPidStoreRace.ForwardCas: the same two allocs from last_pid 300, on an
 * allocator that stores last_pid plainly where the test expects the forward-only
 * compare-and-swap (PlainLastPidStoreForForwardCas). The outcome ForwardCas forbids (last_pid
 * moved back to 301) is graded ACCEPTABLE_INTERESTING here: seeing it is the catch.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Broken_02 -m quick
 */
@JCStressTest
@Outcome(id = {"301, 302, 302", "302, 301, 302"}, expect = ACCEPTABLE,
    desc = "one takes 301, the other 302; 302 stored last")
@Outcome(id = {"301, 302, 301", "302, 301, 301"}, expect = ACCEPTABLE_INTERESTING,
    desc = "caught: the older store of 301 overwrote 302, which ForwardCas forbids")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
@CatchesTwin(check = Alloc_02_LastPidStoreRace.class,
    twin = JcstressTwins.PlainLastPidStoreForForwardCas.class,
    run = CatchesTwin.Run.JCSTRESS_TWINS)
public class Broken_02_PlainStoreForForwardCas {
  final BitmapPidAllocator a = JcstressTwins.PlainLastPidStoreForForwardCas.from300();

  @Actor
  public void t1(III_Result r) {
    r.r1 = a.alloc();
  }

  @Actor
  public void t2(III_Result r) {
    r.r2 = a.alloc();
  }

  @Arbiter
  public void after(III_Result r) {
    r.r3 = a.lastPid();
  }
}
