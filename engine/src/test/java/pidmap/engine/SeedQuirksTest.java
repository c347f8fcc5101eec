package pidmap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pidmap.spec.Checks;
import pidmap.spec.Geometry;
import pidmap.spec.Invariant;
import pidmap.spec.Profile;
import pidmap.trace.Expect;
import pidmap.trace.Op;

/**
 * The seed's quirks, as traces with expected answers, run through the engine (model and impl in
 * lockstep, every invariant checked). Seed: pid.c lines 124-182; the rule is written out in
 * {@code pidmap.model.SeedSearchRule}.
 */
@Checks(Invariant.ALLOC_2)
class SeedQuirksTest {

  /** A trace under construction: operations with the answer Linux 2.6.24 gives. */
  private static final class Trace {
    private final DifferentialEngine engine;
    private final List<String> log = new ArrayList<>();

    Trace(Geometry g) {
      engine = new DifferentialEngine(g, Profile.LINUX_2_6_24);
    }

    Trace run(Op op, Expect expect) {
      StepResult r = engine.step(op, expect);
      log.add(r.toString());
      assertThat(r.ok()).as("%s%n%s", r, String.join("\n", log)).isTrue();
      return this;
    }

    Trace expect(Op op, int pid) {
      return run(op, Expect.pid(pid));
    }

    Trace expect(Op op, String name) {
      return run(op, Expect.named(name));
    }

    Trace allocAll(int count) {
      for (int i = 0; i < count; i++) {
        run(Op.alloc(), null);
      }
      return this;
    }
  }

  private static Geometry kernelWithPidMax(int pidMax) {
    return new Geometry(32768, 300, Geometry.MAX_PID_MAX_LIMIT, pidMax);
  }

  @Test
  void freshNamespaceHandsOutOneFirst() {
    new Trace(Geometry.KERNEL).expect(Op.alloc(), 1).expect(Op.alloc(), 2);
  }

  @Test
  void lastPidAtReservedGivesUpAtTheWrapEvenThoughReservedIsFree() {
    new Trace(kernelWithPidMax(302))
        .expect(Op.setLast(300), "ok")
        .expect(Op.alloc(), 301)
        .expect(Op.setLast(300), "ok")
        .expect(Op.alloc(), "ENOMEM");
  }

  @Test
  void freedLastPidIsNotHandedOutAgainInsideAPage() {
    new Trace(kernelWithPidMax(400))
        .allocAll(399)
        .expect(Op.free(350), "ok")
        .expect(Op.alloc(), 350)
        .expect(Op.free(350), "ok")
        .expect(Op.alloc(), "ENOMEM");
  }

  @Test
  void crossingAPageEdgeAndWrappingToReserved() {
    new Trace(kernelWithPidMax(32769))
        .expect(Op.setLast(32766), "ok")
        .expect(Op.alloc(), 32767)
        .expect(Op.alloc(), 32768)
        .expect(Op.alloc(), 300);
  }

  @Test
  void theWrapSkipsPidsBelowReserved() {
    // 4 pids per page, 2 reserved, pid_max 14: after the wrap, 1 is never tried again
    new Trace(Geometry.small(4, 2, 14))
        .allocAll(13)
        .expect(Op.free(1), "ok")
        .expect(Op.alloc(), "ENOMEM")
        .expect(Op.free(5), "ok")
        .expect(Op.alloc(), 5);
  }

  /**
   * Everything taken but last_pid, which was just freed: handed out again exactly when
   * L > RESERVED and L starts a page or L+1 does, or L = pid_max - 1 (SeedSearchRule).
   */
  @ParameterizedTest(name = "last_pid {0}: {1}")
  @CsvSource({
    "1, ENOMEM", // below RESERVED: the forward range starts above it, the wrap starts at 2
    "2, ENOMEM", // = RESERVED: the loop gives up at the wrap
    "3, 3", // L+1 = 4 starts page 1: the last pass is the whole of page 0 from 2
    "4, 4", // starts page 1: the last pass probes offset 0 before checking the bound
    "5, ENOMEM",
    "6, ENOMEM",
    "7, 7",
    "8, 8",
    "9, ENOMEM",
    "11, 11",
    "12, 12",
    "13, 13", // = pid_max - 1: the search starts wrapped, at RESERVED, and runs to pid_max
  })
  void whenAFreedLastPidComesBack(int last, String answer) {
    Trace t = new Trace(Geometry.small(4, 2, 14)).allocAll(13);
    t.expect(Op.setLast(last), "ok").expect(Op.free(last), "ok");
    if (answer.equals("ENOMEM")) {
      t.expect(Op.alloc(), "ENOMEM");
    } else {
      t.expect(Op.alloc(), Integer.parseInt(answer));
    }
  }

  @Test
  void loweredPidMaxLeavesLivePidsAboveItAndNextStillSeesThem() {
    new Trace(Geometry.small(8, 3, 21))
        .allocAll(20)
        .expect(Op.setPidMax(10), "ok")
        .expect(Op.next(15), 16)
        .expect(Op.free(5), "ok")
        .expect(Op.alloc(), 5)
        .expect(Op.alloc(), "ENOMEM")
        .expect(Op.free(18), "ok")
        .expect(Op.alloc(), "ENOMEM")
        .expect(Op.setPidMax(21), "ok")
        .expect(Op.alloc(), 18);
  }

  @Test
  void nextWalksAcrossPagesAndEndsWithMinusOne() {
    new Trace(Geometry.small(4, 2, 14))
        .expect(Op.setLast(9), "ok")
        .expect(Op.alloc(), 10)
        .expect(Op.next(0), 10)
        .expect(Op.next(10), -1)
        .expect(Op.next(15), -1);
  }
}
