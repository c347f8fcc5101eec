package pidmap.jcstress.broken;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import pidmap.jcstress.pid.Pid_02_PutPidRacesPutPid;
import pidmap.spec.CatchesTwin;

/*
 * The twin of Pid_02_PutPidRacesPutPid: two put_pid calls from count 2 on a count dropped by a
 * plain read and write (NonAtomicPutCount). Both can read 2 and write 1: never released, which
 * Pid_02 forbids; graded ACCEPTABLE_INTERESTING here. Reads (count, releases) at the end.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Broken_08 -m quick
 */
@JCStressTest
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "released exactly once")
@Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING,
    desc = "caught: both puts read 2, one decrement lost, never released")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
@CatchesTwin(check = Pid_02_PutPidRacesPutPid.class, twin = JcstressTwins.NonAtomicPutCount.class,
    run = CatchesTwin.Run.JCSTRESS_TWINS)
public class Broken_08_NonAtomicPutCount {
  final JcstressTwins.NonAtomicPutCount pid = new JcstressTwins.NonAtomicPutCount();

  @Actor
  public void t1(II_Result r) {
    pid.put();
  }

  @Actor
  public void t2(II_Result r) {
    pid.put();
  }

  @Arbiter
  public void after(II_Result r) {
    r.r1 = pid.count();
    r.r2 = pid.releases();
  }
}
