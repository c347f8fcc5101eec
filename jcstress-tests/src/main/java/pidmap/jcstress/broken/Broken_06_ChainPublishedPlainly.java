package pidmap.jcstress.broken;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import pidmap.jcstress.pid.Pid_01_FindPidNsRaces;
import pidmap.spec.CatchesTwin;

/*
 * The twin of Pid_01_FindPidNsRaces.RacingAllocPid: 1 is on a hash chain, T1 puts 22 in front of
 * it while T2 walks the chain for 1, then for 22, on a chain whose new node and head are stored
 * plainly: the release that publishes the node weakened to a plain store
 * (ChainPublishedPlainly). A walk that sees the new head but not yet its next loses 1, which
 * Pid_01 forbids; graded ACCEPTABLE_INTERESTING here. On x86 the hardware keeps stores in order,
 * so only the JIT's reordering can show it: docs/JCSTRESS.md says in which mode it was seen.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Broken_06 -m tough
 */
@JCStressTest
@Outcome(id = {"1, 22", "1, -1"}, expect = ACCEPTABLE, desc = "1 found")
@Outcome(id = {"-1, 22", "-1, -1"}, expect = ACCEPTABLE_INTERESTING,
    desc = "caught: the walk saw the new head before its next, 1 lost")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
@CatchesTwin(check = Pid_01_FindPidNsRaces.class, twin = JcstressTwins.ChainPublishedPlainly.class,
    run = CatchesTwin.Run.JCSTRESS_TWINS)
public class Broken_06_ChainPublishedPlainly {
  final JcstressTwins.ChainPublishedPlainly chain = new JcstressTwins.ChainPublishedPlainly(1, 22);

  @Actor
  public void t1(II_Result r) {
    chain.add();
  }

  @Actor
  public void t2(II_Result r) {
    r.r1 = chain.find(1);
    r.r2 = chain.find(22);
  }
}
