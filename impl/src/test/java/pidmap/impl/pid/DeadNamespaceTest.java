package pidmap.impl.pid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * Once a linux-6 namespace's init has exited (its zap ran), alloc_pid into it fails: the running
 * kernel answers ENOMEM to every later fork there (docs/PID_LAYER.md). 2.6.24 had no such flag.
 * The broken twin clears the mark again after the zap, and the check is seen to fail on it.
 */
class DeadNamespaceTest {

  private static LayerConfig config(Profile p) {
    return new LayerConfig(Geometry.small(4, 2, 16), p, 0, List.of());
  }

  /** The impl with a zap that forgets disable_pid_allocation (the mark is set back after it). */
  static PidLayer zapLeavesAllocationOn(LayerConfig c) {
    ImplPidLayer real = new ImplPidLayer(c);
    return (PidLayer) Proxy.newProxyInstance(PidLayer.class.getClassLoader(),
        new Class<?>[] {PidLayer.class}, (proxy, method, args) -> {
          Object answer;
          try {
            answer = method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (method.getName().equals("zapPidNsProcesses")) {
            ((ImplPidNs) args[0]).allocating = true;
          }
          return answer;
        });
  }

  /** A namespace with an init, zapped: whether a fork can still get a pid there. */
  private static boolean allocatesAfterItsZap(PidLayer l) {
    PidNs n = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    Task init = l.newTask();
    l.attachPid(init, PidType.PID, l.allocPid(n));
    l.setChildReaper(n, init);
    l.zapPidNsProcesses(n);
    try {
      return l.allocPid(n) != null;
    } catch (pidmap.spec.pid.KernelErrno e) {
      return false; // ENOMEM
    }
  }

  private static void checkDead(PidLayer l) {
    assertThat(allocatesAfterItsZap(l)).as("a fork after the init's zap gets ENOMEM").isFalse();
  }

  @Test
  void underLinux6NoPidIsAllocatedInANamespaceWhoseInitHasGone() {
    checkDead(new ImplPidLayer(config(Profile.LINUX_6)));
  }

  @Test
  void theSeedHasNoSuchMark() {
    assertThat(allocatesAfterItsZap(new ImplPidLayer(config(Profile.LINUX_2_6_24)))).isTrue();
  }

  @Test
  void aZapThatLeavesAllocationOnIsCaught() {
    assertThatThrownBy(() -> checkDead(zapLeavesAllocationOn(config(Profile.LINUX_6))))
        .isInstanceOf(AssertionError.class).hasMessageContaining("ENOMEM");
  }
}
