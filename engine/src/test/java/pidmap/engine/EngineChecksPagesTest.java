package pidmap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.engine.broken.ForwardingAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * Which pages the candidate's own invariants read: every page's counter on a small geometry,
 * whatever page the step touched; the touched page's on the kernel's; and the whole set before
 * and after a refused step on a small geometry. Each against the impl with one lie, which the
 * invariant must name before the comparison with the model sees it.
 */
class EngineChecksPagesTest {

  private static final Profile SEED = Profile.LINUX_2_6_24;

  private static String firstFailure(Geometry g, AllocatorFactory candidate, List<Op> ops) {
    RunResult r = DifferentialEngine.run(g, SEED, candidate, ops);
    return r.ok() ? "ok" : r.firstFailure().index() + ": " + r.firstFailure().failure().message();
  }

  @Test
  void onASmallGeometryPageZerosCounterIsCheckedWhenTheStepTouchesPageOne() {
    AllocatorFactory lateLie = (g, p) -> new ForwardingAllocator(g, p) {
      @Override
      public int pageFreeCounter(int page) {
        return super.pageFreeCounter(page) - (page == 0 && lastPid() >= 4 ? 1 : 0);
      }
    };
    assertThat(firstFailure(Geometry.small(4, 2, 14), lateLie,
        List.of(Op.setLast(3), Op.alloc()))).isEqualTo(
        "2: invariant PIDMAP-2 failed: page 0 has free counter 2 but 1 of 4 bits set");
  }

  @Test
  void onTheKernelGeometryTheTouchedPagesCounterIsChecked() {
    AllocatorFactory pageOneLow = (g, p) -> new ForwardingAllocator(g, p) {
      @Override
      public int pageFreeCounter(int page) {
        return super.pageFreeCounter(page) - (page == 1 ? 1 : 0);
      }
    };
    assertThat(firstFailure(Geometry.KERNEL, pageOneLow,
        List.of(Op.setPidMax(65536), Op.setLast(32767), Op.alloc()))).isEqualTo(
        "3: invariant PIDMAP-2 failed: page 1 has free counter 32766 but 1 of 32768 bits set");
  }

  @Test
  void onASmallGeometryARefusedStepMustLeaveTheWholeSetAlone() {
    AllocatorFactory inventsOnRefusal = (g, p) -> new ForwardingAllocator(g, p) {
      private boolean refused;

      @Override
      public void free(int pid) {
        try {
          super.free(pid);
        } catch (PidmapException e) {
          refused = true;
          throw e;
        }
      }

      @Override
      public BitSet allocated() {
        BitSet s = super.allocated();
        if (refused) {
          s.set(9);
        }
        return s;
      }
    };
    assertThat(firstFailure(Geometry.small(4, 2, 14), inventsOnRefusal, List.of(Op.free(9))))
        .isEqualTo("1: invariant INPUT-1 failed: the input was refused but the state changed");
  }
}
