package pidmap.impl.pid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * Lock-free readers next to a writer: while one thread forks and exits (alloc_pid, attach,
 * detach, free_pid) in a two-level namespace tree, readers look numbers up with find_pid_ns,
 * pid_task and pid_nr_ns, taking no lock, and every pid they find must be whole: the number
 * they asked for in the namespace they asked in, two levels, a root number in range. A smoke
 * test, not a proof: the orderings are argued on the lines that make them (no timing asserted).
 */
class ConcurrentReadersTest {

  private static final int ROUNDS = 20_000;

  /** Looks up every number in {@code child} and checks that what it finds is whole. */
  private static void sweep(ImplPidLayer l, PidNs child) {
    for (int nr = 1; nr < 256; nr++) {
      Pid p = l.findPidNs(nr, child);
      if (p != null) {
        assertThat(p.level()).isEqualTo(1);
        assertThat(p.ns(1)).isSameAs(child);
        assertThat(p.nr(1)).isEqualTo(nr);
        assertThat(p.ns(0)).isSameAs(l.initPidNs());
        assertThat(p.nr(0)).isBetween(1, 255);
        assertThat(l.pidNrNs(p, child)).isEqualTo(nr);
      }
      Task t = l.findTaskByPidNs(nr, child);
      if (t != null) {
        assertThat(t.serial()).isPositive();
      }
    }
  }

  @Test
  void readersSeeWholePidsOrNone() throws InterruptedException {
    LayerConfig config = new LayerConfig(Geometry.small(64, 8, 256), Profile.LINUX_2_6_24, 0,
        List.of());
    ImplPidLayer l = new ImplPidLayer(config);
    PidNs child = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    for (int i = 0; i < 7; i++) { // root numbers run 7 ahead of the child's from here on
      l.attachPid(l.newTask(), PidType.PID, l.allocPid(l.initPidNs()));
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger stillLive = new AtomicInteger(-1);
    List<Thread> readers = new ArrayList<>();
    Thread writer = new Thread(() -> {
      List<Task> live = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        Pid p = l.allocPid(child);
        if (p != null) {
          Task t = l.newTask();
          l.attachPid(t, PidType.PID, p);
          live.add(t);
        }
        if (live.size() > 40 || (p == null && !live.isEmpty())) {
          l.detachPid(live.remove(0), PidType.PID);
        }
      }
      stillLive.set(live.size());
    });
    for (int r = 0; r < 2; r++) {
      readers.add(new Thread(() -> {
        try {
          while (writer.isAlive()) {
            sweep(l, child);
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    writer.start();
    readers.forEach(Thread::start);
    writer.join();
    for (Thread t : readers) {
      t.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    sweep(l, child); // and once more with nothing moving
    // No grace period ran while readers were out (the caller plays RCU); now one may.
    l.gracePeriod();
    assertThat(l.pidCaches()).contains(new PidCache("pid_2", 2, stillLive.get()));
    assertThat(l.hashEntries()).hasSize(7 + 2 * stillLive.get());
  }
}
