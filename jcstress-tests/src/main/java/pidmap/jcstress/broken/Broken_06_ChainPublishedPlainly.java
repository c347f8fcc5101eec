package pidmap.jcstress.broken;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * The twin of Pid_01_FindPidNsRaces.RacingAllocPid: 1 is on a hash chain, T1 puts 22 in front of
 * it while T2 walks the chain for 1, then for 22, on a chain whose new node and head are stored
 * plainly: the release that publishes the node weakened to a plain store
 * (ChainPublishedPlainly). A walk that sees the new head but not yet its next loses 1, which
 * Pid_01 forbids; graded ACCEPTABLE_INTERESTING here.
 *
 * NOT CAUGHT on this project's x86 machine, and so not marked @CatchesTwin: x86 keeps stores in
 * order and dependent loads in order, and HotSpot's C2 did not reorder the two stores, so the
 * weakened release was seen in 0 of about 100 samples in sanity mode and 0 of 12,064,176 in quick
 * mode (every JVM configuration, StressGCM/StressLCM included; docs/JCSTRESS.md). The JMM allows
 * the outcome; hardware that reorders stores (ARM, POWER) is where this twin would be caught.
 * It stays in every run so that TwinsCaught prints what each run saw of it.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Broken_06 -m quick
 */
@JCStressTest
@Outcome(id = {"1, 22", "1, -1"}, expect = ACCEPTABLE, desc = "1 found")
@Outcome(id = {"-1, 22", "-1, -1"}, expect = ACCEPTABLE_INTERESTING,
    desc = "caught: the walk saw the new head before its next, 1 lost")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
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
