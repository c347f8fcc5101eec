package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
import pidmap.trace.layer.LayerOp.Kind;
import org.junit.jupiter.api.Test;

/**
 * The broken twins of the zap's reaping rule (linux-6, docs/PID_LAYER.md): a zap that reaps
 * every victim, as the layer did before it knew real_parent, and a zap that leaves the init's
 * own children zombies. The differential engine and ZAP-1 must catch each on the trace of
 * {@link ZapWithParentsOutsideTest} and on generated traces.
 */
@Checks({Invariant.ZAP_1})
class BrokenZapsAreCaughtTest {

  private static final int SEEDS = 300;

  /** The 6-step story of ZapWithParentsOutsideTest: t4's parent t1 is outside n2. */
  private static final List<LayerOp> PARENT_OUTSIDE = List.of(
      LayerOp.fork(1, "t0", 0),
      LayerOp.fork(2, "t1", CloneFlags.CLONE_NEWPID),
      LayerOp.setns("t1", "n2"),
      LayerOp.fork(4, "t1", 0),
      LayerOp.fork(5, "t2", 0),
      LayerOp.task(Kind.EXIT, "t2"),
      LayerOp.lookup(Kind.FIND_TASK_BY_VPID, "t1", null, null, null, 3));

  /** ZapReapsVictimsWhoseParentIsOutside: every killed task loses its links at once. */
  static final Function<LayerConfig, PidLayer> REAPS_EVERY_VICTIM =
      c -> new ForwardingPidLayer(new ImplPidLayer(c)) {
        @Override
        public List<Task> zapPidNsProcesses(PidNs ns) {
          List<Task> killed = delegate.zapPidNsProcesses(ns);
          for (Task v : killed) {
            for (PidType t : PidType.values()) {
              if (delegate.linkedPid(v, t) != null) {
                delegate.detachPid(v, t);
              }
            }
          }
          return killed;
        }
      };

  /**
   * ZapLeavesTheInitsChildrenZombies: the zap is told every victim's parent is the idle task
   * (outside), so none is reaped; the parents are put back afterwards.
   */
  static final Function<LayerConfig, PidLayer> LEAVES_INIT_CHILDREN =
      c -> new ForwardingPidLayer(new ImplPidLayer(c)) {
        @Override
        public List<Task> zapPidNsProcesses(PidNs ns) {
          List<Task> victims = new ArrayList<>();
          List<Task> parents = new ArrayList<>();
          int limit = ns.pidmap().geometry().pidMaxLimit();
          for (int nr = 2; nr < limit; nr++) {
            Pid p = delegate.findPidNs(nr, ns);
            Task v = p == null ? null : delegate.pidTask(p, PidType.PID);
            if (v != null) {
              victims.add(v);
              parents.add(delegate.parent(v));
              delegate.setParent(v, delegate.initTask());
            }
          }
          List<Task> killed = delegate.zapPidNsProcesses(ns);
          for (int i = 0; i < victims.size(); i++) {
            delegate.setParent(victims.get(i), parents.get(i));
          }
          return killed;
        }
      };

  private static LayerEngine.Failure run(Function<LayerConfig, PidLayer> layer,
      List<LayerOp> ops) {
    return LayerEngine.run(ZombiesAndReapingTest.LINUX_6, layer, ops).failure();
  }

  @Test
  void theFaithfulImplPassesTheStoryOfAParentOutside() {
    assertThat(run(ImplPidLayer::new, PARENT_OUTSIDE)).isNull();
  }

  @Test
  void aZapThatReapsEveryVictimIsCaughtByTheModelsState() {
    LayerEngine.Failure f = run(REAPS_EVERY_VICTIM, PARENT_OUTSIDE);
    assertThat(f).isNotNull();
    assertThat(f.kind()).isEqualTo(LayerEngine.Failure.Kind.STATE);
    assertThat(f.step()).isEqualTo("6"); // the exit of n2's init: t4 lost its links
  }

  @Test
  void aZapThatLeavesTheInitsChildrenZombiesIsCaughtByZap1() {
    List<LayerOp> ops = List.of(
        LayerOp.fork(1, "t0", 0),
        LayerOp.fork(2, "t1", CloneFlags.CLONE_NEWPID),
        LayerOp.fork(3, "t2", 0),
        LayerOp.task(Kind.EXIT, "t2"));
    LayerEngine.Failure f = run(LEAVES_INIT_CHILDREN, ops);
    assertThat(f).isNotNull();
    assertThat(f.invariant()).isEqualTo("ZAP-1");
    assertThat(f.side()).isEqualTo("impl");
    assertThat(f.message()).contains("t3 survived the zap of n2").contains("though its init reaps it");
  }

  @Test
  void generatedTracesCatchBothTwins() {
    assertThat(firstCaught(REAPS_EVERY_VICTIM)).as("zap reaps every victim").isNotNull();
    LayerCheck.Counterexample c = firstCaught(LEAVES_INIT_CHILDREN);
    assertThat(c).as("zap leaves the init's children").isNotNull();
    System.out.println(c.report());
    assertThat(c.shrunkFailure().invariant()).isEqualTo("ZAP-1");
  }

  private static LayerCheck.Counterexample firstCaught(Function<LayerConfig, PidLayer> layer) {
    for (long seed = 1; seed <= SEEDS; seed++) {
      LayerTraceGenerator.Trace t = LayerTraceGenerator.generate(seed, 150);
      if (t.config().profile() != pidmap.spec.Profile.LINUX_6) {
        continue;
      }
      LayerCheck.Counterexample c = LayerCheck.check(t, layer, null);
      if (c != null) {
        System.out.println(c.report());
        return c;
      }
    }
    return null;
  }
}
