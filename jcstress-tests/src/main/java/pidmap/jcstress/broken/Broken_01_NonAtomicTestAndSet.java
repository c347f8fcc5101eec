package pidmap.jcstress.broken;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import pidmap.jcstress.alloc.Alloc_01_TwoAllocsNeverShareAPid;
import pidmap.spec.CatchesTwin;

/*
 * The harness's own check: Alloc_01_TwoAllocsNeverShareAPid.FreshNamespace, run against an
 * allocator whose test-and-set is a read followed by a plain write (NonAtomicTestAndSetAllocator)
 * instead of the seed's atomic test_and_set_bit (seed line 153). Both allocs can read bit 1
 * clear and both take pid 1, which the real test forbids and this one grades
 * ACCEPTABLE_INTERESTING: seeing it is the catch (pidmap.jcstress.TwinsCaught checks, after the
 * run, that it was seen where its mark says it must be).
 *
 *   java -jar jcstress-tests/target/jcstress.jar -t Broken_01 -m quick
 */
@JCStressTest
@Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE, desc = "one takes 1, the other 2")
@Outcome(id = "1, 1", expect = ACCEPTABLE_INTERESTING,
    desc = "caught: T1 and T2 both read the word with bit 1 clear and both write it: pid 1"
        + " handed out twice [ALLOC-1]")
@Outcome(expect = FORBIDDEN, desc = "anything else")
@State
@CatchesTwin(check = Alloc_01_TwoAllocsNeverShareAPid.class,
    twin = NonAtomicTestAndSetAllocator.class, run = CatchesTwin.Run.JCSTRESS_TWINS)
public class Broken_01_NonAtomicTestAndSet {
  final NonAtomicTestAndSetAllocator a = new NonAtomicTestAndSetAllocator(8);

  @Actor
  public void t1(II_Result r) {
    r.r1 = a.alloc();
  }

  @Actor
  public void t2(II_Result r) {
    r.r2 = a.alloc();
  }
}
