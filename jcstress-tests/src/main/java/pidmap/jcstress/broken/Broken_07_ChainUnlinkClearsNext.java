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
 * The twin of Pid_01_FindPidNsRaces.RacingFreePid: the chain is 22 then 1, T1 takes 22 off
 * while T2 walks for 1, then for 22, on a chain whose unhash clears the removed node's next
 * before it unlinks it (ChainUnlinkClearsNext). A walk standing on 22 loses 1, which Pid_01
 * forbids; graded ACCEPTABLE_INTERESTING here.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Broken_07 -m quick
 */
@JCStressTest
@Outcome(id = {"1, 22", "1, -1"}, expect = ACCEPTABLE, desc = "1 found")
@Outcome(id = {"-1, 22", "-1, -1"}, expect = ACCEPTABLE_INTERESTING,
    desc = "caught: the walk stood on 22 when its next was cleared, 1 lost")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
@CatchesTwin(check = Pid_01_FindPidNsRaces.class, twin = JcstressTwins.ChainUnlinkClearsNext.class,
    run = CatchesTwin.Run.JCSTRESS_TWINS)
public class Broken_07_ChainUnlinkClearsNext {
  final JcstressTwins.ChainUnlinkClearsNext chain = new JcstressTwins.ChainUnlinkClearsNext(1, 22);

  @Actor
  public void t1(II_Result r) {
    chain.removeHead();
  }

  @Actor
  public void t2(II_Result r) {
    r.r1 = chain.find(1);
    r.r2 = chain.find(22);
  }
}
