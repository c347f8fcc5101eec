package pidmap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.engine.broken.ForwardingAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * Which pages and counters the engine looks at, and when, seen on candidates that each break one
 * thing where only that look can find it: every page after every step up to pid_max_limit 65536
 * (inclusive), page 0, the pages a search passes and the freed pid's page on a larger geometry,
 * the whole state at exactly every 1024th step there, every page's counter on a small geometry
 * and the touched page's on a large one; and a divergence of the answer or of pid_max alone.
 */
class EngineWatchesTest {

  private static final Profile SEED = Profile.LINUX_2_6_24;
  private static final Geometry SMALL = Geometry.small(4, 2, 14);

  /** The first failing step's index and message, or "ok" after all of {@code ops}. */
  private static String firstFailure(Geometry g, AllocatorFactory candidate, List<Op> ops) {
    RunResult r = DifferentialEngine.run(g, SEED, candidate, ops);
    return r.ok() ? "ok" : r.firstFailure().index() + ": " + r.firstFailure().failure().message();
  }

  /** The impl, saying page {@code page} is installed when it is not and not when it is. */
  private static AllocatorFactory flipping(int page) {
    return (g, p) -> new ForwardingAllocator(g, p) {
      @Override
      public boolean pageInstalled(int q) {
        return q == page != super.pageInstalled(q);
      }
    };
  }

  @Test
  void theEngineAnswersItsProfileAndTheCandidateItMade() {
    InspectablePidAllocator[] made = new InspectablePidAllocator[1];
    DifferentialEngine e = new DifferentialEngine(SMALL, Profile.LINUX_6, (g, p) -> {
      made[0] = new ForwardingAllocator(g, p) {};
      return made[0];
    });
    assertThat(e.profile()).isEqualTo(Profile.LINUX_6);
    assertThat(e.candidate()).isSameAs(made[0]);
  }

  @Test
  void aRefusalInOtherWordsIsADivergenceOfTheAnswer() {
    AllocatorFactory otherWords = (g, p) -> new ForwardingAllocator(g, p) {
      @Override
      public void free(int pid) {
        if (!isAllocated(pid)) {
          throw new PidmapException("pid", pid, "a held pid, in the candidate's words");
        }
        super.free(pid);
      }
    };
    String got = firstFailure(SMALL, otherWords, List.of(Op.free(9)));
    assertThat(got).startsWith("1: the model answers EINVAL (refused: pid: 9 (expected: ")
        .endsWith(" but the impl answers EINVAL (refused: pid: 9 (expected: a held pid, in the"
            + " candidate's words))");
  }

  @Test
  void aPidMaxThatNoInvariantReadsIsADivergenceOfPidMax() {
    AllocatorFactory lower = (g, p) -> new ForwardingAllocator(g, p) {
      @Override
      public int pidMax() {
        return super.pidMax() - 1;
      }
    };
    assertThat(firstFailure(SMALL, lower, List.of(Op.next(0))))
        .isEqualTo("1: pid_max is 14 in the model but 13 in the impl");
  }

  @Test
  void upToALimitOf65536EveryPageIsWatchedAfterEveryStep() {
    assertThat(firstFailure(SMALL, flipping(3), List.of(Op.next(0)))).isEqualTo(
        "1: invariant PIDMAP-3 failed: page 3 is installed, but no search has passed through it"
            + " (after next 0)");
    Geometry twoPages = new Geometry(32768, 300, 65536, 32768);
    assertThat(firstFailure(twoPages, flipping(1), List.of(Op.next(0)))).isEqualTo(
        "1: invariant PIDMAP-3 failed: page 1 is installed, but no search has passed through it"
            + " (after next 0)");
  }

  @Test
  void onTheKernelGeometryPageZeroIsWatchedAtEveryStep() {
    assertThat(firstFailure(Geometry.KERNEL, flipping(0), List.of(Op.next(0)))).isEqualTo(
        "1: invariant PIDMAP-3 failed: page 0 is not installed, but page 0 exists from the start");
  }

  @Test
  void onTheKernelGeometryThePagesASearchPassesAreWatched() {
    AllocatorFactory neverPageOne = (g, p) -> new ForwardingAllocator(g, p) {
      @Override
      public boolean pageInstalled(int q) {
        return q != 1 && super.pageInstalled(q);
      }
    };
    assertThat(firstFailure(Geometry.KERNEL, neverPageOne,
        List.of(Op.setPidMax(65536), Op.setLast(32767), Op.alloc()))).isEqualTo(
        "3: invariant PIDMAP-3 failed: page 1 is not installed, but a search has passed through"
            + " it (after alloc)");
  }

  @Test
  void onTheKernelGeometryTheFreedPidsPageIsWatched() {
    AllocatorFactory dropsOnFree = (g, p) -> new ForwardingAllocator(g, p) {
      private final BitSet dropped = new BitSet();

      @Override
      public void free(int pid) {
        super.free(pid);
        dropped.set(geometry().pageOf(pid));
      }

      @Override
      public boolean pageInstalled(int q) {
        return !dropped.get(q) && super.pageInstalled(q);
      }
    };
    assertThat(firstFailure(Geometry.KERNEL, dropsOnFree,
        List.of(Op.setPidMax(65536), Op.setLast(32767), Op.alloc(), Op.free(32768))))
        .isEqualTo("4: invariant PIDMAP-3 failed: page 1 is not installed, but a search has"
            + " passed through it (after free 32768)");
  }

  @Test
  void freeingPidMaxLimitItselfIsRefusedAlikeOnBothGeometries() {
    for (Geometry g : List.of(SMALL, Geometry.KERNEL)) {
      assertThat(firstFailure(g, (x, p) -> new ForwardingAllocator(x, p) {},
          List.of(Op.free(g.pidMaxLimit()), Op.alloc(), Op.free(g.pidMaxLimit()))))
          .isEqualTo("ok");
    }
  }

  @Test
  void onTheKernelGeometryTheWholeStateIsComparedAtExactlyEvery1024thStep() {
    List<Op> ops = Collections.nCopies(DifferentialEngine.FULL_CHECK_EVERY + 5,
        Op.next(0));
    assertThat(firstFailure(Geometry.KERNEL, flipping(100), ops)).isEqualTo(
        "1024: page 100 is not installed in the model but installed in the impl");
  }
}
