package pidmap.engine.edges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.engine.broken.ForwardingAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Expect;
import pidmap.trace.Op;

/**
 * Two ways the engine fails a run that the property tests never show it: a trace whose expect
 * is wrong, and a whole-state difference that only the full comparison sees.
 */
class EngineCatchesTest {

  private static final Profile SEED = Profile.LINUX_2_6_24;

  @Test
  void aWrongExpectFailsTheStep() {
    DifferentialEngine e = new DifferentialEngine(Geometry.small(4, 2, 14), SEED);
    assertThat(e.step(Op.alloc(), Expect.pid(1)).ok()).isTrue();
    StepResult r = e.step(Op.alloc(), Expect.pid(3));
    assertThat(r.failure().kind()).isEqualTo(StepResult.Failure.Kind.EXPECT);
    assertThat(r.failure().message()).isEqualTo(
        "expected " + Expect.pid(3) + " but the reference (linux-2.6.24) answers 2");
  }

  @Test
  void eachKindOfExpectMustMatchItsKindOfAnswer() {
    Geometry g = Geometry.small(4, 2, 14);
    assertThat(new DifferentialEngine(g, SEED).step(Op.free(5), Expect.named("ok")).ok())
        .as("a refused free is not ok").isFalse();
    assertThat(new DifferentialEngine(g, SEED).step(Op.free(5), Expect.named("EINVAL")).ok())
        .isTrue();
    assertThat(new DifferentialEngine(g, SEED).step(Op.setLast(3), Expect.named("EINVAL")).ok())
        .as("an accepted set_last is not refused").isFalse();
    assertThat(new DifferentialEngine(g, SEED).step(Op.alloc(), Expect.named("ENOMEM")).ok())
        .as("a pid is not an errno").isFalse();
  }

  @Test
  void theFullComparisonSeesADifferenceAnywhereOnTheKernelGeometry() {
    DifferentialEngine honest = new DifferentialEngine(Geometry.KERNEL, SEED);
    assertThat(honest.checkFully()).isNull();
    DifferentialEngine lying = new DifferentialEngine(Geometry.KERNEL, SEED,
        (g, p) -> new ForwardingAllocator(g, p) {
          @Override
          public BitSet allocated() {
            BitSet s = impl.allocated();
            s.set(5000); // a pid no step touches
            return s;
          }
        });
    StepResult.Failure f = lying.checkFully();
    assertThat(f).isNotNull();
    assertThat(f.kind()).isEqualTo(StepResult.Failure.Kind.DIVERGENCE);
    assertThat(f.message()).contains("pid 5000 is ");
  }
}
