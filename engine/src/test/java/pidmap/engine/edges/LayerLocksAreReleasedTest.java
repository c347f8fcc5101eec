package pidmap.engine.edges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * Every call of the impl's layer that takes the pidmap lock or the tasklist lock gives it back:
 * after each call on this thread, another thread must be able to take both (a fork and an exit
 * there). A reentrant lock left held would pass every single-threaded check.
 */
class LayerLocksAreReleasedTest {

  private final PidLayer layer = new ImplPidLayer(
      new LayerConfig(Geometry.small(8, 2, 32), Profile.LINUX_2_6_24, 0, List.of()));

  /** On a fresh thread: alloc_pid (pidmap lock), attach (tasklist), detach of the last link (both). */
  private void anotherThreadTakesBothLocks(String after) throws Exception {
    anotherThreadTakesBothLocks(layer, after);
  }

  private static void anotherThreadTakesBothLocks(PidLayer layer, String after) throws Exception {
    FutureTask<Boolean> probe = new FutureTask<>(() -> {
      Pid p = layer.allocPid(layer.initPidNs());
      Task t = layer.newTask();
      layer.attachPid(t, PidType.PID, p);
      layer.detachPid(t, PidType.PID);
      layer.gracePeriod();
      return p.released();
    });
    Thread t = new Thread(probe, "probe after " + after);
    t.setDaemon(true); // a probe stuck on a leaked lock must not keep the JVM alive
    t.start();
    assertThat(probe.get(10, TimeUnit.SECONDS)).as("probe after %s", after).isTrue();
  }

  @Test
  void eachLockingCallReleasesItsLocks() throws Exception {
    PidNs init = layer.initPidNs();
    Pid p = layer.allocPid(init);
    anotherThreadTakesBothLocks("alloc_pid");
    Task a = layer.newTask();
    layer.attachPid(a, PidType.PID, p);
    anotherThreadTakesBothLocks("attach_pid");
    Task b = layer.newTask();
    layer.transferPid(a, b, PidType.PID);
    anotherThreadTakesBothLocks("transfer_pid");
    layer.detachPid(b, PidType.PID);
    anotherThreadTakesBothLocks("detach_pid");
    layer.freePid(layer.allocPid(init));
    anotherThreadTakesBothLocks("free_pid");
    PidNs child = layer.copyPidNs(CloneFlags.CLONE_NEWPID, init);
    Task c = layer.newTask();
    layer.attachPid(c, PidType.PID, layer.allocPid(child));
    Task d = layer.newTask();
    layer.attachPid(d, PidType.PID, layer.allocPid(child));
    assertThat(layer.zapPidNsProcesses(child)).containsExactly(d); // c holds pid 1, the reaper
    anotherThreadTakesBothLocks("zap_pid_ns_processes");
    layer.setParent(d, c);
    anotherThreadTakesBothLocks("set_parent");
  }

  /** linux-6's zap marks the namespace dead under the pidmap lock (disable_pid_allocation). */
  @Test
  void theLinux6ZapReleasesThePidmapLock() throws Exception {
    PidLayer l = new ImplPidLayer(
        new LayerConfig(Geometry.small(8, 2, 32), Profile.LINUX_6, 0, List.of()));
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    Task c = l.newTask();
    l.attachPid(c, PidType.PID, l.allocPid(child));
    Task d = l.newTask();
    l.attachPid(d, PidType.PID, l.allocPid(child));
    assertThat(l.zapPidNsProcesses(child)).containsExactly(d);
    anotherThreadTakesBothLocks(l, "linux-6 zap_pid_ns_processes");
  }

  /** linux-6's failure path decides the cursor reset under the pidmap lock, and releases it. */
  @Test
  void theLinux6ResetOfAFailedFirstPidReleasesThePidmapLock() throws Exception {
    PidLayer l = new ImplPidLayer(
        new LayerConfig(Geometry.small(8, 2, 32), Profile.LINUX_6, 0, List.of(3, 32)));
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    l.attachPid(l.newTask(), PidType.PID, l.allocPid(l.initPidNs()));
    l.attachPid(l.newTask(), PidType.PID, l.allocPid(l.initPidNs()));
    assertThat(l.allocPid(child)).as("level 0 is full").isNull();
    FutureTask<Boolean> probe = new FutureTask<>(() -> {
      Pid p = l.allocPid(child); // fails again, and takes the pidmap lock on the way
      PidNs other = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
      Pid q = l.allocPid(other);
      return p == null && q == null;
    });
    Thread t = new Thread(probe, "probe after the linux-6 reset");
    t.setDaemon(true);
    t.start();
    assertThat(probe.get(10, TimeUnit.SECONDS)).isTrue();
  }
}
