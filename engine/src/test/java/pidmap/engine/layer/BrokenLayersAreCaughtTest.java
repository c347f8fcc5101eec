package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * Each deliberately broken layer (the impl with one call broken) runs through the same property
 * as the impl; the property must catch it within a few seeds, name the invariant that the break
 * violates, and shrink the trace to a handful of operations.
 */
@Checks({Invariant.PID_1, Invariant.PID_2, Invariant.PID_3, Invariant.NS_1, Invariant.NS_2,
    Invariant.REF_2, Invariant.ZAP_1, Invariant.INIT_1, Invariant.LOOKUP_1})
class BrokenLayersAreCaughtTest {

  private static final int SEEDS = 30;
  private static final int MAX_SHRUNK = 12;

  private static Function<LayerConfig, PidLayer> broken(
      Function<PidLayer, ForwardingPidLayer> wrap) {
    return c -> wrap.apply(new ImplPidLayer(c));
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of(Named.of("find_pid_ns misses numbers below the root",
            broken(l -> new ForwardingPidLayer(l) {
              @Override
              public Pid findPidNs(int nr, PidNs ns) {
                return ns.level() > 0 ? null : delegate.findPidNs(nr, ns);
              }
            })), "PID-1"),
        Arguments.of(Named.of("pid_nr_ns ignores which namespace is at the level",
            broken(l -> new ForwardingPidLayer(l) {
              @Override
              public int pidNrNs(Pid pid, PidNs ns) {
                return pid != null && ns.level() <= pid.level() ? pid.nr(ns.level())
                    : delegate.pidNrNs(pid, ns);
              }
            })), "PID-2"),
        Arguments.of(Named.of("put_pid never releases",
            broken(l -> new ForwardingPidLayer(l) {
              @Override
              public void putPid(Pid pid) {
                if (pid == null || pid.count() > 1 || pid.released()) {
                  delegate.putPid(pid);
                }
              }
            })), "PID-3"),
        Arguments.of(Named.of("alloc_pid takes a stray number in the namespace",
            broken(l -> new ForwardingPidLayer(l) {
              @Override
              public Pid allocPid(PidNs ns, int[] setTid) {
                Pid p = delegate.allocPid(ns, setTid);
                if (p != null) {
                  ns.pidmap().alloc();
                }
                return p;
              }
            })), "NS-1"),
        Arguments.of(Named.of("copy_pid_ns takes one reference too many",
            broken(l -> new ForwardingPidLayer(l) {
              @Override
              public PidNs copyPidNs(long flags, PidNs old) {
                PidNs n = delegate.copyPidNs(flags, old);
                delegate.getPidNs(n);
                return n;
              }
            })), "NS-2"),
        Arguments.of(Named.of("get_pid_task takes no reference",
            broken(l -> new ForwardingPidLayer(l) {
              @Override
              public Task getPidTask(Pid pid, PidType type) {
                return delegate.pidTask(pid, type);
              }
            })), "REF-2"),
        Arguments.of(Named.of("zap keeps the child reaper",
            broken(l -> new ForwardingPidLayer(l) {
              @Override
              public List<Task> zapPidNsProcesses(PidNs ns) {
                Task reaper = ns.childReaper();
                List<Task> killed = delegate.zapPidNsProcesses(ns);
                if (reaper != null) {
                  delegate.setChildReaper(ns, reaper);
                }
                return killed;
              }
            })), "ZAP-1"),
        Arguments.of(Named.of("is_container_init looks at the root number",
            broken(l -> new ForwardingPidLayer(l) {
              @Override
              public boolean isContainerInit(Task task) {
                Pid p = delegate.linkedPid(task, PidType.PID);
                return p != null && p.nr(0) == 1;
              }
            })), "INIT-1"),
        Arguments.of(Named.of("find_ge_pid finds only exact numbers",
            broken(l -> new ForwardingPidLayer(l) {
              @Override
              public Pid findGePid(int nr, PidNs ns) {
                return delegate.findPidNs(nr, ns);
              }
            })), "LOOKUP-1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void thePropertyCatchesItNamesTheRuleAndShrinks(
      Function<LayerConfig, PidLayer> layer, String invariant) {
    LayerCheck.Counterexample found = null;
    for (long seed = 1; seed <= SEEDS && found == null; seed++) {
      found = LayerCheck.check(LayerTraceGenerator.generate(seed, 150), layer, null);
    }
    assertThat(found).as("no seed of %d caught it", SEEDS).isNotNull();
    System.out.println(found.report());
    assertThat(found.shrunkFailure().invariant()).isEqualTo(invariant);
    assertThat(found.shrunkFailure().side()).isEqualTo("impl");
    assertThat(found.shrunk()).hasSizeLessThanOrEqualTo(MAX_SHRUNK);
  }
}
