package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * The seed's rules as small scenarios, each run on the model and on the impl, calling the layer
 * the way the kernel's callers do.
 */
@Checks({Invariant.NS_2, Invariant.CACHE_1, Invariant.ZAP_1})
class PidLayerScenariosTest {

  /** A task linked to {@code pid} as PID, PGID and SID, as a new session leader would be. */
  private static Task leader(PidLayer l, Pid pid) {
    Task t = l.newTask();
    for (PidType type : PidType.values()) {
      l.attachPid(t, type, pid);
    }
    return t;
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void allocPidTakesOneNumberPerLevelAndHashesEach(Function<LayerConfig, PidLayer> layer) {
    PidLayer l = layer.apply(Layers.small());
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    PidNs grandchild = l.copyPidNs(CloneFlags.CLONE_NEWPID, child);
    Pid p = l.allocPid(grandchild);

    assertThat(p.numbers()).isEqualTo("1/1/1");
    assertThat(p.count()).isEqualTo(1);
    assertThat(l.findPidNs(1, l.initPidNs())).isSameAs(p);
    assertThat(l.findPidNs(1, child)).isSameAs(p);
    assertThat(l.findPidNs(1, grandchild)).isSameAs(p);
    assertThat(l.pidNrNs(p, child)).isEqualTo(1);
    assertThat(grandchild.refcount()).as("copy_pid_ns's reference and the pid's").isEqualTo(2);
    assertThat(child.refcount()).as("grandchild's parent reference and copy's").isEqualTo(2);
    assertThat(l.pidCaches()).containsExactly(
        new PidCache("pid_1", 1, 0), new PidCache("pid_2", 2, 0), new PidCache("pid_3", 3, 1));
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void anOuterLevelRunningOutGivesBackTheInnerNumbers(Function<LayerConfig, PidLayer> layer) {
    PidLayer l = layer.apply(Layers.small(3)); // one global pid_max: init_pid_ns has pids 1 and 2 only
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    leader(l, l.allocPid(l.initPidNs()));
    leader(l, l.allocPid(l.initPidNs()));

    assertThat(l.allocPid(child)).as("ENOMEM").isNull();
    assertThat(child.pidmap().allocated().cardinality()).as("only pid 0 left").isEqualTo(1);
    assertThat(child.pidmap().lastPid()).as("the inner level did take 1 first").isEqualTo(1);
    assertThat(child.refcount()).isEqualTo(1);
    assertThat(l.pidCaches()).contains(new PidCache("pid_2", 2, 0));
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void underLinux6ANamespaceWhoseFirstPidFailedStartsOverAt1(
      Function<LayerConfig, PidLayer> layer) {
    PidLayer l = layer.apply(new LayerConfig(Layers.SMALL, Profile.LINUX_6, 0, List.of(3, 16)));
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    leader(l, l.allocPid(l.initPidNs()));
    Task second = leader(l, l.allocPid(l.initPidNs()));

    assertThat(l.allocPid(child)).as("EAGAIN at level 0").isNull();
    assertThat(child.pidmap().lastPid()).as("the cursor went back").isEqualTo(0);
    for (PidType t : PidType.values()) {
      l.detachPid(second, t); // level 0 gets pid 2 back (1 is below its floor now)
    }
    Pid init = l.allocPid(child);
    assertThat(init.nr(1)).as("the retry is the namespace's init").isEqualTo(1);

    // once the namespace has a pid, a failure leaves its cursor where the failure moved it
    assertThat(l.allocPid(child)).isNull();
    assertThat(child.pidmap().lastPid()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aFreedPidIsUnhashedAtOnceAndReleasedAfterTheGracePeriod(
      Function<LayerConfig, PidLayer> layer) {
    PidLayer l = layer.apply(Layers.small());
    Pid p = l.allocPid(l.initPidNs());
    Task t = l.newTask();
    l.attachPid(t, PidType.PID, p);
    l.detachPid(t, PidType.PID);

    assertThat(l.isHashed(p)).isFalse();
    assertThat(l.findPidNs(1, l.initPidNs())).isNull();
    assertThat(l.initPidNs().pidmap().isAllocated(1)).isFalse();
    assertThat(l.awaitingGrace(p)).isTrue();
    assertThat(l.getPid(p)).as("a reader that found it may still take a reference").isSameAs(p);
    assertThat(l.gracePeriod()).isEqualTo(1);
    assertThat(p.count()).isEqualTo(1);
    l.putPid(p);
    assertThat(p.released()).isTrue();
    assertThat(l.pidCaches()).containsExactly(new PidCache("pid_1", 1, 0));
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void pidTaskAnswersTheLatestAttachedAndTransferKeepsThePlace(
      Function<LayerConfig, PidLayer> layer) {
    PidLayer l = layer.apply(Layers.small());
    Pid group = l.allocPid(l.initPidNs());
    Task a = leader(l, group);
    Task b = l.newTask();
    l.attachPid(b, PidType.PGID, group);
    assertThat(l.pidTask(group, PidType.PGID)).isSameAs(b);
    assertThat(l.pidTasks(group, PidType.PGID)).containsExactly(b, a);

    Task c = l.newTask();
    l.transferPid(b, c, PidType.PGID);
    assertThat(l.pidTasks(group, PidType.PGID)).containsExactly(c, a);
    assertThat(l.linkedPid(b, PidType.PGID)).isNull();
    assertThat(l.findTaskByPidTypeNs(PidType.PGID, 1, l.initPidNs())).isSameAs(c);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void zapKillsEveryTaskNumberedTwoOrMoreButTheInit(Function<LayerConfig, PidLayer> layer) {
    PidLayer l = layer.apply(Layers.small());
    PidNs ns = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    Task init = leader(l, l.allocPid(ns));
    l.setChildReaper(ns, init);
    Task second = leader(l, l.allocPid(ns));
    Task third = leader(l, l.allocPid(ns));

    assertThat(l.isContainerInit(init)).isTrue();
    assertThat(l.isContainerInit(second)).isFalse();
    List<Task> killed = l.zapPidNsProcesses(ns);
    assertThat(killed).containsExactly(second, third);
    assertThat(l.linkedPid(second, PidType.PID)).isNull();
    assertThat(l.findPidNs(2, ns)).isNull();
    assertThat(l.findTaskByPidNs(1, ns)).isSameAs(init);
    assertThat(ns.childReaper()).isNull();
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void lookupsSeeOnlyWhatTheirNamespaceSees(Function<LayerConfig, PidLayer> layer) {
    PidLayer l = layer.apply(Layers.small());
    PidNs a = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    PidNs b = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    Pid inA = l.allocPid(a);
    Task t = leader(l, inA);

    assertThat(l.pidNrNs(inA, l.initPidNs())).isEqualTo(1);
    assertThat(l.pidNrNs(inA, b)).as("a sibling namespace").isZero();
    assertThat(l.findTaskByVpid(b, 1)).isNull();
    assertThat(l.findTaskByVpid(a, 1)).isSameAs(t);
    assertThat(l.findTaskByPid(1)).isSameAs(t);
    assertThat(l.findGePid(0, b)).isNull();
    assertThat(l.findGePid(0, a)).isSameAs(inA);
    assertThat(l.findGePid(2, l.initPidNs())).isNull();
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void theLastReferenceReleasesANamespaceAndThenItsParent(
      Function<LayerConfig, PidLayer> layer) {
    PidLayer l = layer.apply(Layers.small());
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    PidNs grandchild = l.copyPidNs(CloneFlags.CLONE_NEWPID, child);
    l.putPidNs(child); // copy's reference; grandchild still holds one
    assertThat(child.released()).isFalse();
    assertThat(l.liveNamespaces()).isEqualTo(2);

    l.putPidNs(grandchild);
    assertThat(grandchild.released()).isTrue();
    assertThat(child.released()).isTrue();
    assertThat(l.liveNamespaces()).isZero();
    l.getPidNs(l.initPidNs());
    l.putPidNs(l.initPidNs());
    l.putPidNs(l.initPidNs());
    assertThat(l.initPidNs().refcount()).as("init_pid_ns is not counted").isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void withoutNewPidCopyPidNsSharesTheNamespace(Function<LayerConfig, PidLayer> layer) {
    PidLayer l = layer.apply(Layers.small());
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    assertThat(l.copyPidNs(CloneFlags.CLONE_THREAD, child)).isSameAs(child);
    assertThat(child.refcount()).isEqualTo(2);
    assertThat(child.level()).isEqualTo(1);
    assertThat(child.parent()).isSameAs(l.initPidNs());
    assertThat(child.childReaper()).isNull();
    assertThat(child.pidmap().pidMax()).isEqualTo(16);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void theHashIsSizedByPidhashInit(Function<LayerConfig, PidLayer> layer) {
    PidLayer kernel = layer.apply(LayerConfig.kernel());
    assertThat(kernel.pidhashShift()).isEqualTo(12);
    assertThat(layer.apply(Layers.small()).pidhashShift()).isEqualTo(4);
  }
}
