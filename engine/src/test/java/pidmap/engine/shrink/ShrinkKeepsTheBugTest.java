package pidmap.engine.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.RunResult;
import pidmap.engine.broken.SeedLoopAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * The allocator shrinker keeps the failure it was given: a candidate with two bugs, whose trace
 * fails with the first, must not shrink to a shorter trace that shows the second.
 */
class ShrinkKeepsTheBugTest {

  private static final Geometry G = Geometry.small(4, 2, 14);

  /**
   * The broken twin with two bugs: after {@code set_last 9}, {@code next 5} answers one more than
   * it should (NEXT-1 fails at next); and {@code set_last 1} stores 2 (ALLOC-3 fails at
   * set_last), which the simplifier reaches by trying set_last's landmark RESERVED-1.
   */
  static final AllocatorFactory TWO_BUGS = (g, p) -> new SeedLoopAllocator(g, p) {
    @Override
    public int next(int last) {
      int n = super.next(last);
      return last == 5 && lastPid() == 9 ? n + 1 : n;
    }

    @Override
    public void setLastPid(int value) {
      super.setLastPid(value == 1 ? 2 : value);
    }
  };

  @Test
  void aTraceThatFailsWithTheFirstBugShrinksToATraceThatFailsWithTheFirstBug() {
    List<Op> trace = List.of(Op.alloc(), Op.alloc(), Op.free(1), Op.setLast(9), Op.next(5));
    RunResult original = DifferentialEngine.run(G, Profile.LINUX_2_6_24, TWO_BUGS, trace);
    assertThat(original.firstFailure().signature()).isEqualTo("INVARIANT CANDIDATE invariant NEXT-1 failed at NEXT");

    List<Op> shrunk = Shrinker.shrinkAgainstEngine(G, Profile.LINUX_2_6_24, TWO_BUGS, trace);

    RunResult again = DifferentialEngine.run(G, Profile.LINUX_2_6_24, TWO_BUGS, shrunk);
    assertThat(again.firstFailure().signature()).isEqualTo(original.firstFailure().signature());
    assertThat(shrunk).containsExactly(Op.setLast(9), Op.next(5));
  }

  @Test
  void theSecondBugAloneHasAnotherSignature() {
    RunResult r = DifferentialEngine.run(G, Profile.LINUX_2_6_24, TWO_BUGS, List.of(Op.setLast(1)));
    assertThat(r.firstFailure().signature())
        .isEqualTo("INVARIANT CANDIDATE invariant ALLOC-3 failed at SET_LAST");
  }
}
