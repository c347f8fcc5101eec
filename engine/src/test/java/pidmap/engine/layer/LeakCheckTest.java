package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/**
 * The leak check (LEAK-1) can fail: a reference leaked on purpose here, outside the checker's
 * ledger, is still there after the teardown, and the check says where. The same run without the
 * leak passes, so it is the leak that is caught.
 */
@Checks({Invariant.PID_3, Invariant.NS_2, Invariant.REF_1, Invariant.LEAK_1})
class LeakCheckTest {

  /** Runs fork t1 (with CLONE_NEWPID when asked), then {@code leak}, then the teardown. */
  private static String leakCheck(Function<LayerConfig, PidLayer> layer, long flags,
      Consumer<LayerDriver> leak) {
    LayerDriver d = Layers.driver(layer, Layers.small(), LayerOp.fork(1, "t0", flags));
    leak.accept(d);
    List<LayerOp> teardown = d.teardownOps();
    for (LayerOp op : teardown) {
      assertThat(d.apply(op)).doesNotStartWith("refused");
    }
    assertThat(d.afterTeardown).as("the last teardown op is the leak check").isTrue();
    return LayerInvariants.NOTHING_LEAKED.check(
        new DriverStep(d, teardown.get(teardown.size() - 1), "checked", true));
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aCleanRunPassesTheLeakCheck(Function<LayerConfig, PidLayer> layer) {
    assertThat(leakCheck(layer, 0, d -> { })).isNull();
    assertThat(leakCheck(layer, CloneFlags.CLONE_NEWPID, d -> { })).isNull();
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aLeakedPidReferenceIsCaught(Function<LayerConfig, PidLayer> layer) {
    String v = leakCheck(layer, 0,
        d -> d.layer.getTaskPid(d.symbols.require("t1", Task.class), PidType.PID));
    assertThat(v).isEqualTo(
        "invariant LEAK-1 failed: cache pid_1 still has 1 live objects");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aLeakedNamespaceReferenceIsCaught(Function<LayerConfig, PidLayer> layer) {
    String v = leakCheck(layer, CloneFlags.CLONE_NEWPID,
        d -> d.layer.getPidNs(d.symbols.require("n1", PidNs.class)));
    assertThat(v).isEqualTo("invariant LEAK-1 failed: 1 namespaces are still live");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aReferenceLeakedByANestedPidKeepsItsWholeNamespaceChain(
      Function<LayerConfig, PidLayer> layer) {
    String v = leakCheck(layer, CloneFlags.CLONE_NEWPID, d -> {
      Pid p = d.symbols.require("p1", Pid.class);
      d.layer.getPid(p);
    });
    assertThat(v).isEqualTo("invariant LEAK-1 failed: cache pid_2 still has 1 live objects");
  }

  /** Through the engine: a layer that swallows one put_pid is caught and shrunk. */
  @Test
  void theEngineCatchesALayerThatLeaksOnePut() {
    Function<LayerConfig, PidLayer> leaky = c -> new ForwardingPidLayer(new ImplPidLayer(c)) {
      private boolean leaked;

      @Override
      public void putPid(Pid pid) {
        if (!leaked && pid != null && !pid.released()) {
          leaked = true; // the one put that never happens
          return;
        }
        delegate.putPid(pid);
      }
    };
    List<LayerOp> trace = List.of(
        LayerOp.fork(1, "t0", 0),
        LayerOp.tasks(LayerOp.Kind.GET_TASK_PID, "t1", null, PidType.PID),
        LayerOp.pid(LayerOp.Kind.PUT_PID, "p1", null),
        LayerOp.of(LayerOp.Kind.TEARDOWN));
    LayerEngine.Result r = LayerEngine.run(Layers.small(), leaky, trace);
    assertThat(r.ok()).isFalse();
    assertThat(r.failure().side()).isEqualTo("impl");
    assertThat(r.failure().invariant()).isEqualTo("REF-1");
    assertThat(r.failure().step()).isEqualTo("3");
    assertThat(LayerEngine.run(Layers.small(), ImplPidLayer::new, trace).ok()).isTrue();
  }
}
