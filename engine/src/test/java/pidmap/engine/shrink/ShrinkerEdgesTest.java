package pidmap.engine.shrink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pidmap.spec.Geometry;
import pidmap.trace.Op;

/**
 * The shrinker's passes at their boundaries: ddmin on a list of exactly two, the one-by-one
 * pass removing the first element too, the predicate's memo (asked twice, a list of up to 256
 * is tested once, a longer one each time) and its count of tests, and a trace that does not
 * fail refused.
 */
class ShrinkerEdgesTest {

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void ddminShrinksAListOfExactlyTwoToTheOneThatFails() {
    Shrinker.Tester<String> t = new Shrinker.Tester<>(l -> l.contains("b"), 100);
    assertThat(Shrinker.ddmin(List.of("a", "b"), t)).containsExactly("b");
  }

  @Test
  void theOneByOnePassAlsoRemovesTheFirstElement() {
    Shrinker.Tester<String> t = new Shrinker.Tester<>(l -> l.contains("b"), 100);
    assertThat(Shrinker.removeOneByOne(List.of("a", "b", "c"), t)).containsExactly("b");
  }

  @Test
  void theOneByOnePassRepeatsUntilNothingMoreCanGo() {
    // "c" can go only once "a" has gone: a second sweep is needed
    Shrinker.Tester<String> t = new Shrinker.Tester<>(
        l -> l.contains("b") && (!l.contains("a") || l.contains("c")), 100);
    assertThat(Shrinker.removeOneByOne(List.of("a", "b", "c"), t)).containsExactly("b");
  }

  @Test
  void aListOfUpTo256IsTestedOnceAndItsAnswerRemembered() {
    AtomicInteger calls = new AtomicInteger();
    Shrinker.Tester<Integer> t = new Shrinker.Tester<>(l -> {
      calls.incrementAndGet();
      return true;
    }, 100);
    List<Integer> items = range(0, 256);
    assertThat(t.fails(items)).isTrue();
    assertThat(t.fails(new ArrayList<>(items))).isTrue();
    assertThat(calls).hasValue(1);
    assertThat(t.tests()).isEqualTo(1);
  }

  @Test
  void aListLongerThan256IsTestedEachTimeItIsAsked() {
    AtomicInteger calls = new AtomicInteger();
    Shrinker.Tester<Integer> t = new Shrinker.Tester<>(l -> {
      calls.incrementAndGet();
      return true;
    }, 100);
    List<Integer> items = range(0, 257);
    assertThat(t.fails(items)).isTrue();
    assertThat(t.fails(items)).isTrue();
    assertThat(calls).hasValue(2);
    assertThat(t.tests()).isEqualTo(2);
  }

  @Test
  void aTraceThatDoesNotFailIsRefusedBeforeAnyShrinking() {
    List<Op> ops = List.of(Op.alloc(), Op.alloc());
    assertThatThrownBy(() -> Shrinker.shrinkOps(ops, l -> false,
        OpSimplifier.forGeometry(Geometry.small(4, 2, 14)), 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the input does not fail; there is nothing to shrink");
  }
}
