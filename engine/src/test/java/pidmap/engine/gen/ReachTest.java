package pidmap.engine.gen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.spec.Geometry;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/** What a campaign row says it reached, counted by hand on a small geometry (4 pids a page). */
class ReachTest {

  private static final Geometry G = Geometry.small(4, 2, 14);

  @Test
  void eachAllocIsCountedForWhatItReached() {
    Reach r = new Reach();
    r.count(G, 0, 14, Op.alloc(), Outcome.pid(1)); // nothing special
    r.count(G, 2, 14, Op.alloc(), Outcome.pid(4)); // crosses from page 0 (start 3) to page 1
    r.count(G, 13, 14, Op.alloc(), Outcome.pid(2)); // wraps: at or below last_pid
    r.count(G, 7, 14, Op.alloc(), Outcome.pid(7)); // 7 = last of page 1: reused, wraps, crosses
    r.count(G, 6, 14, Op.alloc(), Outcome.pid(6)); // reused but not at an edge; a wrap
    r.count(G, 5, 14, Op.alloc(), Outcome.errno("ENOMEM")); // exhausted above one page
    r.count(G, 2, 3, Op.alloc(), Outcome.errno("ENOMEM")); // exhausted within page 0
    r.count(G, 2, 14, Op.free(3), Outcome.ok()); // not an alloc: nothing
    r.count(G, 2, 14, Op.alloc(), Outcome.refused("x")); // not an answer: nothing

    assertThat(r.wraps()).isEqualTo(3);
    assertThat(r.exhaustions()).isEqualTo(2);
    assertThat(r.exhaustionsAboveOnePage()).isEqualTo(1);
    assertThat(r.pageEdgesCrossed()).isEqualTo(3);
    assertThat(r.lastPidReusedAtPageEdge()).isEqualTo(1);
    assertThat(r).hasToString("wraps 3, exhaustions 2 (1 above one page), page edges crossed 3,"
        + " last_pid reused at a page edge 1");
  }

  @Test
  void lastPidAtTheFirstPidOfAPageCountsAsAnEdgeToo() {
    Reach r = new Reach();
    r.count(G, 8, 14, Op.alloc(), Outcome.pid(8));
    assertThat(r.lastPidReusedAtPageEdge()).isEqualTo(1);
    assertThat(r.pageEdgesCrossed()).as("8 and 9 share page 2").isZero();
  }

  @Test
  void countsAddUp() {
    Reach a = new Reach();
    a.count(G, 13, 14, Op.alloc(), Outcome.pid(2));
    Reach b = new Reach();
    b.count(G, 5, 14, Op.alloc(), Outcome.errno("ENOMEM"));
    b.count(G, 3, 14, Op.alloc(), Outcome.pid(3));
    a.add(b);
    assertThat(a.asMap()).containsExactly(
        java.util.Map.entry("wraps", 2L), java.util.Map.entry("exhaustions", 1L),
        java.util.Map.entry("exhaustions above one page", 1L),
        java.util.Map.entry("page edges crossed", 2L),
        java.util.Map.entry("last_pid reused at a page edge", 1L));
  }
}
