package pidmap.jcstress.alloc;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.jcstress.Fixtures;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.pid.Pid;

/*
 * Race: a reader walking the bitmap without a lock, next_pidmap (seed lines 184-200) and
 * find_ge_pid on top of it (439-450, /proc's readdir), against a free (115-121, 224-239) or an
 * alloc (151-156) that flips a bit under it. What must hold: the reader answers the pid that
 * was flipped or the next allocated one, never a pid that was never allocated ([NEXT-1],
 * [LOOKUP-1]). Geometry: 4 bits per page, RESERVED_PIDS 1, pid_max 8; the constructors take
 * 1-5 and free 1, 3 and 4, leaving {0, 2, 5}: 2 on page 0, 5 on page 1. Reads the reader's
 * answer (a pid number, -1 for none).
 *
 * Run it alone:  java -jar jcstress-tests/target/jcstress.jar -t Alloc_05
 */
@Checks(Invariant.NEXT_1)
public class Alloc_05_FreeRacesNextPidmap {

  static void leave0And2And5(BitmapPidAllocator a) {
    Fixtures.allocate(a, 5);
    a.free(1);
    a.free(3);
    a.free(4);
  }

  /** T1 frees 2 while T2 calls next_pidmap(1). */
  @JCStressTest
  @Outcome(id = "2", expect = ACCEPTABLE, desc = "next reads page 0 before the clear: 2")
  @Outcome(id = "5", expect = ACCEPTABLE,
      desc = "the clear of 2 lands first; next finds page 0 empty above 1 and moves to 5 on"
          + " page 1")
  @Outcome(expect = FORBIDDEN, desc = "a pid never allocated (3, 4), or none although 5 is")
  @State
  public static class NextRacesFree {
    final BitmapPidAllocator a = Fixtures.allocator(4, 1, 8, LastPidUpdate.SEED_PLAIN_STORE);

    public NextRacesFree() {
      leave0And2And5(a);
    }

    @Actor
    public void t1(I_Result r) {
      a.free(2);
    }

    @Actor
    public void t2(I_Result r) {
      r.r1 = a.next(1);
    }
  }

  /** last_pid set to 2, so T1's alloc takes 3, while T2 calls next_pidmap(2). */
  @JCStressTest
  @Outcome(id = "3", expect = ACCEPTABLE, desc = "alloc's test-and-set of 3 lands first: 3")
  @Outcome(id = "5", expect = ACCEPTABLE, desc = "next reads page 0 before the set: 5")
  @Outcome(expect = FORBIDDEN, desc = "a pid never allocated (4), or none although 5 is")
  @State
  public static class NextRacesAlloc {
    final BitmapPidAllocator a = Fixtures.allocator(4, 1, 8, LastPidUpdate.SEED_PLAIN_STORE);

    public NextRacesAlloc() {
      leave0And2And5(a);
      a.setLastPid(2);
    }

    @Actor
    public void t1(I_Result r) {
      a.alloc();
    }

    @Actor
    public void t2(I_Result r) {
      r.r1 = a.next(2);
    }
  }

  /**
   * The same picture one layer up: struct pids 2 and 5 are hashed in init_pid_ns; T1 runs
   * free_pid on 2 (unhash, then clear the bit) while T2 runs find_ge_pid(2) (hash lookup, then
   * next_pidmap, then the hash again). Reads the root number of the pid found.
   */
  @JCStressTest
  @Outcome(id = "2", expect = ACCEPTABLE, desc = "find_ge_pid's lookup of 2 runs before the unhash")
  @Outcome(id = "5", expect = ACCEPTABLE,
      desc = "2 is unhashed first; next_pidmap(2) looks above 2 and answers 5, whose lookup"
          + " finds pid 5")
  @Outcome(expect = FORBIDDEN, desc = "a pid never allocated, or none although 5 is hashed")
  @State
  public static class FindGePidRacesFreePid {
    final ImplPidLayer l = Fixtures.layer(4, 1, 8);
    final Pid two;

    public FindGePidRacesFreePid() {
      Pid[] p = new Pid[6];
      for (int nr = 1; nr <= 5; nr++) {
        p[nr] = Fixtures.allocPid(l, l.initPidNs());
      }
      l.freePid(p[1]);
      l.freePid(p[3]);
      l.freePid(p[4]);
      two = p[2];
    }

    @Actor
    public void t1(I_Result r) {
      l.freePid(two);
    }

    @Actor
    public void t2(I_Result r) {
      r.r1 = Fixtures.nr(l.findGePid(2, l.initPidNs()), 0);
    }
  }
}
