package pidmap.jcstress.broken;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.jcstress.Fixtures;
import pidmap.jcstress.pid.Pid_03_AllocPidRollbackRacesFree;
import pidmap.spec.CatchesTwin;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;

/*
 * The twin of Pid_03_AllocPidRollbackRacesFree: the same exhausted root and racing free, with an
 * alloc_pid whose failure path keeps the numbers the inner levels took (AllocPidWithoutRollback:
 * the impl's alloc_pid, then the rollback undone). Whenever alloc_pid fails the inner numbers
 * stay taken, which Pid_03 forbids; graded ACCEPTABLE_INTERESTING here. The sanity run sees it
 * in a large share of its samples.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Broken_09 -m sanity
 */
@JCStressTest
@Outcome(id = "2, 2, 2, 4, 1", expect = ACCEPTABLE, desc = "alloc_pid took the freed root 2")
@Outcome(id = "-1, 2, 2, 3, 0", expect = ACCEPTABLE_INTERESTING,
    desc = "caught: alloc_pid failed and kept the inner numbers")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
@CatchesTwin(check = Pid_03_AllocPidRollbackRacesFree.class,
    twin = Broken_09_AllocPidWithoutRollback.AllocPidWithoutRollback.class)
public class Broken_09_AllocPidWithoutRollback {

  /** alloc_pid with its failure path's give-back (seed 280-285) undone. */
  public static final class AllocPidWithoutRollback {
    private AllocPidWithoutRollback() {}

    static Pid allocPid(ImplPidLayer l, PidNs ns) {
      Pid p = l.allocPid(ns);
      if (p == null) {
        for (PidNs n = ns; n.parent() != null; n = n.parent()) {
          n.pidmap().alloc(); // the bug: the number the inner level took stays taken
        }
      }
      return p;
    }
  }

  final ImplPidLayer l = Fixtures.layer(4, 1, 8, 4);
  final PidNs child = Fixtures.child(l, l.initPidNs());
  final PidNs grandchild = Fixtures.child(l, child);
  final Pid rootTwo;

  public Broken_09_AllocPidWithoutRollback() {
    Fixtures.allocPid(l, l.initPidNs());
    rootTwo = Fixtures.allocPid(l, l.initPidNs());
    Fixtures.allocPid(l, l.initPidNs());
  }

  @Actor
  public void t1(IIIII_Result r) {
    r.r1 = Fixtures.nr(AllocPidWithoutRollback.allocPid(l, grandchild), 0);
  }

  @Actor
  public void t2(IIIII_Result r) {
    l.freePid(rootTwo);
  }

  @Arbiter
  public void after(IIIII_Result r) {
    r.r2 = child.pidmap().allocatedCount();
    r.r3 = grandchild.pidmap().allocatedCount();
    r.r4 = l.initPidNs().pidmap().allocatedCount();
    r.r5 = Fixtures.liveObjects(l, 3);
  }
}
