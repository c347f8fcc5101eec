package pidmap.engine.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.engine.Apply;
import pidmap.engine.StepResult;
import pidmap.engine.gen.TraceGenerator;
import pidmap.impl.BitmapPidAllocator;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Expect;
import pidmap.trace.Op;
import pidmap.trace.Outcome;
import pidmap.trace.TraceLine;

/**
 * {@code pidmap shrink}'s shrinker against the truth: on generated traces of 13 lines whose last
 * expect is wrong, the shrunk trace fails alike and is as short as the shortest subsequence that
 * does, found by trying all 4096 on the full engine.
 */
class TraceShrinkerTest {

  private static final Geometry G = Geometry.small(4, 2, 14);

  /** A generated trace with the model's answers as expects, the last one made wrong. */
  static List<TraceLine> wrongAtTheEnd(Profile p, long seed, int length) {
    List<Op> ops = TraceGenerator.generate(G, p, seed, length);
    ModelPidAllocator m = new ModelPidAllocator(G, p);
    List<TraceLine> lines = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Outcome o = Apply.run(ops.get(i), m);
      Expect e = Expect.of(o);
      if (i == ops.size() - 1) {
        e = o.kind() == Outcome.Kind.PID ? Expect.pid(o.pid() + 1)
            : o.kind() == Outcome.Kind.OK ? Expect.named(Expect.REFUSED) : Expect.named("ok");
        if (ops.get(i).kind() == Op.Kind.ALLOC && o.kind() != Outcome.Kind.PID) {
          e = Expect.pid(1);
        }
      }
      lines.add(new TraceLine(ops.get(i), e, i + 1));
    }
    return lines;
  }

  /** The fewest lines of any subsequence ending in the last line that fails alike. */
  static int bruteForceMinimum(Profile p, List<TraceLine> lines, StepResult original) {
    int n = lines.size() - 1;
    int best = n + 1;
    for (long mask = 0; mask < (1L << n); mask++) {
      if (Long.bitCount(mask) + 1 >= best) {
        continue;
      }
      List<TraceLine> sub = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1L << i)) != 0) {
          sub.add(lines.get(i));
        }
      }
      sub.add(lines.get(n));
      if (TraceShrinker.failsAlike(G, p, BitmapPidAllocator::new, sub, original)) {
        best = sub.size();
      }
    }
    return best;
  }

  @Test
  void shortGeneratedTracesShrinkToTheShortestSubsequenceThatFailsAlike() {
    int checked = 0;
    for (Profile p : Profile.values()) {
      for (long seed = 1; seed <= 30; seed++) {
        List<TraceLine> lines = wrongAtTheEnd(p, seed, 13);
        StepResult original = TraceShrinker.firstFailure(G, p, BitmapPidAllocator::new, lines);
        if (original == null || original.index() != lines.size()) {
          continue;
        }
        List<TraceLine> shrunk = TraceShrinker.shrink(G, p, BitmapPidAllocator::new, lines);
        assertThat(TraceShrinker.failsAlike(G, p, BitmapPidAllocator::new, shrunk, original))
            .as("seed %d %s", seed, p).isTrue();
        assertThat(shrunk).as("seed %d %s", seed, p)
            .hasSize(bruteForceMinimum(p, lines, original));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(40);
  }

  /**
   * The broken twin: the shrink {@code pidmap shrink} had before, ddmin and single removals on
   * the full engine (1-minimal only). The check above is seen to catch it: on the same traces it
   * is longer than the shortest subsequence at least once.
   */
  @Test
  void theCheckCatchesAOneMinimalDdminShrink() {
    int longer = 0;
    for (long seed = 1; seed <= 30; seed++) {
      Profile p = Profile.LINUX_2_6_24;
      List<TraceLine> lines = wrongAtTheEnd(p, seed, 13);
      StepResult original = TraceShrinker.firstFailure(G, p, BitmapPidAllocator::new, lines);
      if (original == null || original.index() != lines.size()) {
        continue;
      }
      TraceLine last = lines.get(lines.size() - 1);
      List<TraceLine> kept = Shrinker.minimize(lines.subList(0, lines.size() - 1), before -> {
        List<TraceLine> all = new ArrayList<>(before);
        all.add(last);
        return TraceShrinker.failsAlike(G, p, BitmapPidAllocator::new, all, original);
      });
      if (kept.size() + 1 > bruteForceMinimum(p, lines, original)) {
        longer++;
      }
    }
    assertThat(longer).isPositive();
  }

  @Test
  void aTimeLimitOfZeroStillReturnsATraceThatFailsAlike() {
    List<TraceLine> lines = wrongAtTheEnd(Profile.LINUX_2_6_24, 7, 400);
    StepResult original = TraceShrinker.firstFailure(G, Profile.LINUX_2_6_24,
        BitmapPidAllocator::new, lines);
    ShrinkControl<TraceLine> control = new ShrinkControl<>(System::nanoTime, 0, s -> { }, 1);
    List<TraceLine> shrunk = TraceShrinker.shrink(G, Profile.LINUX_2_6_24,
        BitmapPidAllocator::new, lines, control);
    assertThat(control.cutShort()).isTrue();
    assertThat(TraceShrinker.failsAlike(G, Profile.LINUX_2_6_24, BitmapPidAllocator::new, shrunk,
        original)).isTrue();
  }
}
