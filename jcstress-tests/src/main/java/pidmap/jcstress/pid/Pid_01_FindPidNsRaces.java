package pidmap.jcstress.pid;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.jcstress.Fixtures;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;

/*
 * Race: find_pid_ns walks a hash chain without a lock (seed lines 290-303, under rcu_read_lock)
 * while a writer, under pidmap_lock, adds a new pid's numbers to the chains (alloc_pid, 270-276)
 * or takes them off (free_pid, 230-233). What must hold: the reader gets a fully initialized
 * pid, all its levels' numbers, its level and its count, or no pid ([PID-1], [HASH-2]); never a
 * pid half built. The impl publishes each number with one release store (PidHashTable.add).
 * Layer: 4 bits per page, RESERVED_PIDS 1, pid_max 8, a child namespace (level 1) under
 * init_pid_ns; the constructor first takes root numbers 1 and 2, so the child's pid is 3/1.
 * Reads (level, root number, child number, count) of the pid found, all -1 for none.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Pid_01
 */
@Checks(Invariant.PID_1)
public class Pid_01_FindPidNsRaces {

  static IIII_Result record(Pid p, IIII_Result r) {
    if (p == null) {
      r.r1 = r.r2 = r.r3 = r.r4 = -1;
    } else {
      r.r1 = p.level();
      r.r2 = p.nr(0);
      r.r3 = p.nr(1);
      r.r4 = p.count();
    }
    return r;
  }

  /** A layer with a child namespace whose next pid will be 3 in the root and 1 in the child. */
  static ImplPidLayer twoLevels() {
    ImplPidLayer l = Fixtures.layer(4, 1, 8);
    Fixtures.allocPid(l, l.initPidNs());
    Fixtures.allocPid(l, l.initPidNs());
    return l;
  }

  /** T1 runs alloc_pid in the child while T2 looks up number 1 in the child. */
  @JCStressTest
  @Outcome(id = "1, 3, 1, 1", expect = ACCEPTABLE,
      desc = "the lookup runs after alloc_pid hashed the child's number: pid 3/1, level 1,"
          + " count 1, every field written before the release that published it")
  @Outcome(id = "-1, -1, -1, -1", expect = ACCEPTABLE,
      desc = "the lookup runs before the number is on its chain: no pid")
  @Outcome(expect = FORBIDDEN, desc = "a pid seen half built: a number, the level or the count"
      + " not yet written")
  @State
  public static class RacingAllocPid {
    final ImplPidLayer l = twoLevels();
    final PidNs child = Fixtures.child(l, l.initPidNs());

    @Actor
    public void t1(IIII_Result r) {
      l.allocPid(child);
    }

    @Actor
    public void t2(IIII_Result r) {
      record(l.findPidNs(1, child), r);
    }
  }

  /** pid 3/1 exists; T1 runs free_pid on it while T2 looks up number 1 in the child. */
  @JCStressTest
  @Outcome(id = "1, 3, 1, 1", expect = ACCEPTABLE,
      desc = "the lookup reaches the number before the unhash: the whole pid, count still 1"
          + " (the hash's reference is dropped only after a grace period)")
  @Outcome(id = "-1, -1, -1, -1", expect = ACCEPTABLE,
      desc = "the unhash lands first: no pid")
  @Outcome(expect = FORBIDDEN, desc = "a pid with wrong numbers, level or count, or released")
  @State
  public static class RacingFreePid {
    final ImplPidLayer l = twoLevels();
    final PidNs child = Fixtures.child(l, l.initPidNs());
    final Pid pid = Fixtures.allocPid(l, child);

    @Actor
    public void t1(IIII_Result r) {
      l.freePid(pid);
    }

    @Actor
    public void t2(IIII_Result r) {
      record(l.findPidNs(1, child), r);
    }
  }
}
