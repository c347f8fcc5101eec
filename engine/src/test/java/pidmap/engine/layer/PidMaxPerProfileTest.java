package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.trace.layer.LayerOp;
import pidmap.trace.layer.LayerOp.Kind;

/**
 * pid_max as each kernel keeps it (issue 13, item 2). linux-2.6.24: one global (seed line 46)
 * that every level's alloc reads. linux-6 (6.14 and later): one per namespace; a new namespace
 * starts at PID_MAX_LIMIT whatever its parent's is (the running kernel 6.18 reads 4194304 in a
 * fresh namespace under a root of 32768), and a write changes only the writer's namespace.
 */
class PidMaxPerProfileTest {

  private static PidNs ns(LayerDriver d, String name) {
    return d.symbols.require(name, PidNs.class);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void underTheSeedOnePidMaxBoundsEveryLevel(Function<LayerConfig, PidLayer> layer) {
    LayerConfig seed = new LayerConfig(Layers.SMALL, Profile.LINUX_2_6_24, 0, List.of(12));
    LayerDriver d = Layers.driver(layer, seed, LayerOp.fork(1, "t0", CloneFlags.CLONE_NEWPID));
    assertThat(ns(d, "n1").pidmap().pidMax()).as("the global, not a per-level value")
        .isEqualTo(12);
    assertThat(d.apply(LayerOp.ns(Kind.SET_PID_MAX, "n1", 3))).isEqualTo("ok");
    assertThat(ns(d, "n0").pidmap().pidMax()).as("a write anywhere is the global").isEqualTo(3);
    assertThat(ns(d, "n1").pidmap().pidMax()).isEqualTo(3);
    // the root holds a number for every pid, so it runs out first: 1 (t1) and 2 (t2) are all
    // it has below 3, and the next fork in n1 fails at level 0 after n1 took its number
    assertThat(d.apply(LayerOp.fork(2, "t0", 0))).isEqualTo("t2 2");
    assertThat(d.apply(LayerOp.fork(3, "t1", 0))).isEqualTo("ENOMEM");
    assertThat(ns(d, "n1").pidmap().lastPid()).as("n1 took 2 before level 0 failed")
        .isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void underLinux6ANewNamespaceStartsAtTheLimitAndAWriteIsItsOwn(
      Function<LayerConfig, PidLayer> layer) {
    LayerConfig l6 = new LayerConfig(Layers.SMALL, Profile.LINUX_6, 0, List.of(12));
    LayerDriver d = Layers.driver(layer, l6, LayerOp.fork(1, "t0", CloneFlags.CLONE_NEWPID));
    assertThat(ns(d, "n0").pidmap().pidMax()).isEqualTo(12);
    assertThat(ns(d, "n1").pidmap().pidMax()).as("PID_MAX_LIMIT").isEqualTo(16);
    assertThat(d.apply(LayerOp.ns(Kind.SET_PID_MAX, "n1", 5))).isEqualTo("ok");
    assertThat(ns(d, "n0").pidmap().pidMax()).isEqualTo(12);
    assertThat(ns(d, "n1").pidmap().pidMax()).isEqualTo(5);
  }
}
