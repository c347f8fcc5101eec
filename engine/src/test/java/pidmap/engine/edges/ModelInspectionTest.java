package pidmap.engine.edges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.model.ModelPidAllocator;
import pidmap.model.pid.ModelPidLayer;
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
 * What the model reports about itself beyond what the engines compare: which pages a real
 * allocator would have installed, get_pid_ns's answer, and the descriptions in messages.
 */
class ModelInspectionTest {

  private static final Geometry G = Geometry.small(4, 2, 14);

  @Test
  void aPageCountsAsInstalledOnceAPidInItWasHandedOut() {
    ModelPidAllocator a = new ModelPidAllocator(G, Profile.LINUX_2_6_24);
    a.setLastPid(7);
    assertThat(a.alloc()).isEqualTo(8);
    assertThat(List.of(a.pageInstalled(0), a.pageInstalled(1), a.pageInstalled(2),
        a.pageInstalled(3))).containsExactly(true, false, true, false);
    assertThat(a).hasToString("model linux-2.6.24 pid_max=14 last_pid=8 allocated=[0, 8]");
    assertThat(List.of(a.pageSetBits(0), a.pageSetBits(1), a.pageSetBits(2)))
        .containsExactly(1, 0, 1);
    assertThat(a.pageFreeCounter(2)).isEqualTo(3);
  }

  @Test
  void aLargeAllocatedSetIsCountedNotListed() {
    ModelPidAllocator a = new ModelPidAllocator(Geometry.small(64, 10, 200), Profile.LINUX_2_6_24);
    for (int i = 0; i < 20; i++) {
      a.alloc();
    }
    assertThat(a.toString()).endsWith("allocated=21 pids");
    a.free(1);
    assertThat(a.toString()).endsWith("allocated=[0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,"
        + " 15, 16, 17, 18, 19, 20]");
  }

  @Test
  void theLayerDescribesItselfAndItsObjects() {
    PidLayer l = new ModelPidLayer(new LayerConfig(G, Profile.LINUX_2_6_24, 0, List.of()));
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    assertThat(l.getPidNs(child)).isSameAs(child);
    l.putPidNs(child);
    Pid p = l.allocPid(child);
    assertThat(l).hasToString("model pid layer: 1 live pids, 2 hashed numbers, 1 child namespaces");
    assertThat(p.toString()).startsWith("pid ").endsWith(" count=1");
    assertThat(child.toString()).isEqualTo(child.describe() + " level=1 count=2");
    Task t = l.newTask();
    assertThat(t.toString()).isNotEmpty().isEqualTo(t.describe());
    l.attachPid(t, PidType.PID, p);
    l.detachPid(t, PidType.PID);
    l.gracePeriod();
    assertThat(p.toString()).startsWith("pid ").endsWith(" (released)");
    l.putPidNs(child);
    assertThat(child.toString()).isEqualTo(child.describe() + " level=1 (released)");
  }
}
