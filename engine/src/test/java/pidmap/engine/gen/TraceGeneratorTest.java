package pidmap.engine.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.engine.Apply;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

class TraceGeneratorTest {

  private static final Profile SEED = Profile.LINUX_2_6_24;

  static List<Geometry> geometries() {
    return List.of(Geometry.KERNEL, Geometry.small(4, 2, 14), Geometry.small(8, 3, 21),
        Geometry.small(64, 10, 200));
  }

  @Test
  void theSameSeedGivesTheSameTrace() {
    Geometry g = Geometry.small(8, 3, 21);
    assertThat(TraceGenerator.generate(g, SEED, 42, 500))
        .isEqualTo(TraceGenerator.generate(g, SEED, 42, 500));
  }

  @Test
  void differentSeedsGiveDifferentTraces() {
    Geometry g = Geometry.small(8, 3, 21);
    assertThat(TraceGenerator.generate(g, SEED, 42, 200))
        .isNotEqualTo(TraceGenerator.generate(g, SEED, 43, 200));
  }

  @Test
  void aShorterTraceIsAPrefixOfALongerOne() {
    Geometry g = Geometry.KERNEL;
    assertThat(TraceGenerator.generate(g, SEED, 7, 1000))
        .startsWith(TraceGenerator.generate(g, SEED, 7, 300).toArray(new Op[0]));
  }

  /**
   * A fill to a page edge on the kernel's geometry takes about 32,500 allocs: with a budget for
   * it, pid_max goes just above 32768 and the map is filled across the edge until alloc fails;
   * with the default budget the move falls back to a short fill below one page.
   */
  @Test
  void aPageEdgeFillOnTheKernelGeometryExhaustsAbove32768OnlyWithTheBudgetForIt() {
    Map<Move, Integer> onlyEdgeFills = new EnumMap<>(Move.class);
    onlyEdgeFills.put(Move.FILL_AT_A_PAGE_EDGE, 1);
    ModelPidAllocator m = new ModelPidAllocator(Geometry.KERNEL, SEED);
    List<Op> ops = new TraceGenerator(Geometry.KERNEL, SEED, 3, onlyEdgeFills, 40_000)
        .generate(33_000);
    int exhaustedAbove = 0;
    for (Op op : ops) {
      int max = m.pidMax();
      Outcome o = Apply.run(op, m);
      if (o.kind() == Outcome.Kind.ERRNO && max > 32768) {
        exhaustedAbove++;
      }
    }
    assertThat(exhaustedAbove).isPositive();
    assertThat(m.allocated().get(32767)).isTrue();
    assertThat(m.allocated().get(32768)).isTrue();

    List<Op> short1 = new TraceGenerator(Geometry.KERNEL, SEED, 3, onlyEdgeFills).generate(2000);
    assertThat(short1).noneMatch(op -> op.kind() == Op.Kind.SET_PID_MAX && op.arg() > 32768);
  }

  @Test
  void aMixWithOnlyAllocsEmitsOnlyAllocs() {
    Map<Move, Integer> onlyAlloc = new EnumMap<>(Move.class);
    onlyAlloc.put(Move.ALLOC, 1);
    List<Op> ops = new TraceGenerator(Geometry.KERNEL, SEED, 1, onlyAlloc).generate(50);
    assertThat(ops).containsOnly(Op.alloc());
  }

  @Test
  void theDefaultWeightsAddUpToOneHundred() {
    assertThat(Move.totalDefaultWeight()).isEqualTo(100);
  }

  @Test
  void aMixOfZeroWeightsIsRefused() {
    assertThatThrownBy(() -> new TraceGenerator(Geometry.KERNEL, SEED, 1, Map.of()))
        .hasMessage("weights: all zero (expected: at least one > 0)");
  }

  /** Over 30 traces of 1000 steps, every interesting state is reached at least ten times. */
  @ParameterizedTest
  @MethodSource("geometries")
  void tracesReachTheInterestingStates(Geometry g) {
    Map<String, Integer> seen = new TreeMap<>();
    for (long seed = 0; seed < 30; seed++) {
      Coverage.count(g, SEED, TraceGenerator.generate(g, SEED, seed, 1000), seen);
    }
    System.out.println("coverage on " + g.label() + ": " + seen);
    assertThat(seen).containsOnlyKeys(Coverage.EVENTS);
    assertThat(seen.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
  }

  /** Classifies steps of a trace by the interesting state they reach, replaying on the model. */
  static final class Coverage {
    static final List<String> EVENTS = List.of(
        "alloc at exhaustion", "alloc fails with a free pid left (seed quirk)",
        "alloc hands out the pid just freed", "alloc wraps to reserved",
        "alloc takes the first pid of a page", "set_pid_max below a live pid",
        "set_last to 0", "set_last to reserved-1", "set_last to reserved",
        "set_last to pid_max-1", "set_last to pid_max", "set_last near a page edge",
        "free of a held pid", "free refused", "free of pid 0", "set_last refused",
        "set_pid_max refused", "next refused", "next finds a pid at or above pid_max",
        "next finds none");

    static void count(Geometry g, Profile p, List<Op> ops, Map<String, Integer> seen) {
      ModelPidAllocator m = new ModelPidAllocator(g, p);
      int r = g.reservedPids();
      int b = g.bitsPerPage();
      long lastFreed = -1;
      for (Op op : ops) {
        int last = m.lastPid();
        int max = m.pidMax();
        int maxHeld = op.kind() == Op.Kind.SET_PID_MAX ? m.allocated().length() - 1 : 0;
        Outcome o = Apply.run(op, m);
        boolean ok = o.kind() != Outcome.Kind.REFUSED;
        switch (op.kind()) {
          case ALLOC:
            if (o.kind() == Outcome.Kind.ERRNO) {
              hit(seen, "alloc at exhaustion");
              if (m.allocated().get(r, max).cardinality() < max - r) {
                hit(seen, "alloc fails with a free pid left (seed quirk)");
              }
            } else {
              if (o.pid() == lastFreed) {
                hit(seen, "alloc hands out the pid just freed");
              }
              if (o.pid() == r && last >= r) {
                hit(seen, "alloc wraps to reserved");
              }
              if (o.pid() % b == 0) {
                hit(seen, "alloc takes the first pid of a page");
              }
            }
            break;
          case FREE:
            if (op.arg() == 0) {
              hit(seen, "free of pid 0");
            } else {
              hit(seen, ok ? "free of a held pid" : "free refused");
            }
            break;
          case NEXT:
            if (!ok) {
              hit(seen, "next refused");
            } else if (o.pid() == -1) {
              hit(seen, "next finds none");
            } else if (o.pid() >= max) {
              hit(seen, "next finds a pid at or above pid_max");
            }
            break;
          case SET_LAST: {
            long v = op.arg();
            if (!ok) {
              hit(seen, "set_last refused");
            } else {
              if (v == 0) {
                hit(seen, "set_last to 0");
              }
              if (v == r - 1) {
                hit(seen, "set_last to reserved-1");
              }
              if (v == r) {
                hit(seen, "set_last to reserved");
              }
              if (v == max - 1) {
                hit(seen, "set_last to pid_max-1");
              }
              if (v == max) {
                hit(seen, "set_last to pid_max");
              }
              long toEdge = Math.floorMod(v + 2, b);
              if (v >= b - 2 && toEdge <= 3) {
                hit(seen, "set_last near a page edge");
              }
            }
            break;
          }
          case SET_PID_MAX:
            if (!ok) {
              hit(seen, "set_pid_max refused");
            } else if (op.arg() <= maxHeld) {
              hit(seen, "set_pid_max below a live pid");
            }
            break;
          default:
            throw new AssertionError(op);
        }
        lastFreed = op.kind() == Op.Kind.FREE && ok ? op.arg() : -1;
      }
    }

    private static void hit(Map<String, Integer> seen, String event) {
      seen.merge(event, 1, Integer::sum);
    }
  }
}
