package pidmap.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import pidmap.spec.Geometry;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;

/**
 * The model's helpers that the engine and the shrinker lean on, each stated on its own: a copy
 * is the same state and then independent, set_tid's exact take installs its page, the first
 * candidate is what alloc hands out, and the seed's wrapped range ends where its Javadoc says.
 * (pit-model left each of these unkilled: nothing else looked at them directly.)
 */
class ModelPidAllocatorTest {

  private static final Geometry SMALL = Geometry.small(4, 2, 16);

  @Test
  void aCopyHasTheSameStateAndThenGoesItsOwnWay() {
    ModelPidAllocator m = new ModelPidAllocator(SMALL, Profile.LINUX_2_6_24);
    for (int i = 0; i < 7; i++) {
      m.alloc();
    }
    m.free(4);
    ModelPidAllocator c = m.copy();
    assertThat(c.allocated()).isEqualTo(m.allocated());
    assertThat(c.allocatedCount()).isEqualTo(m.allocatedCount());
    assertThat(c.lastPid()).isEqualTo(m.lastPid());
    assertThat(c.pidMax()).isEqualTo(m.pidMax());
    for (int page = 0; page < SMALL.pidMaxLimit() / SMALL.bitsPerPage(); page++) {
      assertThat(c.pageInstalled(page)).as("page %d", page).isEqualTo(m.pageInstalled(page));
    }
    assertThat(c.pageInstalled(1)).isTrue();
    assertThat(c.isAllocated(7)).isTrue();

    c.free(7);
    assertThat(m.isAllocated(7)).as("the original keeps 7 after the copy frees it").isTrue();
    m.alloc();
    assertThat(c.lastPid()).isNotEqualTo(m.lastPid());
  }

  @Test
  void anExactTakeInstallsItsPageAndLeavesLastPid() {
    ModelPidAllocator m = new ModelPidAllocator(SMALL, Profile.LINUX_6);
    assertThat(m.pageInstalled(3)).isFalse();
    assertThat(m.allocExactly(13)).isEqualTo(13);
    assertThat(m.pageInstalled(3)).isTrue();
    assertThat(m.pageInstalled(2)).isFalse();
    assertThat(m.allocExactly(13)).isEqualTo(PidAllocator.NO_PID);
    assertThat(m.allocatedCount()).isEqualTo(2); // pid 0 and 13
  }

  @Test
  void theFirstCandidateIsWhatAllocHandsOut() {
    for (Profile p : Profile.values()) {
      ModelPidAllocator m = new ModelPidAllocator(SMALL, p);
      m.setLastPid(9);
      for (int i = 0; i < 20; i++) {
        int expected = m.firstCandidate();
        assertThat(m.alloc()).as("%s, alloc %d", p, i).isEqualTo(expected);
        if (i % 3 == 2) {
          m.free(expected != PidAllocator.NO_PID ? expected : m.next(0));
        }
      }
      assertThat(m.firstCandidate()).isEqualTo(PidAllocator.NO_PID);
    }
  }

  @Test
  void theSeedsWrappedRangeEndsAsItsJavadocSays() {
    Geometry g = Geometry.small(4, 2, 16);
    assertThat(SeedSearchRule.wrappedEnd(15, 16, g)).as("wrapped start").isEqualTo(2);
    assertThat(SeedSearchRule.wrappedEnd(2, 16, g)).as("L = R").isEqualTo(2);
    assertThat(SeedSearchRule.wrappedEnd(6, 16, g)).as("inside a page").isEqualTo(6);
    assertThat(SeedSearchRule.wrappedEnd(7, 16, g)).as("L mod B = B-1").isEqualTo(8);
    assertThat(SeedSearchRule.wrappedEnd(8, 16, g)).as("L mod B = 0").isEqualTo(9);
    // R + 1 starts a page: L = R is still no wrapped range, though L + 1 is a page edge
    Geometry edge = Geometry.small(4, 3, 16);
    assertThat(SeedSearchRule.wrappedEnd(3, 16, edge)).isEqualTo(3);
    assertThat(new SeedSearchRule().candidates(3, 16, edge)).hasSize(1);
    assertThat(SeedSearchRule.wrappedEnd(2, 16, edge)).as("L < R").isEqualTo(3);
    Geometry kernel = Geometry.KERNEL;
    assertThat(SeedSearchRule.wrappedEnd(32767, 32768, kernel)).isEqualTo(300);
  }

  @Test
  void atRebuildsAStateTheWayItWasGiven() {
    BitSet allocated = new BitSet();
    allocated.set(0);
    allocated.set(5);
    BitSet pages = new BitSet();
    pages.set(0);
    pages.set(1);
    ModelPidAllocator m = ModelPidAllocator.at(SMALL, Profile.LINUX_2_6_24, allocated, pages, 5, 16);
    assertThat(m.allocatedCount()).isEqualTo(2);
    assertThat(m.alloc()).isEqualTo(6);
    assertThat(m.pageInstalled(2)).isFalse();
  }
}
