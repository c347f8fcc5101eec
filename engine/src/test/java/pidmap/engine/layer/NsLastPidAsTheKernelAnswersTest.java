package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.trace.layer.LayerOp;

/**
 * A task's write of ns_last_pid, as the running kernel (6.18) answered it in fresh pid
 * namespaces (docs/PID_LAYER.md): it lands in the writer's active namespace, also after an
 * unshare; the range is [0, that namespace's own pid_max]; the next fork there searches from the
 * value + 1 and wraps past pid_max; linux-2.6.24 has no such file. Model and impl; and the two
 * broken twins of {@link NsLastPidTwins}, caught by the model-vs-impl engine on generated traces.
 */
class NsLastPidAsTheKernelAnswersTest {
  private static final LayerConfig LINUX_6 = ZombiesAndReapingTest.LINUX_6;
  private static final LayerConfig SEED =
      new LayerConfig(Layers.SMALL, Profile.LINUX_2_6_24, 0, List.of());

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aWriteMovesTheWritersActiveNamespaceOnlyWithinItsOwnPidMax(
      Function<LayerConfig, PidLayer> layer) {
    long newpid = CloneFlags.CLONE_NEWPID;
    LayerDriver d = new LayerDriver(layer.apply(LINUX_6));
    List<String> out = new java.util.ArrayList<>();
    for (LayerOp op : List.of(
        LayerOp.fork(1, "t0", 0),
        LayerOp.fork(2, "t1", newpid), // n2's init: 2/1
        LayerOp.setLastPid("t2", 5), // n2 only
        LayerOp.fork(3, "t2", 0), // root 3, n2 6
        LayerOp.setLastPid("t2", 16), // n2's own pid_max: taken, the next search wraps
        LayerOp.fork(4, "t2", 0), // root 4, n2 from the reserved 2
        LayerOp.setLastPid("t2", 17), // one past pid_max
        LayerOp.setLastPid("t2", -1),
        LayerOp.setLastPid("t1", 9), // the root's
        LayerOp.fork(5, "t1", 0),
        LayerOp.unshare(6, "t1", newpid), // t1's children are born in n6 now
        LayerOp.setLastPid("t1", 12), // still t1's active namespace, the root
        LayerOp.fork(7, "t1", 0))) { // n6's init: root 13, inner 1
      out.add(d.apply(op));
    }
    assertThat(out).hasSize(13);
    assertThat(out.subList(0, 6)).containsExactly("t1 1", "t2 2/1", "ok", "t3 3/6", "ok", "t4 4/2");
    assertThat(out.get(6)).startsWith("refused: last_pid");
    assertThat(out.get(7)).startsWith("refused: last_pid");
    assertThat(out.subList(8, 13)).containsExactly("ok", "t5 10", "n6", "ok", "t7 13/1");
    PidNs n2 = d.symbols.require("n2", PidNs.class);
    assertThat(n2.pidmap().lastPid()).isEqualTo(2);
    assertThat(d.layer.initPidNs().pidmap().lastPid()).isEqualTo(13);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aRefusedWriteChangesNothing(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = Layers.driver(layer, LINUX_6, LayerOp.fork(1, "t0", 0));
    String before = Snapshot.of(d);
    assertThat(d.apply(LayerOp.setLastPid("t1", 17))).isEqualTo(
        "refused: last_pid: 17 (expected: 0 <= last_pid <= pid_max = 16)");
    assertThat(Snapshot.of(d)).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void theSeedProfileHasNoNsLastPid(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = Layers.driver(layer, SEED, LayerOp.fork(1, "t0", 0));
    assertThat(d.apply(LayerOp.setLastPid("t1", 5))).isEqualTo("ENOENT");
    assertThatThrownBy(() -> d.layer.setLastPid(d.layer.initPidNs(), 5))
        .isInstanceOf(PidmapException.class)
        .hasMessage("ns_last_pid: 5 (expected: no write under linux-2.6.24, which has no "
            + "ns_last_pid (the sysctl is Linux 3.3's))");
    assertThat(d.layer.initPidNs().pidmap().lastPid()).isEqualTo(1);
  }

  @Test
  void modelAndImplAgreeOnGeneratedWritesAtEveryLevel() {
    int writes = 0;
    for (long seed = 1; seed <= 30; seed++) {
      LayerTraceGenerator.Trace t = LayerTraceGenerator.generate(seed, 150);
      writes += (int) t.ops().stream().filter(o -> o.kind() == LayerOp.Kind.SET_LAST_PID).count();
      assertThat(LayerCheck.check(t, ImplPidLayer::new, null)).as("seed %d", seed).isNull();
    }
    assertThat(writes).isGreaterThan(20);
  }

  @ParameterizedTest
  @MethodSource("twins")
  void theEngineCatchesABrokenWriteOnGeneratedTraces(Function<LayerConfig, PidLayer> twin) {
    LayerCheck.Counterexample found = null;
    for (long seed = 1; seed <= 60 && found == null; seed++) {
      found = LayerCheck.check(LayerTraceGenerator.generate(seed, 150), twin, null);
    }
    assertThat(found).as("no seed of 60 caught it").isNotNull();
    System.out.println(found.report());
    assertThat(found.shrunk()).anyMatch(o -> o.kind() == LayerOp.Kind.SET_LAST_PID);
    assertThat(found.shrunk()).hasSizeLessThanOrEqualTo(8);
  }

  static List<org.junit.jupiter.api.Named<Function<LayerConfig, PidLayer>>> twins() {
    return List.of(
        org.junit.jupiter.api.Named.of("NsLastPidWriteLandsInTheRoot",
            NsLastPidTwins.NsLastPidWriteLandsInTheRoot::new),
        org.junit.jupiter.api.Named.of("NsLastPidWriteIsOffByOne",
            NsLastPidTwins.NsLastPidWriteIsOffByOne::new));
  }
}
