package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.PidmapException;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/**
 * Bad input to the pid layer is refused with a message naming parameter, value and bound, and
 * leaves every observable fact as it was (INPUT-2). The same suite runs on the model and the
 * impl: both must refuse with the same words.
 */
@Checks({Invariant.REF_1, Invariant.INPUT_2})
class LayerBadInputTest {

  /** t1 (pid 1) forked from the idle task, t2 (pid 2) its child, t3 a thread of t2. */
  private static LayerDriver world(Function<LayerConfig, PidLayer> factory) {
    return Layers.driver(factory, Layers.small(),
        LayerOp.fork(1, "t0", 0),
        LayerOp.fork(2, "t1", 0),
        LayerOp.fork(3, "t2", CloneFlags.CLONE_THREAD),
        LayerOp.fork(4, "t1", CloneFlags.CLONE_NEWPID));
  }

  private static void refused(LayerDriver d, Executable call, String message) {
    String before = Snapshot.of(d);
    assertThatThrownBy(call::execute).isInstanceOf(PidmapException.class).hasMessage(message);
    assertThat(Snapshot.of(d)).isEqualTo(before);
  }

  private static Task t(LayerDriver d, String name) {
    return d.symbols.require(name, Task.class);
  }

  private static Pid p(LayerDriver d, String name) {
    return d.symbols.require(name, Pid.class);
  }

  private static PidNs n(LayerDriver d, String name) {
    return d.symbols.require(name, PidNs.class);
  }

  /** A pid that has been released: p2's task exits, is reaped, and a grace period passes. */
  private static Pid releasedP2(LayerDriver d) {
    d.apply(LayerOp.task(LayerOp.Kind.EXIT, "t2"));
    d.apply(LayerOp.task(LayerOp.Kind.REAP, "t2"));
    d.apply(LayerOp.of(LayerOp.Kind.GRACE));
    Pid p2 = p(d, "p2");
    assertThat(p2.released()).isTrue();
    return p2;
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void attachingToALinkAlreadyInUseIsRefused(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    refused(d, () -> d.layer.attachPid(t(d, "t2"), PidType.PGID, p(d, "p1")),
        "task: task#2 (expected: an unlinked pgid link; it holds pid 0)");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void attachingToAReleasedPidIsAUseAfterFree(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    Pid gone = releasedP2(d);
    refused(d, () -> d.layer.attachPid(t(d, "t3"), PidType.PGID, gone),
        "pid: 2 (expected: a live pid; this one was released (use after free))");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void detachingAnUnlinkedTypeIsRefused(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    refused(d, () -> d.layer.detachPid(t(d, "t3"), PidType.SID),
        "task: task#3 (expected: a linked sid link; it has none)");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void detachingTheLastTaskOfInitStructPidIsRefused(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = Layers.driver(layer, Layers.small());
    Task idle = d.layer.initTask();
    d.layer.detachPid(idle, PidType.SID); // allowed: idle still holds init_struct_pid as PID
    d.layer.detachPid(idle, PidType.PGID);
    refused(d, () -> d.layer.detachPid(idle, PidType.PID),
        "pid: 0 (expected: a pid other than init_struct_pid; it is static and never freed)");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void transferFromAnUnlinkedOrToALinkedTaskIsRefused(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    refused(d, () -> d.layer.transferPid(t(d, "t3"), t(d, "t2"), PidType.SID),
        "old: task#3 (expected: a linked sid link; it has none)");
    refused(d, () -> d.layer.transferPid(t(d, "t2"), t(d, "t1"), PidType.SID),
        "new: task#1 (expected: an unlinked sid link; it holds pid 0)");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void putOnAReleasedPidIsRefusedNotCountedBelowZero(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    Pid gone = releasedP2(d);
    refused(d, () -> d.layer.putPid(gone),
        "pid: 2 (expected: a live pid; this one was released, so put_pid would take its count"
            + " below zero (use after free))");
    refused(d, () -> d.layer.getPid(gone),
        "pid: 2 (expected: a live pid; this one was released (use after free))");
    assertThat(gone.count()).isZero();
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void initStructPidsOwnReferenceIsNeverPut(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    refused(d, () -> d.layer.putPid(d.layer.initStructPid()),
        "pid: 0 (expected: a reference someone took; init_struct_pid's own reference is never"
            + " put)");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void freePidRefusesLinkedUnhashedAndStaticPids(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    refused(d, () -> d.layer.freePid(p(d, "p1")),
        "pid: 1 (expected: a pid no task is linked to; detach_pid frees it when its last task"
            + " leaves)");
    refused(d, () -> d.layer.freePid(d.layer.initStructPid()),
        "pid: 0 (expected: a pid other than init_struct_pid; it is static and never freed)");
    d.apply(LayerOp.task(LayerOp.Kind.EXIT, "t3"));
    refused(d, () -> d.layer.freePid(p(d, "p3")),
        "pid: 3 (expected: a hashed pid; free_pid already unhashed this one)");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void pidNrNsWithANullNamespaceIsRefused(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    refused(d, () -> d.layer.pidNrNs(p(d, "p1"), null),
        "ns: null (expected: a namespace)");
    assertThat(d.layer.pidNrNs(null, d.layer.initPidNs())).isZero();
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void copyPidNsForAThreadIsRefusedAsEinval(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    refused(d, () -> d.layer.copyPidNs(CloneFlags.CLONE_NEWPID | CloneFlags.CLONE_THREAD,
            d.layer.initPidNs()),
        "flags: CLONE_NEWPID|CLONE_THREAD (expected: not both CLONE_NEWPID and CLONE_THREAD;"
            + " copy_pid_ns answers EINVAL)");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void lookupsWithANegativeNumberAreRefused(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    PidNs init = d.layer.initPidNs();
    String message = "nr: -1 (expected: 0 <= nr <= 2147483647)";
    refused(d, () -> d.layer.findPidNs(-1, init), message);
    refused(d, () -> d.layer.findTaskByPidTypeNs(PidType.PGID, -1, init), message);
    refused(d, () -> d.layer.findTaskByPid(-1), message);
    refused(d, () -> d.layer.findTaskByVpid(init, -1), message);
    refused(d, () -> d.layer.findTaskByPidNs(-1, init), message);
    refused(d, () -> d.layer.findGetPid(init, -1), message);
    refused(d, () -> d.layer.findGePid(-1, init), message);
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void aReleasedNamespaceIsAUseAfterFree(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    PidNs n4 = n(d, "n4");
    d.apply(LayerOp.task(LayerOp.Kind.EXIT, "t4"));
    d.apply(LayerOp.task(LayerOp.Kind.REAP, "t4"));
    d.apply(LayerOp.of(LayerOp.Kind.GRACE));
    assertThat(n4.released()).isTrue();
    String message = "ns: ns#1 (expected: a live namespace; this one was released (use after free))";
    refused(d, () -> d.layer.putPidNs(n4), message);
    refused(d, () -> d.layer.getPidNs(n4), message);
    refused(d, () -> d.layer.allocPid(n4), message);
    refused(d, () -> d.layer.findPidNs(1, n4), message);
    refused(d, () -> d.layer.copyPidNs(0, n4),
        "old: ns#1 (expected: a live namespace; this one was released (use after free))");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void zappingInitPidNsIsRefused(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    refused(d, () -> d.layer.zapPidNsProcesses(d.layer.initPidNs()),
        "ns: ns#0 (expected: a namespace other than init_pid_ns; killing its init panics the"
            + " kernel)");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void puttingATasksOwnReferenceIsRefused(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    refused(d, () -> d.layer.putTaskStruct(t(d, "t2")),
        "task: task#2 (expected: usage > 1; only references taken by get_pid_task are put here,"
            + " usage is 1)");
  }

  @ParameterizedTest
  @MethodSource("pidmap.engine.layer.Layers#both")
  void nullHandlesAreRefusedByName(Function<LayerConfig, PidLayer> layer) {
    LayerDriver d = world(layer);
    refused(d, () -> d.layer.attachPid(null, PidType.PID, p(d, "p1")),
        "task: null (expected: a task)");
    refused(d, () -> d.layer.attachPid(t(d, "t3"), null, p(d, "p1")),
        "type: null (expected: one of pid, pgid, sid)");
    refused(d, () -> d.layer.freePid(null), "pid: null (expected: a pid)");
    refused(d, () -> d.layer.allocPid(null), "ns: null (expected: a namespace)");
  }
}
