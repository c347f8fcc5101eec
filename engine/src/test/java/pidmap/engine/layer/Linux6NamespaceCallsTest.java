package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.trace.layer.LayerOp;
import pidmap.trace.layer.LayerOp.Kind;

/**
 * clone3's set_tid, the dead namespace, setns and the nesting limit, each answer as the running
 * kernel (6.18) gave it in a fresh pid namespace (docs/PID_LAYER.md, "What the kernel
 * answered"), and the seed profile refusing what 2.6.24 lacked.
 */
class Linux6NamespaceCallsTest {

  private static final LayerConfig SEED =
      new LayerConfig(Layers.SMALL, Profile.LINUX_2_6_24, 0, List.of());

  private static List<String> run(Function<LayerConfig, PidLayer> layer, LayerConfig c,
      LayerOp... ops) {
    return ZombiesAndReapingTest.run(layer, c, ops);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void setTidFollowsTheKernelsEinvalAndEexistRulesAndLeavesTheCursor(
      Function<LayerConfig, PidLayer> layer) {
    long newpid = CloneFlags.CLONE_NEWPID;
    assertThat(run(layer, ZombiesAndReapingTest.LINUX_6,
        LayerOp.fork(1, "t0", newpid, List.of(2, 5)), // no child reaper yet: only 1 may be named
        LayerOp.fork(2, "t0", newpid, List.of(1, 5)),
        LayerOp.fork(3, "t2", 0, List.of(1)), // taken
        LayerOp.fork(4, "t2", 0, List.of(0)),
        LayerOp.fork(5, "t2", 0, List.of(16)), // = pid_max of the new namespace (the limit)
        LayerOp.fork(6, "t2", 0, List.of(10, 9)),
        LayerOp.fork(7, "t2", 0), // the cursor did not move for 1 or 10: the next is 2
        LayerOp.fork(8, "t2", 0, List.of(3, 11, 12)), // more entries than levels
        LayerOp.fork(9, "t2", 0, List.of(3, 5)))) // inner free, outer taken
        .containsExactly("EINVAL", "t2 5/1", "EEXIST", "EINVAL", "EINVAL", "t6 9/10", "t7 1/2",
            "EINVAL", "EEXIST");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void onceItsInitHasExitedAForkIntoTheNamespaceIsEnomem(Function<LayerConfig, PidLayer> layer) {
    assertThat(run(layer, ZombiesAndReapingTest.LINUX_6,
        LayerOp.fork(1, "t0", 0),
        LayerOp.unshare(2, "t1", CloneFlags.CLONE_NEWPID),
        LayerOp.fork(3, "t1", 0),
        LayerOp.task(Kind.EXIT, "t3"), // init exits: a zombie, the namespace dead
        LayerOp.fork(5, "t1", 0),
        LayerOp.task(Kind.REAP, "t3"),
        LayerOp.fork(7, "t1", 0),
        LayerOp.unshare(8, "t1", CloneFlags.CLONE_NEWPID)))
        .containsExactly("t1 1", "n2", "t3 2/1", "ok", "ENOMEM", "ok", "ENOMEM", "EINVAL");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void setnsChangesOnlyWhereChildrenAreBornAndOnlyDownward(
      Function<LayerConfig, PidLayer> layer) {
    assertThat(run(layer, ZombiesAndReapingTest.LINUX_6,
        LayerOp.fork(1, "t0", CloneFlags.CLONE_NEWPID), // t1 is n1's init
        LayerOp.fork(2, "t0", 0),
        LayerOp.setns("t2", "n1"),
        LayerOp.lookup(Kind.FIND_TASK_BY_VPID, "t2", null, null, null, 2), // still 2 at level 0
        LayerOp.fork(5, "t2", 0), // born in n1
        LayerOp.setns("t2", "n1"), // again: allowed
        LayerOp.unshare(7, "t2", CloneFlags.CLONE_NEWPID),
        LayerOp.fork(8, "t2", CloneFlags.CLONE_THREAD),
        LayerOp.setns("t5", "n0"), // an ancestor of t5's active namespace
        LayerOp.setns("t2", "n0"), // back to its own active one
        LayerOp.fork(11, "t2", 0)))
        .containsExactly("t1 1/1", "t2 2", "ok", "t2", "t5 3/2", "ok", "EINVAL", "EINVAL",
            "EINVAL", "ok", "t11 4");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aNamespaceBelowLevel32IsEnospc(Function<LayerConfig, PidLayer> layer) {
    LayerConfig roomy = new LayerConfig(pidmap.spec.Geometry.small(64, 2, 128), Profile.LINUX_6,
        0, List.of());
    List<LayerOp> ops = new ArrayList<>();
    for (int i = 1; i <= 33; i++) {
      ops.add(LayerOp.fork(i, i == 1 ? "t0" : "t" + (i - 1), CloneFlags.CLONE_NEWPID));
    }
    List<String> out = run(layer, roomy, ops.toArray(LayerOp[]::new));
    assertThat(out.get(31)).as("level 32").startsWith("t32 ");
    assertThat(out.get(32)).isEqualTo("ENOSPC");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void theSeedRefusesWhat2624Lacked(Function<LayerConfig, PidLayer> layer) {
    assertThat(run(layer, SEED,
        LayerOp.fork(1, "t0", CloneFlags.CLONE_NEWPID),
        LayerOp.fork(2, "t0", 0, List.of(5)),
        LayerOp.fork(3, "t0", 0),
        LayerOp.setns("t3", "n1")))
        .containsExactly("t1 1/1", "ENOSYS", "t3 2", "ENOSYS");
  }

  /**
   * The driver answers ENOSYS before the layer is asked; a caller of the layer itself (the kit, a
   * tool) is refused there too, naming set_tid, with nothing taken.
   */
  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void theSeedLayerItselfRefusesASetTid(Function<LayerConfig, PidLayer> layer) {
    PidLayer l = layer.apply(SEED);
    int before = l.initPidNs().pidmap().allocatedCount();
    assertThatThrownBy(() -> l.allocPid(l.initPidNs(), new int[] {5}))
        .isInstanceOf(PidmapException.class).hasMessageContaining("set_tid")
        .hasMessageContaining("linux-2.6.24");
    assertThat(l.initPidNs().pidmap().allocatedCount()).isEqualTo(before);
    assertThat(l.initPidNs().pidmap().isAllocated(5)).isFalse();
    assertThat(l.allocPid(l.initPidNs(), new int[0])).isNotNull();
  }
}
