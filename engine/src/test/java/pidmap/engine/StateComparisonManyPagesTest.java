package pidmap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import pidmap.engine.broken.ForwardingAllocator;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * The comparison at the edge of its counter array (every counter watched up to exactly 4096
 * pages; above that only the touched page's, and every page's at a full comparison) and at pid 0,
 * the one pid a refused step can name: each time against the impl with one inspection answer
 * changed.
 */
class StateComparisonManyPagesTest {

  private static final Profile SEED = Profile.LINUX_2_6_24;
  /** 4096 pages of four pids: the most whose counters are all watched after every step. */
  private static final Geometry PAGES_4096 = Geometry.small(4, 2, 4 * 4096);
  /** 5000 pages of four pids: only the touched page's counter is compared after a step. */
  private static final Geometry PAGES_5000 = Geometry.small(4, 2, 4 * 5000);

  /** The impl with page {@code counterPage}'s counter one low, and pid 0's bit as told. */
  private static final class Lying extends ForwardingAllocator {
    int counterPage = -1;
    boolean pidZeroFree;

    Lying(Geometry g) {
      super(g, SEED);
    }

    @Override
    public int pageFreeCounter(int page) {
      return super.pageFreeCounter(page) - (page == counterPage ? 1 : 0);
    }

    @Override
    public boolean isAllocated(int pid) {
      return (pid != 0 || !pidZeroFree) && super.isAllocated(pid);
    }
  }

  private static String afterAlloc(Geometry g, Lying candidate, int lieOnPage) {
    ModelPidAllocator model = new ModelPidAllocator(g, SEED);
    StateComparison c = new StateComparison(model, candidate, true);
    candidate.counterPage = lieOnPage; // after the comparison read the counters
    model.alloc();
    return c.afterStep(Op.alloc(), Outcome.pid(candidate.alloc()), new BitSet());
  }

  @Test
  void atExactly4096PagesAnUntouchedPagesCounterIsWatched() {
    assertThat(afterAlloc(PAGES_4096, new Lying(PAGES_4096), 7)).isEqualTo(
        "page 7's free counter went from 4 to 3 in the impl, but alloc answering 1 makes it 4");
  }

  @Test
  void above4096PagesTheTouchedPagesCounterIsHeldToTheModel() {
    assertThat(afterAlloc(PAGES_5000, new Lying(PAGES_5000), 0))
        .isEqualTo("page 0's free counter is 2 in the model but 1 in the impl");
    assertThat(afterAlloc(PAGES_5000, new Lying(PAGES_5000), -1)).isNull();
  }

  @Test
  void above4096PagesAnUntouchedCounterWaitsForTheFullComparison() {
    ModelPidAllocator model = new ModelPidAllocator(PAGES_5000, SEED);
    Lying candidate = new Lying(PAGES_5000);
    StateComparison c = new StateComparison(model, candidate, true);
    assertThat(c.fully()).isNull();
    candidate.counterPage = 7;
    assertThat(c.afterStep(Op.next(0), Outcome.pid(-1), new BitSet())).isNull();
    assertThat(c.fully()).isEqualTo("page 7's free counter is 4 in the model but 3 in the impl");
  }

  @Test
  void aRefusedFreeOfPidZeroComparesPageZerosCounter() {
    ModelPidAllocator model = new ModelPidAllocator(PAGES_5000, SEED);
    Lying candidate = new Lying(PAGES_5000);
    StateComparison c = new StateComparison(model, candidate, true);
    candidate.counterPage = 0;
    assertThat(c.afterStep(Op.free(0), Outcome.refused("pid: 0"), new BitSet()))
        .isEqualTo("page 0's free counter is 3 in the model but 2 in the impl");
  }

  @Test
  void aRefusedFreeOfPidZeroComparesPidZerosBit() {
    Geometry small = Geometry.small(4, 2, 14);
    ModelPidAllocator model = new ModelPidAllocator(small, SEED);
    Lying candidate = new Lying(small);
    StateComparison c = new StateComparison(model, candidate, true);
    candidate.pidZeroFree = true;
    assertThat(c.afterStep(Op.free(0), Outcome.refused("pid: 0"), new BitSet()))
        .isEqualTo("pid 0 is allocated in the model but free in the impl");
  }
}
