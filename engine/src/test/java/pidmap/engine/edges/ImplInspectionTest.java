package pidmap.engine.edges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Geometry;
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
 * What the impl reports about itself, which the differential engines do not compare: page
 * installation (PIDMAP-3's "memory grows with the pids used"), the configured last_pid update,
 * the pid caches in depth order, get_pid_ns's answer, and the descriptions in messages.
 */
class ImplInspectionTest {

  private static final Geometry G = Geometry.small(4, 2, 14);

  @Test
  void onlyThePagesASearchReachedAreInstalled() {
    BitmapPidAllocator a = new BitmapPidAllocator(G, Profile.LINUX_2_6_24);
    assertThat(a.installedPages()).isEqualTo(1);
    a.setLastPid(7);
    assertThat(a.alloc()).isEqualTo(8); // page 2; pages 1 and 3 are never reached
    assertThat(List.of(a.pageInstalled(0), a.pageInstalled(1), a.pageInstalled(2),
        a.pageInstalled(3))).containsExactly(true, false, true, false);
    assertThat(a.installedPages()).isEqualTo(2);
    assertThat(a).hasToString("impl linux-2.6.24 pid_max=14 last_pid=8 pages=2/4");
  }

  @Test
  void theAllocatorSaysWhichLastPidUpdateItUses() {
    assertThat(new BitmapPidAllocator(G, Profile.LINUX_2_6_24).lastPidUpdate())
        .isEqualTo(LastPidUpdate.SEED_PLAIN_STORE);
    assertThat(new BitmapPidAllocator(G, Profile.LINUX_6, LastPidUpdate.FORWARD_CAS)
        .lastPidUpdate()).isEqualTo(LastPidUpdate.FORWARD_CAS);
  }

  private static PidLayer layer() {
    return new ImplPidLayer(new LayerConfig(G, Profile.LINUX_2_6_24, 0, List.of()));
  }

  @Test
  void getPidNsAnswersTheNamespaceItCounted() {
    PidLayer l = layer();
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    assertThat(l.getPidNs(child)).isSameAs(child);
    assertThat(child.refcount()).isEqualTo(2);
  }

  /** find_ge_pid from pid_max_limit itself: nothing there and no page to look at after it. */
  @Test
  void findGePidFromTheLimitAnswersNull() {
    PidLayer l = layer();
    l.allocPid(l.initPidNs());
    assertThat(l.findGePid(G.pidMaxLimit() - 1, l.initPidNs())).isNull();
    assertThat(l.findGePid(G.pidMaxLimit(), l.initPidNs())).isNull();
  }

  @Test
  void theCachesAreReportedInDepthOrder() {
    PidLayer l = layer();
    PidNs one = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    PidNs two = l.copyPidNs(CloneFlags.CLONE_NEWPID, one);
    l.allocPid(two);
    assertThat(l.pidCaches()).extracting(PidCache::nrIds).containsExactly(1, 2, 3);
  }

  @Test
  void pidsNamespacesAndTasksDescribeThemselves() {
    PidLayer l = layer();
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    Pid p = l.allocPid(child);
    assertThat(p.toString()).startsWith("pid ").endsWith(" count=1");
    assertThat(child.toString()).isEqualTo(child.describe() + " level=1 count=2");
    Task t = l.newTask();
    assertThat(t.toString()).isNotEmpty().isEqualTo(t.describe());
    l.attachPid(t, PidType.PID, p);
    l.detachPid(t, PidType.PID); // the last link: p is unhashed and, after grace, released
    assertThat(l.gracePeriod()).isEqualTo(1); // delayed_put_pid drops the hash's reference
    assertThat(p.released()).isTrue();
    assertThat(p.toString()).startsWith("pid ").endsWith(" (released)");
  }
}
