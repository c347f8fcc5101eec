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
import pidmap.jcstress.alloc.Alloc_04_TwoAllocsInstallOnePage;
import pidmap.spec.CatchesTwin;

/*
 * The twin of Alloc_04_TwoAllocsInstallOnePage: two allocs reach missing page 1 (page 0 full),
 * on pages installed by a plain store without a second look (PageInstalledWithoutRecheck). Both
 * install, the later page replaces the earlier, both take 4: what Alloc_04 forbids, graded
 * ACCEPTABLE_INTERESTING here. Reads (T1's pid, T2's pid, bits set in the surviving page 1).
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Broken_04 -m quick
 */
@JCStressTest
@Outcome(id = {"4, 5, 2", "5, 4, 2"}, expect = ACCEPTABLE, desc = "one install won in time")
@Outcome(id = {"4, 4, 1", "4, 5, 1", "5, 4, 1"}, expect = ACCEPTABLE_INTERESTING,
    desc = "caught: a page installed over another, a bit (or a pid) lost")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
@CatchesTwin(check = Alloc_04_TwoAllocsInstallOnePage.class,
    twin = JcstressTwins.PageInstalledWithoutRecheck.class, run = CatchesTwin.Run.JCSTRESS_TWINS)
public class Broken_04_PageInstalledWithoutRecheck {
  final JcstressTwins.PageInstalledWithoutRecheck a =
      new JcstressTwins.PageInstalledWithoutRecheck();

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
    r.r3 = a.page1Bits();
  }
}
