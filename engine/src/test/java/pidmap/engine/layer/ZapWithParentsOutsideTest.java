package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;
import pidmap.trace.layer.LayerOp.Kind;

/**
 * The zap of a namespace whose tasks were forked by a parent outside it (after setns), as the
 * running kernel (6.18) answered (docs/PID_LAYER.md, "What the kernel answered"): a killed task
 * whose parent is outside stays a zombie, holding its numbers, until that parent reaps it; the
 * init waits in its zap (waitpid answers 0, its own numbers stay taken) until every other pid of
 * its namespace is gone, and only then becomes a zombie. An inner init waits the same way, and
 * its outer init waits for it.
 */
@Checks({Invariant.ZAP_1, Invariant.TASK_1})
class ZapWithParentsOutsideTest {
  private static final long NEWPID = CloneFlags.CLONE_NEWPID;

  private static List<String> run(Function<LayerConfig, PidLayer> layer, LayerOp... ops) {
    return ZombiesAndReapingTest.run(layer, ZombiesAndReapingTest.LINUX_6, ops);
  }

  private static LayerOp vpid(String current, int nr) {
    return LayerOp.lookup(Kind.FIND_TASK_BY_VPID, current, null, null, null, nr);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aTaskWhoseParentIsOutsideStaysAZombieAndTheInitWaitsForItsReap(
      Function<LayerConfig, PidLayer> layer) {
    assertThat(run(layer,
        LayerOp.fork(1, "t0", 0), // the root namespace's init, as the kernel agent is
        LayerOp.fork(2, "t1", NEWPID), // n2's init
        LayerOp.setns("t1", "n2"),
        LayerOp.fork(4, "t1", 0), // in n2, its parent t1 outside
        LayerOp.fork(5, "t2", 0), // in n2, the init's child
        LayerOp.task(Kind.EXIT, "t2"),
        vpid("t1", 3), // t4 is a zombie: it holds 3
        vpid("t1", 4), // t5 was reaped by the init
        LayerOp.task(Kind.REAP, "t2"), // waitpid(WNOHANG): the init is still in its zap
        vpid("t1", 2),
        LayerOp.task(Kind.REAP, "t4"), // t1 reaps t4: n2 is empty, the init finishes
        LayerOp.task(Kind.REAP, "t2")))
        .containsExactly("t1 1", "t2 2/1", "ok", "t4 3/2", "t5 4/3", "ok", "t4", "null", "0",
            "t2", "ok", "ok");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void anInnerInitWaitsForItsNamespaceAndTheOuterInitWaitsForIt(
      Function<LayerConfig, PidLayer> layer) {
    assertThat(run(layer,
        LayerOp.fork(1, "t0", 0),
        LayerOp.fork(2, "t1", NEWPID), // n2
        LayerOp.fork(3, "t2", NEWPID), // n3 inside n2; its init's parent is n2's init
        LayerOp.setns("t1", "n3"),
        LayerOp.fork(5, "t1", 0), // in n3, its parent t1 outside both
        LayerOp.task(Kind.EXIT, "t2"), // kills t3 and t5; t5 stays a zombie
        LayerOp.task(Kind.REAP, "t2"),
        vpid("t1", 3), // t3 waits in its zap for t5
        LayerOp.task(Kind.REAP, "t5"), // t3 finishes, t2 reaps it, t2 finishes
        vpid("t1", 3),
        vpid("t1", 2),
        LayerOp.task(Kind.REAP, "t2")))
        .containsExactly("t1 1", "t2 2/1", "t3 3/2/1", "ok", "t5 4/3/2", "ok", "0", "t3", "ok",
            "null", "t2", "ok");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aZombieWhoseParentExitsGoesToTheRootInitAndStillHoldsItsNumber(
      Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = Layers.driver(layer, ZombiesAndReapingTest.LINUX_6,
        LayerOp.fork(1, "t0", 0),
        LayerOp.fork(2, "t1", NEWPID),
        LayerOp.fork(3, "t1", 0), // t3 in the root namespace
        LayerOp.setns("t3", "n2"),
        LayerOp.fork(5, "t3", 0), // in n2, its parent t3 outside
        LayerOp.task(Kind.EXIT, "t2"),
        LayerOp.task(Kind.EXIT, "t3"), // t5 goes to t1, the root namespace's init
        LayerOp.task(Kind.REAP, "t3"));
    Task t1 = d.symbols.require("t1", Task.class);
    Task t5 = d.symbols.require("t5", Task.class);
    assertThat(d.layer.parent(t5)).isSameAs(t1);
    assertThat(d.processes.zombie(t5)).isTrue();
    assertThat(d.apply(vpid("t1", 4))).isEqualTo("t5");
    assertThat(d.apply(LayerOp.task(Kind.REAP, "t2"))).isEqualTo("0");
    assertThat(d.apply(LayerOp.task(Kind.REAP, "t5"))).isEqualTo("ok");
    assertThat(d.apply(LayerOp.task(Kind.REAP, "t2"))).isEqualTo("ok");
  }

  /**
   * The kernel (6.18, found by the process-level lockstep): set_tid into a namespace whose init
   * has exited is ENOMEM (allocation disabled), not the EINVAL of a namespace that never had an
   * init: Linux 6 keeps the dead init as child_reaper, so the set_tid check passes.
   */
  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void setTidIntoANamespaceWhoseInitExitedIsEnomem(Function<LayerConfig, PidLayer> layer) {
    assertThat(run(layer,
        LayerOp.fork(1, "t0", 0),
        LayerOp.fork(2, "t1", NEWPID),
        LayerOp.setns("t1", "n2"),
        LayerOp.task(Kind.EXIT, "t2"),
        LayerOp.fork(5, "t1", 0, List.of(10))))
        .containsExactly("t1 1", "t2 2/1", "ok", "ok", "ENOMEM");
  }
}
