package pidmap.jcstress.broken;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IZZ_Result;
import pidmap.jcstress.alloc.Alloc_03_AllocRacesFree;
import pidmap.spec.CatchesTwin;

/*
 * The twin of Alloc_03_AllocRacesFree.OtherPidSamePage: T1 frees 1 while T2 allocs 2 from the
 * same page, on a page whose free counter is updated by a plain read and write
 * (NonAtomicPageCounter). A lost increment or decrement leaves the counter off the bits, which
 * Alloc_03 forbids and this test grades ACCEPTABLE_INTERESTING.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Broken_03 -m quick
 */
@JCStressTest
@Outcome(id = "2, false, true", expect = ACCEPTABLE, desc = "both updates counted")
@Outcome(id = "2, false, false", expect = ACCEPTABLE_INTERESTING,
    desc = "caught: one counter update lost, the counter is off the bits")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
@CatchesTwin(check = Alloc_03_AllocRacesFree.class, twin = JcstressTwins.NonAtomicPageCounter.class,
    run = CatchesTwin.Run.JCSTRESS_TWINS)
public class Broken_03_NonAtomicPageCounter {
  final JcstressTwins.NonAtomicPageCounter page = new JcstressTwins.NonAtomicPageCounter();

  public Broken_03_NonAtomicPageCounter() {
    page.take(1);
  }

  @Actor
  public void t1(IZZ_Result r) {
    page.free(1);
  }

  @Actor
  public void t2(IZZ_Result r) {
    r.r1 = page.alloc();
  }

  @Arbiter
  public void after(IZZ_Result r) {
    r.r2 = page.isAllocated(1);
    r.r3 = page.counterMatchesBits();
  }
}
