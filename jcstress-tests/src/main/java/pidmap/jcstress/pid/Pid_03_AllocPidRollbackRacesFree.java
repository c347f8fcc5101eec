package pidmap.jcstress.pid;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.jcstress.Fixtures;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;

/*
 * Race: alloc_pid takes a number at every level, innermost first (seed lines 254-262); when an
 * outer level has none left it gives back every number the inner levels took and fails
 * (280-287). Here the outermost level, init_pid_ns, is exhausted while a free_pid (224-239) of
 * one of its pids races the alloc. What must hold: alloc_pid either succeeds with the freed
 * root number, or fails and returns both inner numbers ([NS-1]); its struct pid goes back to
 * its cache either way it fails ([CACHE-1]). Layer: 4 bits per page, RESERVED_PIDS 1, pid_max
 * 4, the seed's one global (line 46; pids 1-3 of the root all taken in the constructor); a child and a grandchild
 * namespace. T1 runs alloc_pid in the grandchild, T2 frees the root's pid 2. Reads (the new
 * pid's root number or -1, pids allocated in the child, in the grandchild, in the root, live
 * objects of cache pid_3); pid 0 counts as allocated everywhere.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Pid_03
 */
@JCStressTest
@Outcome(id = "2, 2, 2, 4, 1", expect = ACCEPTABLE,
    desc = "the free clears root bit 2 before alloc_pid's root scan reaches it: the new pid is"
        + " 2/1/1, one live object in pid_3")
@Outcome(id = "-1, 1, 1, 3, 0", expect = ACCEPTABLE,
    desc = "alloc_pid's root scan finds no free number (before the clear, or before the"
        + " counter's increment); it gives back the grandchild's 1 and the child's 1 and fails;"
        + " root 2 is free")
@Outcome(expect = FORBIDDEN,
    desc = "an inner number kept by a failed alloc_pid, a struct pid leaked, or a root number"
        + " lost")
@State
@Checks(Invariant.NS_1)
public class Pid_03_AllocPidRollbackRacesFree {
  final ImplPidLayer l = Fixtures.layer(4, 1, 8, 4);
  final PidNs child = Fixtures.child(l, l.initPidNs());
  final PidNs grandchild = Fixtures.child(l, child);
  final Pid rootTwo;

  public Pid_03_AllocPidRollbackRacesFree() {
    Fixtures.allocPid(l, l.initPidNs());
    rootTwo = Fixtures.allocPid(l, l.initPidNs());
    Fixtures.allocPid(l, l.initPidNs());
  }

  @Actor
  public void t1(IIIII_Result r) {
    r.r1 = Fixtures.nr(l.allocPid(grandchild), 0);
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
