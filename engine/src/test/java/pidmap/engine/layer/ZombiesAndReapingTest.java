package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.Profile;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;
import pidmap.trace.layer.LayerOp.Kind;

/**
 * Exit and reap, as the running kernel (6.18) answered: a zombie keeps its number until it is
 * reaped, and a reaped leader's number stays taken while its process group or session has a
 * member (clone3 with set_tid of that number answers EEXIST until the last user goes). Then the
 * broken twins of TASK-1: a layer that hands out a live process group's number, and process
 * rules that free a leader's numbers at exit instead of at reap.
 */
@Checks(Invariant.TASK_1)
class ZombiesAndReapingTest {

  static final LayerConfig LINUX_6 = new LayerConfig(Layers.SMALL, Profile.LINUX_6, 0, List.of());

  static List<String> run(Function<LayerConfig, PidLayer> layer, LayerConfig config,
      LayerOp... ops) {
    LayerDriver d = new LayerDriver(layer.apply(config));
    List<String> out = new ArrayList<>();
    for (LayerOp op : ops) {
      out.add(d.apply(op));
    }
    return out;
  }

  private static LayerOp task(Kind k, String t) {
    return LayerOp.task(k, t);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aZombieKeepsItsNumberUntilItIsReaped(Function<LayerConfig, PidLayer> layer) {
    assertThat(run(layer, LINUX_6,
        LayerOp.fork(1, "t0", 0),
        task(Kind.EXIT, "t1"),
        LayerOp.lookup(Kind.FIND_TASK_BY_PID, null, null, null, null, 1),
        LayerOp.fork(3, "t0", 0, List.of(1)),
        task(Kind.REAP, "t1"),
        LayerOp.fork(5, "t0", 0, List.of(1)),
        task(Kind.REAP, "t5")))
        .containsExactly("t1 1", "ok", "t1", "EEXIST", "ok", "t5 1", "0");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aReapedLeadersNumberStaysTakenWhileItsGroupOrSessionHasAMember(
      Function<LayerConfig, PidLayer> layer) {
    assertThat(run(layer, LINUX_6,
        LayerOp.fork(1, "t0", 0),
        task(Kind.SETSID, "t1"), // t1 leads session 1 and group 1
        LayerOp.fork(3, "t1", 0), // t3 in group 1, session 1
        task(Kind.EXIT, "t1"),
        task(Kind.REAP, "t1"),
        LayerOp.fork(6, "t0", 0, List.of(1)), // group 1 is alive
        LayerOp.tasks(Kind.SETPGID, "t3", "t3", null), // t3: a group of its own, session 1
        LayerOp.fork(8, "t0", 0, List.of(1)), // session 1 is alive
        task(Kind.EXIT, "t3"),
        task(Kind.REAP, "t3"),
        LayerOp.fork(11, "t0", 0, List.of(1))))
        .containsExactly("t1 1", "ok", "t3 2", "ok", "ok", "EEXIST", "ok", "EEXIST", "ok", "ok",
            "t11 1");
  }

  /** Frees a pid's numbers when its PID link goes although a group or session still uses it. */
  static Function<LayerConfig, PidLayer> handsOutALiveProcessGroupsNumber() {
    return c -> new ForwardingPidLayer(new ImplPidLayer(c)) {
      @Override
      public void detachPid(Task task, PidType type) {
        Pid p = delegate.linkedPid(task, type);
        delegate.detachPid(task, type);
        if (type == PidType.PID && isHashed(p) && pidTasks(p, PidType.PID).isEmpty()) {
          for (int i = 0; i <= p.level(); i++) {
            PidNs ns = p.ns(i);
            ns.pidmap().free(p.nr(i)); // the group's number goes back to the bitmap
          }
        }
      }
    };
  }

  /** Process rules whose exit releases a leader at once, as if it were reaped. */
  static final class ExitReleasesBeforeTheReap extends Processes {
    ExitReleasesBeforeTheReap(LayerDriver d) {
      super(d);
    }

    @Override
    void becomeZombie(Task u) {
      super.becomeZombie(u);
      for (PidType t : PidType.values()) {
        if (layer.linkedPid(u, t) != null) {
          layer.detachPid(u, t); // the bug: numbers go at exit, not at release_task
        }
      }
    }
  }

  private static final List<LayerOp> GROUP_TRACE = List.of(
      LayerOp.fork(1, "t0", 0),
      task(Kind.SETSID, "t1"),
      LayerOp.fork(3, "t1", 0),
      task(Kind.EXIT, "t1"),
      task(Kind.REAP, "t1"),
      LayerOp.fork(6, "t0", 0),
      LayerOp.of(Kind.TEARDOWN));

  @Test
  void aLayerThatHandsOutALiveProcessGroupsNumberIsCaught() {
    LayerEngine.Result r = LayerEngine.run(LINUX_6, handsOutALiveProcessGroupsNumber(),
        GROUP_TRACE);
    assertThat(r.ok()).isFalse();
    assertThat(r.failure().side()).isEqualTo("impl");
    assertThat(r.failure().invariant()).isIn("NS-1", "TASK-1");
    assertThat(LayerEngine.run(LINUX_6, ImplPidLayer::new, GROUP_TRACE).ok()).isTrue();
  }

  @Test
  void taskOneAloneNamesTheFreedGroupNumber() {
    LayerDriver d = new LayerDriver(handsOutALiveProcessGroupsNumber().apply(LINUX_6));
    for (LayerOp op : GROUP_TRACE.subList(0, 5)) {
      d.apply(op);
    }
    assertThat(ProcessChecks.unreapedHoldTheirNumbers(new DriverStep(d, GROUP_TRACE.get(4), "ok",
        false))).contains("t3's pgid number 1 at level 0 is free");
  }

  @Test
  void processRulesThatFreeALeadersNumbersAtExitAreCaughtByTaskOne() {
    List<LayerOp> trace = List.of(
        LayerOp.fork(1, "t0", 0),
        task(Kind.EXIT, "t1"),
        LayerOp.of(Kind.TEARDOWN));
    LayerEngine e = new LayerEngine(LINUX_6, ImplPidLayer::new, ExitReleasesBeforeTheReap::new);
    LayerEngine.Result r = LayerEngine.run(e, trace);
    assertThat(r.ok()).isFalse();
    assertThat(r.failure().invariant()).isEqualTo("TASK-1");
    assertThat(r.failure().side()).isEqualTo("impl");
    assertThat(r.failure().message()).contains("t1 is a zombie but has no PID link");
  }

  /**
   * Found by the 300-trace campaign (seed 168): raw link calls give a container init the PID
   * link of a task numbered 2 in its own namespace, so its exit's zap kills the init itself; the
   * exit must then not finish it a second time (that put a null nsproxy and was refused).
   */
  @Test
  void anInitThatRawCallsMadeItsOwnZapsVictimExitsOnce() {
    List<LayerOp> trace = List.of(
        LayerOp.fork(443, "t0", pidmap.spec.pid.CloneFlags.CLONE_NEWPID),
        LayerOp.fork(444, "t443", 0),
        LayerOp.tasks(Kind.DETACH, "t443", null, PidType.PID),
        LayerOp.tasks(Kind.TRANSFER, "t444", "t443", PidType.PID),
        task(Kind.EXIT, "t443"),
        LayerOp.of(Kind.TEARDOWN));
    for (Profile p : Profile.values()) {
      LayerConfig c = new LayerConfig(Layers.SMALL, p, 0, List.of());
      assertThat(LayerEngine.run(c, ImplPidLayer::new, trace).failure()).as("%s", p).isNull();
    }
  }
}
