package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.trace.layer.LayerOp;
import pidmap.trace.layer.LayerOp.Kind;

/**
 * unshare(CLONE_NEWPID) under both profiles, each answer as a kernel gave it (issue 13, item 1).
 * linux-6: the running kernel (6.18, /tmp probes recorded in docs/PID_LAYER.md) keeps the
 * caller's own numbers and lookups in its active namespace, makes the first child born in the
 * new namespace its init (pid 1, child reaper), and kills the namespace's other tasks when that
 * init exits. linux-2.6.24: sys_unshare refuses CLONE_NEWPID with EINVAL.
 */
class UnshareAsTheKernelAnswersTest {

  private static final LayerConfig LINUX_6 =
      new LayerConfig(Layers.SMALL, Profile.LINUX_6, 0, List.of());
  private static final LayerConfig SEED =
      new LayerConfig(Layers.SMALL, Profile.LINUX_2_6_24, 0, List.of());

  private static List<String> run(Function<LayerConfig, PidLayer> layer, LayerConfig config,
      LayerOp... ops) {
    LayerDriver d = new LayerDriver(layer.apply(config));
    List<String> out = new ArrayList<>();
    for (LayerOp op : ops) {
      out.add(d.apply(op));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void underLinux6TheUnsharerStaysInItsActiveNamespaceAndItsFirstChildIsTheNewInit(
      Function<LayerConfig, PidLayer> layer) {
    List<String> out = run(layer, LINUX_6,
        LayerOp.fork(1, "t0", 0),
        LayerOp.unshare(2, "t1", CloneFlags.CLONE_NEWPID),
        LayerOp.fork(3, "t1", 0),
        LayerOp.fork(4, "t3", 0),
        LayerOp.lookup(Kind.FIND_TASK_BY_VPID, "t1", null, null, null, 1),
        LayerOp.task(Kind.IS_CONTAINER_INIT, "t3"),
        LayerOp.task(Kind.EXIT, "t3"),
        LayerOp.lookup(Kind.FIND_TASK_BY_PID_NS, null, null, "n2", null, 2));
    assertThat(out).containsExactly("t1 1", "n2", "t3 2/1", "t4 3/2",
        "t1", // find_task_by_vpid(t1, 1): t1's active namespace is init_pid_ns, where it is 1
        "true",
        "ok",
        "null"); // t4 died with its init
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void underTheSeedUnshareOfANewPidNamespaceIsEinval(Function<LayerConfig, PidLayer> layer) {
    List<String> out = run(layer, SEED,
        LayerOp.fork(1, "t0", 0),
        LayerOp.unshare(2, "t1", CloneFlags.CLONE_NEWPID),
        LayerOp.fork(3, "t1", 0));
    assertThat(out).containsExactly("t1 1", "EINVAL", "t3 2");
  }
}
