package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.CatchesTwin;
import pidmap.spec.Checks;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Invariant;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.Task;

/**
 * NS-3's predicate on broken namespaces: a namespace that reports a level one too deep, and one
 * that outlives its released parent. A layer cannot hand such a namespace through the forwarding
 * wrapper without every later call seeing the wrong object, so the twins are namespaces and the
 * predicate runs on a step that lists them.
 */
@Checks(Invariant.NS_3)
class NamespaceShapeTwinTest {

  /** A child namespace that says it is two levels below its parent. */
  static final class NamespaceOneLevelTooDeep implements PidNs {
    private final PidNs real;

    NamespaceOneLevelTooDeep(PidNs real) {
      this.real = real;
    }

    @Override
    public int level() {
      return real.level() + 1;
    }

    @Override
    public PidNs parent() {
      return real.parent();
    }

    @Override
    public int refcount() {
      return real.refcount();
    }

    @Override
    public boolean released() {
      return real.released();
    }

    @Override
    public InspectablePidAllocator pidmap() {
      return real.pidmap();
    }

    @Override
    public Task childReaper() {
      return real.childReaper();
    }

    @Override
    public boolean allocating() {
      return real.allocating();
    }

    @Override
    public int serial() {
      return real.serial();
    }
  }

  private static String nsShape(PidLayer l, List<PidNs> namespaces) {
    LayerStep step = new StubStep(l, namespaces);
    return LayerInvariants.NS_SHAPE.check(step);
  }

  @Test
  @CatchesTwin(invariant = Invariant.NS_3, twin = NamespaceOneLevelTooDeep.class)
  void aNamespaceTwoLevelsBelowItsParentIsCaught() {
    PidLayer l = new ImplPidLayer(Layers.small());
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    assertThat(nsShape(l, List.of(l.initPidNs(), child))).isNull();
    assertThat(nsShape(l, List.of(l.initPidNs(), new NamespaceOneLevelTooDeep(child))))
        .isEqualTo("invariant NS-3 failed: n1 is at level 2, its parent at 0");
  }

  /** A step that lists given namespaces and nothing else. */
  private record StubStep(PidLayer layer, List<PidNs> namespaces) implements LayerStep {
    @Override
    public String op() {
      return "stub";
    }

    @Override
    public String outcome() {
      return "ok";
    }

    @Override
    public String nameOf(Object handle) {
      int i = namespaces.indexOf(handle);
      return i >= 0 ? "n" + i : String.valueOf(handle);
    }

    @Override
    public boolean refused() {
      return false;
    }

    @Override
    public List<? extends Pid> pids() {
      return List.of(layer.initStructPid());
    }

    @Override
    public List<? extends Task> tasks() {
      return List.of();
    }

    @Override
    public List<? extends Task> unreaped() {
      return List.of();
    }

    @Override
    public boolean zombie(Task task) {
      return false;
    }

    @Override
    public int pidRefsHeld(Pid pid) {
      return 0;
    }

    @Override
    public int nsRefsHeld(PidNs ns) {
      return 0;
    }

    @Override
    public int taskRefsHeld(Task task) {
      return 0;
    }

    @Override
    public boolean stateUnchanged() {
      return true;
    }

    @Override
    public PidNs zapped() {
      return null;
    }

    @Override
    public boolean afterTeardown() {
      return false;
    }
  }
}
