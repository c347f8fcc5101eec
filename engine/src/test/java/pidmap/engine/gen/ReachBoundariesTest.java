package pidmap.engine.gen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.spec.Geometry;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * Reach's counts on hand-built steps exactly at their boundaries: an exhaustion at pid_max of
 * exactly one page, a pid handed out at the first pid of the page after last_pid's, and pid 0
 * answered from last_pid 0.
 */
class ReachBoundariesTest {

  private static final Geometry G = Geometry.small(8, 2, 32); // four pages of eight pids

  @Test
  void anExhaustionAtAPidMaxOfExactlyOnePageIsNotAboveOnePage() {
    Reach r = new Reach();
    r.count(G, 5, 8, Op.alloc(), Outcome.errno("EAGAIN"));
    assertThat(r.exhaustions()).isEqualTo(1);
    assertThat(r.exhaustionsAboveOnePage()).isZero();
    r.count(G, 5, 9, Op.alloc(), Outcome.errno("EAGAIN"));
    assertThat(r.exhaustions()).isEqualTo(2);
    assertThat(r.exhaustionsAboveOnePage()).isEqualTo(1);
  }

  @Test
  void thePidAfterTheLastOfAPageIsOnTheNextPageWithoutCrossingAnEdge() {
    Reach r = new Reach();
    r.count(G, 7, 32, Op.alloc(), Outcome.pid(8)); // L+1 = 8 is already on page 1
    assertThat(r.pageEdgesCrossed()).isZero();
    assertThat(r.wraps()).isZero();
    r.count(G, 6, 32, Op.alloc(), Outcome.pid(8)); // L+1 = 7 is on page 0
    assertThat(r.pageEdgesCrossed()).isEqualTo(1);
  }

  @Test
  void pidZeroFromLastPidZeroIsNoReuseOfLastPid() {
    Reach r = new Reach();
    r.count(G, 0, 32, Op.alloc(), Outcome.pid(0));
    assertThat(r.lastPidReusedAtPageEdge()).isZero();
    assertThat(r.wraps()).isEqualTo(1);
    r.count(G, 8, 32, Op.alloc(), Outcome.pid(8));
    assertThat(r.lastPidReusedAtPageEdge()).isEqualTo(1);
  }

  @Test
  void lastPidAtTheLimitCountsItsOwnPageNotTheOneBeyond() {
    Reach r = new Reach();
    // L = pid_max_limit - 1 = 31: L+1 is past the last page, so L's own page (3) is the one
    r.count(G, 31, 32, Op.alloc(), Outcome.pid(28)); // wrapped, and found on page 3 again
    assertThat(r.wraps()).isEqualTo(1);
    assertThat(r.pageEdgesCrossed()).isZero();
    r.count(G, 31, 32, Op.alloc(), Outcome.pid(2)); // wrapped to page 0
    assertThat(r.pageEdgesCrossed()).isEqualTo(1);
  }
}
