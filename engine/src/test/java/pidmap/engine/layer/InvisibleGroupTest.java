package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;
import pidmap.trace.layer.LayerOp.Kind;

/**
 * setpgid into a process group whose number the caller cannot see (an "invisible group"): the
 * 6.18 kernel answered EPERM for every number a task inside a new namespace passed to rejoin the
 * group it inherited from outside (its outer number, a free number, 1), while the namespace's
 * init could still make a group of its own (docs/PID_LAYER.md). Both profiles (2.6.24's
 * setpgid looks the group up in the caller's namespace too), model and impl; and the broken twin
 * {@link SetpgidJoinsAnInvisibleGroup}, which this scenario fails.
 */
class InvisibleGroupTest {

  /** The rule before this test: a setpgid joins the member's group whether or not it is visible. */
  static final class SetpgidJoinsAnInvisibleGroup extends Processes {
    SetpgidJoinsAnInvisibleGroup(LayerDriver d) {
      super(d);
    }

    @Override
    String run(LayerOp op) {
      if (op.kind() != Kind.SETPGID) {
        return super.run(op);
      }
      Task l = leaderOf(d.symbols.require(op.task(), Task.class));
      Task gl = leaderOf(d.symbols.require(op.other(), Task.class));
      Pid group = gl == null ? null : layer.linkedPid(gl, PidType.PGID);
      if (l == null || gl == l || group == null || layer.pidNrNs(group, active(l)) != 0
          || layer.linkedPid(gl, PidType.SID) != layer.linkedPid(l, PidType.SID)
          || layer.linkedPid(l, PidType.SID) == layer.linkedPid(l, PidType.PID)) {
        return super.run(op);
      }
      layer.detachPid(l, PidType.PGID);
      layer.attachPid(l, PidType.PGID, group);
      return "ok";
    }
  }

  private static List<String> scenario(LayerDriver d) {
    List<String> out = new ArrayList<>();
    for (LayerOp op : List.of(
        LayerOp.fork(1, "t0", 0),
        LayerOp.task(Kind.SETSID, "t1"), // session and group 1 (the root's number)
        LayerOp.fork(2, "t1", CloneFlags.CLONE_NEWPID), // n2's init, in group 1: invisible there
        LayerOp.fork(3, "t2", 0), // in group 1 too
        LayerOp.tasks(Kind.SETPGID, "t3", "t3", null), // a group of its own, visible
        LayerOp.tasks(Kind.SETPGID, "t3", "t2", null), // back into t2's group: invisible
        LayerOp.tasks(Kind.SETPGID, "t2", "t2", null), // the init makes a group of its own
        LayerOp.tasks(Kind.SETPGID, "t3", "t2", null))) { // which is visible
      out.add(d.apply(op));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("configs")
  void aGroupTheCallerCannotSeeIsEperm(LayerConfig config) {
    for (Function<LayerConfig, PidLayer> layer : List.<Function<LayerConfig, PidLayer>>of(
        pidmap.model.pid.ModelPidLayer::new, ImplPidLayer::new)) {
      assertThat(scenario(new LayerDriver(layer.apply(config))))
          .containsExactly("t1 1", "ok", "t2 2/1", "t3 3/2", "ok", "EPERM", "ok", "ok");
    }
  }

  @ParameterizedTest
  @MethodSource("configs")
  void theTwinThatJoinsItIsCaughtByTheKernelsAnswer(LayerConfig config) {
    List<String> twin = scenario(new LayerDriver(new ImplPidLayer(config),
        SetpgidJoinsAnInvisibleGroup::new));
    assertThat(twin.get(5)).isEqualTo("ok");
    assertThat(twin).isNotEqualTo(List.of("t1 1", "ok", "t2 2/1", "t3 3/2", "ok", "EPERM", "ok",
        "ok"));
  }

  static List<LayerConfig> configs() {
    return List.of(ZombiesAndReapingTest.LINUX_6, Layers.small());
  }
}
