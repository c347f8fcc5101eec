package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.KernelErrno;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.trace.layer.LayerOp;
import pidmap.trace.layer.LayerOp.Kind;

/**
 * A fork into a namespace whose init has exited while an outer level has no room: the 6.18
 * kernel answers EAGAIN, not ENOMEM (found by the process-level lockstep: alloc_pid takes a
 * number at every level first and checks PIDNS_ADDING only after its loop). With room it is
 * ENOMEM. Model and impl; the broken twin {@link DeadBeforeTheLevels} (the layer before this
 * fix answered ENOMEM whenever the namespace was dead) fails the same scenario.
 */
class DeadNamespaceUnderAFullRootTest {

  /** alloc_pid that refuses a dead namespace before it tries any level. */
  static final class DeadBeforeTheLevels extends ForwardingPidLayer {
    DeadBeforeTheLevels(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public Pid allocPid(PidNs ns, int[] setTid) {
      if (!ns.allocating()) {
        throw new KernelErrno("ENOMEM", "dead, before any level");
      }
      return delegate.allocPid(ns, setTid);
    }
  }

  private static final List<String> KERNEL = List.of("t1 1", "t2 2/1", "t3 3", "ok", "ok", "ok",
      "EAGAIN", "ok", "ENOMEM");

  private static List<String> scenario(Function<LayerConfig, PidLayer> layer) {
    return ZombiesAndReapingTest.run(layer, ZombiesAndReapingTest.LINUX_6,
        LayerOp.fork(1, "t0", 0),
        LayerOp.fork(2, "t1", CloneFlags.CLONE_NEWPID), // n2's init
        LayerOp.fork(3, "t1", 0),
        LayerOp.task(Kind.EXIT, "t2"), // n2 is dead; t2 a zombie holding 2
        LayerOp.setns("t3", "n2"), // t3's children would be born in n2
        LayerOp.ns(Kind.SET_PID_MAX, "n0", 4), // the root holds 0..3: full
        LayerOp.fork(4, "t3", 0),
        LayerOp.ns(Kind.SET_PID_MAX, "n0", 16),
        LayerOp.fork(6, "t3", 0));
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aFullOuterLevelAnswersEagainBeforeTheDeadNamespacesEnomem(
      Function<LayerConfig, PidLayer> layer) {
    assertThat(scenario(layer)).isEqualTo(KERNEL);
  }

  @Test
  void theTwinThatAnswersEnomemFirstFailsIt() {
    assertThat(scenario(DeadBeforeTheLevels::new)).isNotEqualTo(KERNEL)
        .element(6).isEqualTo("ENOMEM");
  }
}
