package pidmap.jcstress.pid;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.jcstress.Fixtures;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.pid.Pid;

/*
 * Race: find_pid_ns walks a hash chain without a lock (seed lines 290-303, under rcu_read_lock)
 * while a writer, under pidmap_lock, puts a new number at the head of that chain (alloc_pid,
 * hlist_add_head_rcu, 270-276) or takes the head off (free_pid, hlist_del_rcu, 230-233). What
 * the reader observes is the chain's links, Upid.next, which are not final: a new node's next is
 * written before the release store of the head publishes the node, and a removed node keeps its
 * next so that a reader standing on it goes on. What must hold: a number that stays hashed the
 * whole time is always found ([PID-1], [HASH-2]). Clearing the removed node's next breaks this
 * and is caught (Broken_07); weakening the head's release to a plain store breaks it under the
 * JMM but was never seen on this x86 machine (Broken_06 says in how many samples).
 * Layer: 8 bits per page, RESERVED_PIDS 1, pid_max 24, 16 hash chains (no memory given); numbers
 * 1 and 22 of init_pid_ns share chain 9. The constructor takes 1 and sets last_pid to 21, so
 * the next alloc_pid takes 22 and puts it in front of 1. Reads (find_pid_ns(1), find_pid_ns(22)),
 * each the number found or -1.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Pid_01
 */
@Checks(Invariant.PID_1)
public class Pid_01_FindPidNsRaces {

  /** A layer where 1 is hashed, last_pid 21: alloc_pid's next number is 22, on 1's chain. */
  static ImplPidLayer oneHashed() {
    ImplPidLayer l = Fixtures.layer(8, 1, 24);
    Fixtures.allocPid(l, l.initPidNs());
    l.initPidNs().pidmap().setLastPid(21);
    return l;
  }

  static int found(ImplPidLayer l, int nr) {
    Pid p = l.findPidNs(nr, l.initPidNs());
    return p == null ? -1 : p.nr(0);
  }

  /** T1 runs alloc_pid (22 goes in front of 1 on chain 9) while T2 looks up 1, then 22. */
  @JCStressTest
  @Outcome(id = "1, 22", expect = ACCEPTABLE,
      desc = "the walk starts after 22 was published: through 22's next to 1; then 22")
  @Outcome(id = "1, -1", expect = ACCEPTABLE,
      desc = "both walks start before the head's release (or the second sees it too late)")
  @Outcome(id = {"-1, 22", "-1, -1"}, expect = FORBIDDEN,
      desc = "1 lost: the walk saw the new head but not its next (publication not ordered)")
  @Outcome(expect = FORBIDDEN, desc = "a wrong number")
  @State
  public static class RacingAllocPid {
    final ImplPidLayer l = oneHashed();

    @Actor
    public void t1(II_Result r) {
      l.allocPid(l.initPidNs());
    }

    @Actor
    public void t2(II_Result r) {
      r.r1 = found(l, 1);
      r.r2 = found(l, 22);
    }
  }

  /** Chain 9 is 22 then 1; T1 runs free_pid(22) while T2 looks up 1, then 22. */
  @JCStressTest
  @Outcome(id = {"1, 22", "1, -1"}, expect = ACCEPTABLE,
      desc = "1 found, whether the walk passed 22 before or after the unhash; 22 found or not")
  @Outcome(id = {"-1, 22", "-1, -1"}, expect = FORBIDDEN,
      desc = "1 lost: a walk standing on 22 did not go on to 1 (the removed node lost its next)")
  @Outcome(expect = FORBIDDEN, desc = "a wrong number")
  @State
  public static class RacingFreePid {
    final ImplPidLayer l = oneHashed();
    final Pid twentyTwo = Fixtures.allocPid(l, l.initPidNs());

    public RacingFreePid() {
      if (twentyTwo.nr(0) != 22) {
        throw new IllegalStateException("setup: expected 22, got " + twentyTwo.nr(0));
      }
    }

    @Actor
    public void t1(II_Result r) {
      l.freePid(twentyTwo);
    }

    @Actor
    public void t2(II_Result r) {
      r.r1 = found(l, 1);
      r.r2 = found(l, 22);
    }
  }
}
