package pidmap.engine.shrink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.broken.BrokenAllocators;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;

class ShrinkerTest {

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void aListThatMustContainThreeAndSevenShrinksToExactlyThreeAndSeven() {
    List<Integer> out = Shrinker.minimize(range(0, 100), l -> l.contains(3) && l.contains(7));
    assertThat(out).containsExactly(3, 7);
  }

  @Test
  void theShrunkListKeepsTheOriginalOrder() {
    Predicate<List<Integer>> sevenBeforeThree =
        l -> l.contains(7) && l.contains(3) && l.indexOf(7) < l.lastIndexOf(3);
    List<Integer> items = new ArrayList<>(range(0, 50));
    items.add(3);
    assertThat(Shrinker.minimize(items, sevenBeforeThree)).containsExactly(7, 3);
  }

  @Test
  void theResultIsOneMinimal() {
    Predicate<List<Integer>> sumAtLeast100 =
        l -> l.stream().mapToInt(Integer::intValue).sum() >= 100;
    List<Integer> out = Shrinker.minimize(range(1, 40), sumAtLeast100);
    assertThat(sumAtLeast100).accepts(out);
    for (int i = 0; i < out.size(); i++) {
      List<Integer> less = new ArrayList<>(out);
      less.remove(i);
      assertThat(sumAtLeast100).as("without %s", out.get(i)).rejects(less);
    }
  }

  @Test
  void aPredicateThatFailsOnEverythingShrinksToTheEmptyList() {
    assertThat(Shrinker.minimize(range(0, 10), l -> true)).isEmpty();
  }

  @Test
  void anInputThatDoesNotFailIsRefused() {
    assertThatThrownBy(() -> Shrinker.minimize(range(0, 10), l -> l.contains(99)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the input does not fail; there is nothing to shrink");
  }

  @Test
  void theTestBudgetIsKeptAndTheResultStillFails() {
    AtomicInteger calls = new AtomicInteger();
    Predicate<List<Integer>> p = l -> {
      calls.incrementAndGet();
      return l.contains(3) && l.contains(7);
    };
    List<Integer> out = Shrinker.minimize(range(0, 1000), p, 20);
    assertThat(calls.get()).isLessThanOrEqualTo(20);
    assertThat(out).contains(3, 7);
  }

  @Test
  void argumentsShrinkToTheSmallestValueThatStillFails() {
    List<Op> ops = List.of(Op.alloc(), Op.setLast(5000), Op.alloc(), Op.free(77));
    List<Op> out = Shrinker.shrinkOps(
        ops,
        l -> l.stream().anyMatch(o -> o.kind() == Op.Kind.SET_LAST && o.arg() >= 10),
        OpSimplifier.plain(),
        Shrinker.DEFAULT_MAX_TESTS);
    assertThat(out).containsExactly(Op.setLast(10));
  }

  /** Compression alone would stop at 1000; only the landmark RESERVED-1 reaches 299. */
  @Test
  void anArgumentJumpsToALandmarkOfTheGeometry() {
    List<Op> out = Shrinker.shrinkOps(
        List.of(Op.setLast(5000)),
        l -> l.size() == 1 && (l.get(0).arg() == 299 || l.get(0).arg() >= 1000),
        OpSimplifier.forGeometry(Geometry.KERNEL),
        Shrinker.DEFAULT_MAX_TESTS);
    assertThat(out).containsExactly(Op.setLast(299));
  }

  @Test
  void simplerArgumentsStartWithTheGeometrysLandmarks() {
    OpSimplifier kernel = OpSimplifier.forGeometry(Geometry.KERNEL);
    assertThat(kernel.simpler(Op.setLast(300))).containsExactly(Op.setLast(0), Op.setLast(299));
    assertThat(kernel.simpler(Op.setLast(5000)))
        .startsWith(Op.setLast(0), Op.setLast(299), Op.setLast(300), Op.setLast(1));
    assertThat(kernel.simpler(Op.setPidMax(400))).startsWith(Op.setPidMax(301), Op.setPidMax(0));
    assertThat(kernel.simpler(Op.alloc())).isEmpty();
    assertThat(kernel.simpler(Op.setLast(0))).isEmpty();
  }

  @Test
  void everySimplerArgumentHasALowerRank() {
    OpSimplifier kernel = OpSimplifier.forGeometry(Geometry.KERNEL);
    for (Op op : List.of(Op.setLast(32767), Op.free(-5), Op.next(4194303), Op.setPidMax(302))) {
      assertThat(kernel.simpler(op)).allSatisfy(s -> assertThat(kernel.rank(s)).isLessThan(kernel.rank(op)));
    }
  }

  @Test
  void aCompressionShiftsEveryArgumentAboveAThresholdByTheSameAmount() {
    List<List<Op>> options = OpSimplifier.plain()
        .compressions(List.of(Op.alloc(), Op.free(8), Op.setLast(4)));
    assertThat(options)
        .contains(List.of(Op.alloc(), Op.free(4), Op.setLast(4)))
        .contains(List.of(Op.alloc(), Op.free(6), Op.setLast(2)))
        .allSatisfy(o -> assertThat(o.get(0)).isEqualTo(Op.alloc()));
  }

  @Test
  void aTraceThatConformsIsNotShrunk() {
    assertThatThrownBy(() -> Shrinker.shrinkAgainstEngine(Geometry.KERNEL, Profile.LINUX_2_6_24,
            BitmapPidAllocator::new, List.of(Op.alloc(), Op.free(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the trace conforms; there is nothing to shrink");
  }

  /**
   * A trace that fills the whole default pid_max to reach the seed's quirk: the shrinker may put
   * a lower pid_max in front, and keeps that only because the result is shorter.
   */
  @Test
  void aFillOfTheDefaultPidMaxShrinksBehindALowerPidMax() {
    Geometry g = Geometry.small(4, 2, 14);
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ops.add(Op.alloc()); // 1..5
    }
    ops.add(Op.setLast(9));
    for (int i = 0; i < 8; i++) {
      ops.add(Op.alloc()); // 10..13, then 6..9
    }
    ops.add(Op.free(9));
    ops.add(Op.alloc()); // the seed: ENOMEM; with the quirk fixed: 9
    AllocatorFactory quirkFixed = BrokenAllocators.QUIRK_FIXED.factory();
    assertThat(DifferentialEngine.run(g, Profile.LINUX_2_6_24, quirkFixed, ops).ok()).isFalse();

    List<Op> out = Shrinker.shrinkAgainstEngine(g, Profile.LINUX_2_6_24, quirkFixed, ops);

    assertThat(out).hasSizeLessThan(ops.size()).first().isEqualTo(Op.setPidMax(7));
    assertThat(DifferentialEngine.run(g, Profile.LINUX_2_6_24, quirkFixed, out).ok()).isFalse();
  }
}
