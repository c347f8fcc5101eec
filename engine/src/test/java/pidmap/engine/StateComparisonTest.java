package pidmap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import pidmap.engine.broken.SeedLoopAllocator;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * The model-against-candidate comparison on its own, each time against a candidate that differs
 * from the model in exactly one thing the invariants, checked first in the engine, might let
 * through: last_pid, pid_max, the count, the touched pid's bit, a page's installation, a page's
 * counter (against the model on a small geometry, against the step's answer on the kernel's),
 * and a pid no step touched.
 */
class StateComparisonTest {

  private static final Geometry SMALL = Geometry.small(4, 2, 14);
  private static final Profile SEED = Profile.LINUX_2_6_24;

  /** The copy of the seed's loop with one answer of its inspection changed. */
  private static class Lying extends SeedLoopAllocator {
    int lastPidDelta;
    int pidMaxDelta;
    int countDelta;
    int flippedPid = -1;
    int flippedPage = -1;
    int counterPage = -1;
    int extraPid = -1;

    Lying(Geometry g) {
      super(g, SEED);
    }

    @Override
    public int lastPid() {
      return super.lastPid() + lastPidDelta;
    }

    @Override
    public int pidMax() {
      return super.pidMax() + pidMaxDelta;
    }

    @Override
    public int allocatedCount() {
      return super.allocatedCount() + countDelta;
    }

    @Override
    public boolean isAllocated(int pid) {
      return pid == flippedPid != super.isAllocated(pid);
    }

    @Override
    public boolean pageInstalled(int page) {
      return page == flippedPage != super.pageInstalled(page);
    }

    @Override
    public int pageFreeCounter(int page) {
      return super.pageFreeCounter(page) - (page == counterPage ? 1 : 0);
    }

    @Override
    public BitSet allocated() {
      BitSet s = super.allocated();
      if (extraPid >= 0) {
        s.set(extraPid);
      }
      return s;
    }
  }

  /** Model and candidate after the same alloc; the comparison after it. */
  private static String afterAlloc(Geometry g, Lying candidate) {
    ModelPidAllocator model = new ModelPidAllocator(g, SEED);
    StateComparison c = new StateComparison(model, candidate, g.pidMaxLimit() <= 1 << 16);
    model.alloc();
    int pid = candidate.alloc();
    BitSet every = new BitSet();
    every.set(0, g.pidmapEntries());
    return c.afterStep(Op.alloc(), Outcome.pid(pid), every);
  }

  @Test
  void anHonestCandidateAgrees() {
    assertThat(afterAlloc(SMALL, new Lying(SMALL))).isNull();
    assertThat(afterAlloc(Geometry.KERNEL, new Lying(Geometry.KERNEL))).isNull();
  }

  @Test
  void eachDifferenceIsNamed() {
    Lying l = new Lying(SMALL);
    l.lastPidDelta = 1;
    assertThat(afterAlloc(SMALL, l)).isEqualTo("last_pid is 1 in the model but 2 in the impl");
    l = new Lying(SMALL);
    l.pidMaxDelta = -1;
    assertThat(afterAlloc(SMALL, l)).isEqualTo("pid_max is 14 in the model but 13 in the impl");
    l = new Lying(SMALL);
    l.countDelta = 1;
    assertThat(afterAlloc(SMALL, l))
        .isEqualTo("2 pids are allocated in the model but 3 in the impl");
    l = new Lying(SMALL);
    l.flippedPid = 1;
    assertThat(afterAlloc(SMALL, l)).isEqualTo("pid 1 is allocated in the model but free in the impl");
    l = new Lying(SMALL);
    l.flippedPage = 2;
    assertThat(afterAlloc(SMALL, l))
        .isEqualTo("page 2 is not installed in the model but installed in the impl");
    l = new Lying(SMALL);
    l.flippedPage = 0;
    assertThat(afterAlloc(SMALL, l))
        .isEqualTo("page 0 is installed in the model but not installed in the impl");
    l = new Lying(SMALL);
    l.extraPid = 9;
    assertThat(afterAlloc(SMALL, l)).isEqualTo("pid 9 is free in the model but allocated in the impl");
  }

  @Test
  void aCounterIsHeldToTheModelOnASmallGeometry() {
    Lying l = new Lying(SMALL);
    l.counterPage = 3;
    // the counter array is read at construction with the lie in place, so only the model sees it
    assertThat(afterAlloc(SMALL, l))
        .isEqualTo("page 3's free counter is 4 in the model but 3 in the impl");
  }

  @Test
  void onTheKernelGeometryACounterMayMoveOnlyAsTheAnswerSays() {
    ModelPidAllocator model = new ModelPidAllocator(Geometry.KERNEL, SEED);
    Lying l = new Lying(Geometry.KERNEL);
    StateComparison c = new StateComparison(model, l, false);
    model.alloc();
    int pid = l.alloc();
    l.counterPage = 5; // page 5's counter drops though the step took a pid from page 0
    assertThat(c.afterStep(Op.alloc(), Outcome.pid(pid), new BitSet()))
        .isEqualTo("page 5's free counter went from 32768 to 32767 in the impl, but alloc"
            + " answering 1 makes it 32768");
    assertThat(c.fully()).isEqualTo("page 5's free counter is 32768 in the model but 32767"
        + " in the impl");
  }

  @Test
  void onTheKernelGeometryAFreedPidsCounterMustRiseByOne() {
    ModelPidAllocator model = new ModelPidAllocator(Geometry.KERNEL, SEED);
    Lying l = new Lying(Geometry.KERNEL);
    StateComparison c = new StateComparison(model, l, false);
    model.alloc();
    l.alloc();
    assertThat(c.afterStep(Op.alloc(), Outcome.pid(1), new BitSet())).isNull();
    model.free(1);
    l.free(1);
    l.counterPage = 0; // the free's increment is lost
    assertThat(c.afterStep(Op.free(1), Outcome.ok(), new BitSet()))
        .isEqualTo("page 0's free counter went from 32766 to 32766 in the impl, but free 1"
            + " answering ok makes it 32767");
  }

  @Test
  void theFullComparisonAlsoComparesEveryPage() {
    ModelPidAllocator model = new ModelPidAllocator(Geometry.KERNEL, SEED);
    Lying l = new Lying(Geometry.KERNEL);
    l.flippedPage = 100;
    StateComparison c = new StateComparison(model, l, false);
    assertThat(c.fully())
        .isEqualTo("page 100 is not installed in the model but installed in the impl");
    InspectablePidAllocator honest = new Lying(Geometry.KERNEL);
    assertThat(new StateComparison(model, honest, false).fully()).isNull();
  }
}
