package pidmap.jcstress.pid;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.jcstress.Fixtures;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.PidmapException;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;

/*
 * Race: two put_pid calls on one struct pid whose count is 2 (seed lines 202-216). put_pid
 * releases at once when it reads the count as 1, without the atomic decrement (line 210), and
 * else decrements and releases at zero. If both read 2, both decrement and only the one that
 * reaches 0 releases; if one reads the count after the other's decrement, it sees 1 and takes
 * the shortcut alone. What must hold: exactly one of them releases ([REF-1]): the pid goes back
 * to its cache once ([CACHE-1]) and puts its namespace once ([NS-2]); neither put is refused.
 * Layer: 4 bits per page, RESERVED_PIDS 1, pid_max 8; the pid lives in a child namespace (cache
 * pid_2), whose count is 2: its own and the pid's. Reads (puts refused, the pid's count, live
 * objects of cache pid_2, the child's count).
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Pid_02
 */
@JCStressTest
@Outcome(id = "0, 0, 0, 1", expect = ACCEPTABLE,
    desc = "one put takes the count 2 -> 1, the other releases (by the decrement to 0, or by the"
        + " count == 1 shortcut after seeing the first one's decrement): cache pid_2 back to 0"
        + " live, the child namespace back to its own reference")
@Outcome(expect = FORBIDDEN,
    desc = "released twice (cache below 0, namespace put twice), never released, or a put"
        + " refused as a use after free")
@State
@Checks(Invariant.REF_1)
public class Pid_02_PutPidRacesPutPid {
  final ImplPidLayer l = Fixtures.layer(4, 1, 8);
  final PidNs child = Fixtures.child(l, l.initPidNs());
  final Pid pid = l.getPid(Fixtures.allocPid(l, child)); // count 2

  /** put_pid, answering 1 if it was refused. */
  int put() {
    try {
      l.putPid(pid);
      return 0;
    } catch (PidmapException e) {
      return 1;
    }
  }

  @Actor
  public void t1(IIII_Result r) {
    r.r1 = put();
  }

  @Actor
  public void t2(IIII_Result r) {
    r.r2 = put();
  }

  @Arbiter
  public void after(IIII_Result r) {
    r.r1 += r.r2;
    r.r2 = pid.count();
    r.r3 = Fixtures.liveObjects(l, 2);
    r.r4 = child.refcount();
  }
}
