package pidmap.engine.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.engine.broken.ForwardingAllocator;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * PIDMAP-3 and INPUT-3 on hand-built broken states: the exact sentence each one prints, for page
 * 0 and for another page, for an input refused with no bound broken, and for pid 0 freed.
 */
class PagesAndBoundsWordsTest {

  private static final Geometry SMALL = Geometry.small(4, 2, 14);
  private static final Profile SEED = Profile.LINUX_2_6_24;

  /** The model with page {@code page}'s installation reported the other way round. */
  private static InspectablePidAllocator flipped(int page) {
    return new ForwardingAllocator(new ModelPidAllocator(SMALL, SEED)) {
      @Override
      public boolean pageInstalled(int p) {
        return p == page != super.pageInstalled(p);
      }
    };
  }

  private static String pages(InspectablePidAllocator a, Op op, int searchedPage) {
    HandStep s = new HandStep(a, op, Outcome.pid(1));
    s.watched.set(0, SMALL.pidmapEntries());
    if (searchedPage >= 0) {
      s.searched.set(searchedPage);
    }
    return Invariants.PAGES_WHERE_SEARCHED.check(s);
  }

  @Test
  void aPageInstalledWhereNoSearchWentIsNamedWithTheStep() {
    assertThat(pages(flipped(2), Op.alloc(), -1)).isEqualTo(
        "invariant PIDMAP-3 failed: page 2 is installed, but no search has passed through it"
            + " (after alloc)");
  }

  @Test
  void pageZeroInstalledWithoutItsBookIsNamedWithoutAStep() {
    HandStep s = new HandStep(new ModelPidAllocator(SMALL, SEED), Op.alloc(), Outcome.pid(1));
    s.searched.clear(0);
    s.watched.set(0);
    assertThat(Invariants.PAGES_WHERE_SEARCHED.check(s)).isEqualTo(
        "invariant PIDMAP-3 failed: page 0 is installed, but no search has passed through it");
  }

  @Test
  void aMissingPageZeroIsNamedAsExistingFromTheStart() {
    assertThat(pages(flipped(0), Op.next(0), -1)).isEqualTo(
        "invariant PIDMAP-3 failed: page 0 is not installed, but page 0 exists from the start");
  }

  @Test
  void aSearchedPageLeftMissingIsNamedWithTheStep() {
    assertThat(pages(new ModelPidAllocator(SMALL, SEED), Op.alloc(), 3)).isEqualTo(
        "invariant PIDMAP-3 failed: page 3 is not installed, but a search has passed through it"
            + " (after alloc)");
  }

  @Test
  void pagesInstalledExactlyWhereSearchedPass() {
    assertThat(pages(new ModelPidAllocator(SMALL, SEED), Op.alloc(), -1)).isNull();
  }

  private static String bounds(Op op, Outcome outcome) {
    return Invariants.REFUSED_EXACTLY_OUT_OF_BOUNDS.check(
        new HandStep(new ModelPidAllocator(SMALL, SEED), op, outcome));
  }

  @Test
  void anAcceptedOutOfBoundsInputIsNamedWithTheParameterAndTheAnswer() {
    assertThat(bounds(Op.next(16), Outcome.pid(3))).isEqualTo(
        "invariant INPUT-3 failed: next 16 breaks the bound of after but answered 3");
  }

  @Test
  void pidZeroIsOutOfTheFreeBoundThoughTheBooksHoldIt() {
    assertThat(bounds(Op.free(0), Outcome.ok())).isEqualTo(
        "invariant INPUT-3 failed: free 0 breaks the bound of pid but answered ok");
    assertThat(bounds(Op.free(0), Outcome.refused("pid: 0 (expected: held)"))).isNull();
  }

  @Test
  void aRefusalWithNoBoundBrokenIsNamedWithItsText() {
    assertThat(bounds(Op.setLast(3), Outcome.refused("nope"))).isEqualTo(
        "invariant INPUT-3 failed: set_last 3 was refused (nope) but breaks no bound");
  }
}
