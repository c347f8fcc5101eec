package pidmap.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.spec.CatchesTwin;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * The kernel-geometry "fills to page edges" rows catch a bug that no other differential row can:
 * an allocator that counts its live pids in 16 bits goes wrong only once 32767 pids are taken at
 * once, which the small geometries cannot hold and the plain kernel-geometry row's short traces
 * (1,000 steps) never reach.
 */
class FillsRowCatchesALiveCountIn16BitsTest {

  /** The kernel geometry's "fills to page edges" row, as verify builds it, on the twin. */
  private static DifferentialCheck fills(Profile p) {
    return new DifferentialCheck(Geometry.KERNEL, p, 1, Effort.EDGE_STEPS, 42,
        CountIn16Bits::new, Effort.EDGE_STEPS);
  }

  private static long allocs(String jsonLines) {
    return jsonLines.lines().filter(l -> l.contains("\"op\":\"alloc\"")).count();
  }

  @Test
  @CatchesTwin(check = DifferentialCheck.class, twin = CountIn16Bits.class)
  void theFillsRowsCatchALiveCountKeptIn16Bits() {
    // one profile: each run shrinks a failing prefix of about 33,000 steps
    DifferentialCheck check = fills(Profile.LINUX_2_6_24);
    assertThat(check.target()).contains("fills to page edges");
    CheckResult r = check.run(Progress.silent());
    assertThat(r.passed()).isFalse();
    assertThat(allocs(r.failure().jsonLines())).as("the shrunk trace holds 32767 pids at once")
        .isGreaterThanOrEqualTo(Short.MAX_VALUE);
  }

  @Test
  void theOtherDifferentialRowsCannotSeeIt() {
    for (Profile p : Profile.values()) {
      CheckResult plain = new DifferentialCheck(Geometry.KERNEL, p, 20, 1000, 42,
          CountIn16Bits::new).run(Progress.silent());
      assertThat(plain.passed()).as("kernel geometry, pid_max 32768, %s: %s", p,
          plain.failure() == null ? "" : plain.failure().jsonLines()).isTrue();
      assertThat(new DifferentialCheck(Geometry.small(64, 10, 200), p, 20, 1000, 42,
          CountIn16Bits::new).run(Progress.silent()).passed()).as("64/10/256, %s", p)
          .isTrue();
    }
  }
}
