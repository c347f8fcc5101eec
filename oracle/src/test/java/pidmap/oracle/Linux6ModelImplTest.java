package pidmap.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * The linux-6 rule on the impl's bitmap pages equals the model's ranges on small geometries,
 * where page edges, the floor, wrap-around and exhaustion come every few steps: random traces
 * through the differential engine, every step and every invariant checked.
 */
class Linux6ModelImplTest {

  static Stream<Arguments> geometries() {
    return Stream.of(
        Arguments.of(new Geometry(4, 2, 16, 14)),
        Arguments.of(new Geometry(4, 1, 12, 12)),
        Arguments.of(new Geometry(4, 3, 20, 9)),
        Arguments.of(new Geometry(8, 5, 40, 24)),
        Arguments.of(new Geometry(64, 10, 256, 130)));
  }

  @ParameterizedTest
  @MethodSource("geometries")
  void implFollowsTheLinux6ModelOnRandomTraces(Geometry g) {
    for (long seed = 0; seed < 100; seed++) {
      Random rnd = new Random(seed);
      DifferentialEngine e = new DifferentialEngine(g, Profile.LINUX_6);
      for (int i = 0; i < 300; i++) {
        Op op = nextOp(e, rnd);
        StepResult r = e.step(op, null);
        assertThat(r.ok()).as("%s, seed %d: %s", g.label(), seed, r).isTrue();
      }
    }
  }

  private static Op nextOp(DifferentialEngine e, Random rnd) {
    Geometry g = e.geometry();
    int pidMax = e.model().pidMax();
    int r = rnd.nextInt(100);
    if (r < 45) {
      return Op.alloc();
    }
    if (r < 75) {
      BitSet held = e.model().allocated();
      held.clear(0);
      int n = held.cardinality();
      if (n == 0) {
        return Op.alloc();
      }
      int pick = held.nextSetBit(0);
      for (int k = rnd.nextInt(n); k > 0; k--) {
        pick = held.nextSetBit(pick + 1);
      }
      return Op.free(pick);
    }
    if (r < 87) {
      return Op.setLast(rnd.nextInt(20) == 0 ? pidMax + 1 : rnd.nextInt(pidMax + 1));
    }
    if (r < 93) {
      return Op.setPidMax(rnd.nextInt(20) == 0 ? g.pidMaxMin() - 1
          : g.pidMaxMin() + rnd.nextInt(g.pidMaxLimit() - g.pidMaxMin() + 1));
    }
    if (r < 98) {
      return Op.next(rnd.nextInt(g.pidMaxLimit()));
    }
    return Op.free(rnd.nextInt(g.pidMaxLimit())); // usually refused: free or pid 0
  }
}
