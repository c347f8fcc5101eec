package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.Task;

/**
 * A broken twin of each new process-level rule (docs/PID_LAYER.md, "What the kernel answered"),
 * run on the candidate side of the layer engine against generated traces: each is caught within
 * a few seeds. Process rules are the driver's, so the candidate side gets the twin rules over
 * the real impl; the set_tid twin is a layer.
 */
@Checks(Invariant.TASK_1)
class BrokenProcessRulesAreCaughtTest {

  private static final int SEEDS = 90;

  /** The pre-fix bug of issue 13: lookups and checks use pid_ns_for_children, not the active. */
  static final class LookupsInTheUnsharedNamespace extends Processes {
    LookupsInTheUnsharedNamespace(LayerDriver d) {
      super(d);
    }

    @Override
    PidNs active(Task t) {
      PidNs c = childrenNs(t);
      return c != null ? c : super.active(t);
    }
  }

  /** No pid numbered 1 makes its task the namespace's init. */
  static final class ForkNeverMakesAnInit extends Processes {
    ForkNeverMakesAnInit(LayerDriver d) {
      super(d);
    }

    @Override
    boolean becomesInit(Pid pid) {
      return false;
    }
  }

  /** unshare(CLONE_NEWPID) accepted under the seed's profile and from any namespace. */
  static final class UnshareAlwaysAllowed extends Processes {
    UnshareAlwaysAllowed(LayerDriver d) {
      super(d);
    }

    @Override
    boolean unshareNewPidAllowed(Task t) {
      return true;
    }
  }

  /** setns into any live namespace, an ancestor or a sibling of the active one too. */
  static final class SetnsAnywhere extends Processes {
    SetnsAnywhere(LayerDriver d) {
      super(d);
    }

    @Override
    boolean mayEnter(Task t, PidNs target) {
      return true;
    }
  }

  /** A set_tid fork moves the cursor of its namespace to the tid (idr_alloc does not). */
  static Function<LayerConfig, PidLayer> setTidMovesTheCursor() {
    return c -> new ForwardingPidLayer(new ImplPidLayer(c)) {
      @Override
      public Pid allocPid(PidNs ns, int[] setTid) {
        Pid p = delegate.allocPid(ns, setTid);
        if (p != null && setTid.length > 0) {
          p.ns(p.level()).pidmap().setLastPid(p.nr(p.level()));
        }
        return p;
      }
    };
  }

  static Stream<Arguments> twins() {
    Function<LayerConfig, PidLayer> impl = ImplPidLayer::new;
    return Stream.of(
        Arguments.of(Named.of("lookups in pid_ns_for_children (issue 13's unshare bug)",
            impl), (Function<LayerDriver, Processes>) LookupsInTheUnsharedNamespace::new),
        Arguments.of(Named.of("no init for a pid numbered 1", impl),
            (Function<LayerDriver, Processes>) ForkNeverMakesAnInit::new),
        Arguments.of(Named.of("unshare(CLONE_NEWPID) always allowed", impl),
            (Function<LayerDriver, Processes>) UnshareAlwaysAllowed::new),
        Arguments.of(Named.of("setns anywhere", impl),
            (Function<LayerDriver, Processes>) SetnsAnywhere::new),
        Arguments.of(Named.of("exit frees a leader's numbers before the reap", impl),
            (Function<LayerDriver, Processes>) ZombiesAndReapingTest.ExitReleasesBeforeTheReap::new),
        Arguments.of(Named.of("setpgid joins a group the caller cannot see", impl),
            (Function<LayerDriver, Processes>) InvisibleGroupTest.SetpgidJoinsAnInvisibleGroup::new),
        Arguments.of(Named.of("set_tid moves the cursor", setTidMovesTheCursor()),
            (Function<LayerDriver, Processes>) Processes::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twins")
  void generatedTracesCatchIt(Function<LayerConfig, PidLayer> layer,
      Function<LayerDriver, Processes> rules) {
    LayerEngine.Result caught = null;
    long seed = 1;
    for (; seed <= SEEDS && caught == null; seed++) {
      LayerTraceGenerator.Trace t = LayerTraceGenerator.generate(seed, 150);
      LayerEngine.Result r = LayerEngine.run(new LayerEngine(t.config(), layer, rules), t.ops());
      caught = r.ok() ? null : r;
    }
    assertThat(caught).as("no seed of %d caught it", SEEDS).isNotNull();
    System.out.println("caught at seed " + (seed - 1) + ": " + caught.failure());
    assertThat(caught.failure().side()).isIn("impl", "both");
  }
}
