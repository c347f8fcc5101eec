package pidmap.jcstress.alloc;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.jcstress.Fixtures;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;

/*
 * Race: the store of last_pid (seed line 155) is a plain, unconditional write made after the
 * test-and-set that won the pid (153). Of two racing allocs, the one that wins the smaller pid
 * can be delayed between its test-and-set and its store, and then overwrite the larger pid that
 * the other one stored: last_pid moves backward, so the next search starts behind pids already
 * handed out. The seed tolerates this (a later alloc's test-and-set still refuses a taken pid);
 * LastPidUpdate.FORWARD_CAS (Linux 2.6.35's cmpxchg) forbids it. Reads (pid of T1, pid of T2,
 * last_pid afterwards). Geometry: 512 bits per page, RESERVED_PIDS 300, pid_max 512.
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Alloc_02
 */
@Checks(Invariant.ALLOC_3)
public class Alloc_02_LastPidStoreRace {

  /** Both allocs start at 301 (last_pid 300). */
  static BitmapPidAllocator from300(LastPidUpdate update) {
    BitmapPidAllocator a = Fixtures.allocator(512, 300, 512, update);
    a.setLastPid(300);
    return a;
  }

  /** Both allocs start at 511, the last pid below pid_max; the second one wraps to 300. */
  static BitmapPidAllocator from510(LastPidUpdate update) {
    BitmapPidAllocator a = Fixtures.allocator(512, 300, 512, update);
    a.setLastPid(510);
    return a;
  }

  @JCStressTest
  @Outcome(id = {"301, 302, 302", "302, 301, 302"}, expect = ACCEPTABLE,
      desc = "one takes 301, the other 302; the store of 302 lands last")
  @Outcome(id = {"301, 302, 301", "302, 301, 301"}, expect = ACCEPTABLE_INTERESTING,
      desc = "T1 takes 301, T2 takes 302 (or the other way round), and the older store of 301"
          + " wins: last_pid moved backward (the seed's tolerated race, line 155)")
  @Outcome(expect = FORBIDDEN, desc = "a pid handed out twice, or last_pid neither pid")
  @State
  public static class SeedPlainStore {
    final BitmapPidAllocator a = from300(LastPidUpdate.SEED_PLAIN_STORE);

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
      r.r3 = a.lastPid();
    }
  }

  @JCStressTest
  @Outcome(id = {"301, 302, 302", "302, 301, 302"}, expect = ACCEPTABLE,
      desc = "one takes 301, the other 302; last_pid ends at 302")
  @Outcome(id = {"301, 302, 301", "302, 301, 301"}, expect = FORBIDDEN,
      desc = "the store of 301 overwrote 302: the compare-and-swap must refuse a backward move")
  @Outcome(expect = FORBIDDEN, desc = "a pid handed out twice, or last_pid neither pid")
  @State
  public static class ForwardCas {
    final BitmapPidAllocator a = from300(LastPidUpdate.FORWARD_CAS);

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
      r.r3 = a.lastPid();
    }
  }

  @JCStressTest
  @Outcome(id = {"511, 300, 300", "300, 511, 300"}, expect = ACCEPTABLE,
      desc = "one takes 511, the other wraps to RESERVED_PIDS and takes 300; 300 is stored last")
  @Outcome(id = {"511, 300, 511", "300, 511, 511"}, expect = ACCEPTABLE_INTERESTING,
      desc = "T1 takes 511, T2 wraps and takes 300, and the older store of 511 wins: the next"
          + " search starts at the wrap again and rescans from 300")
  @Outcome(expect = FORBIDDEN, desc = "a pid handed out twice, or last_pid neither pid")
  @State
  public static class SeedPlainStoreAtWrap {
    final BitmapPidAllocator a = from510(LastPidUpdate.SEED_PLAIN_STORE);

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
      r.r3 = a.lastPid();
    }
  }

  @JCStressTest
  @Outcome(id = {"511, 300, 300", "300, 511, 300"}, expect = ACCEPTABLE,
      desc = "one takes 511, the other wraps and takes 300: after the wrap 300 is the forward"
          + " one, so last_pid ends at 300")
  @Outcome(id = {"511, 300, 511", "300, 511, 511"}, expect = FORBIDDEN,
      desc = "the store of 511 overwrote 300: forward is cyclic, counted from the last_pid read")
  @Outcome(expect = FORBIDDEN, desc = "a pid handed out twice, or last_pid neither pid")
  @State
  public static class ForwardCasAtWrap {
    final BitmapPidAllocator a = from510(LastPidUpdate.FORWARD_CAS);

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
      r.r3 = a.lastPid();
    }
  }
}
