package pidmap.engine.edges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.ForwardingMemory;
import pidmap.impl.LastPidUpdate;
import pidmap.impl.PidmapMemory;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * The two last_pid updates under forced interleavings: one alloc is held inside its search (it
 * has read last_pid 3 and is about to install page 1) while the test thread changes last_pid,
 * then it finishes. Seed: pid.c 126 and 155; docs/LINEARIZABILITY.md C3 is the race.
 */
class LastPidUpdateInterleavingsTest {

  /** Pages of four pids, RESERVED_PIDS 1, pid_max 8: page 0 holds 1-3, page 1 holds 4-7. */
  private static final Geometry G = new Geometry(4, 1, 8, 8);

  /**
   * The production memory, except that the alloc of one thread is held where it installs a page
   * (the compare-and-exchange of a fresh page into slot 1), until released.
   */
  private static final class HoldingMemory extends ForwardingMemory {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch go = new CountDownLatch(1);
    volatile Thread held;

    HoldingMemory() {
      super(PidmapMemory.atomic(G));
    }

    @Override
    public long[] casFreshPage(int map) {
      if (Thread.currentThread() == held) {
        reached.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      return inner.casFreshPage(map);
    }
  }

  private record Outcome(int heldGot, int lastPid) {}

  /** Pids 1-3 taken (last_pid 3); a held alloc; {@code meanwhile} on this thread; release. */
  private static Outcome run(LastPidUpdate update, Consumer<BitmapPidAllocator> meanwhile)
      throws Exception {
    HoldingMemory m = new HoldingMemory();
    BitmapPidAllocator a = BitmapPidAllocator.on(m, G, Profile.LINUX_2_6_24, update);
    for (int i = 0; i < 3; i++) {
      a.alloc();
    }
    FutureTask<Integer> task = new FutureTask<>(a::alloc);
    Thread t = new Thread(task, "held alloc");
    m.held = t;
    t.start();
    assertThat(m.reached.await(10, TimeUnit.SECONDS)).as("the held alloc got there").isTrue();
    meanwhile.accept(a);
    m.go.countDown();
    int got = task.get(10, TimeUnit.SECONDS);
    return new Outcome(got, a.lastPid());
  }

  /** Another alloc takes 4 meanwhile; the held one then takes 5 and stores it: last_pid 5. */
  @Test
  void aHeldAllocStoresAPidThatComesAfterTheOneStoredMeanwhile() throws Exception {
    for (LastPidUpdate u : LastPidUpdate.values()) {
      Outcome o = run(u, a -> assertThat(a.alloc()).isEqualTo(4));
      assertThat(o).as("%s", u).isEqualTo(new Outcome(5, 5));
    }
  }

  /**
   * last_pid set to 5 meanwhile, one past the 4 the held alloc then takes: the plain store
   * moves last_pid back to 4 (the race), the forward-only update keeps 5.
   */
  @Test
  void aHeldAllocsOlderPidOverwritesLastPidOnlyWithThePlainStore() throws Exception {
    assertThat(run(LastPidUpdate.SEED_PLAIN_STORE, a -> a.setLastPid(5)))
        .isEqualTo(new Outcome(4, 4));
    assertThat(run(LastPidUpdate.FORWARD_CAS, a -> a.setLastPid(5)))
        .isEqualTo(new Outcome(4, 5));
  }

  /** last_pid set to 7 meanwhile: the forward-only update keeps 7 over the held alloc's 4. */
  @Test
  void theForwardUpdateKeepsALastPidFarAhead() throws Exception {
    assertThat(run(LastPidUpdate.FORWARD_CAS, a -> a.setLastPid(7)))
        .isEqualTo(new Outcome(4, 7));
    assertThat(run(LastPidUpdate.SEED_PLAIN_STORE, a -> a.setLastPid(7)))
        .isEqualTo(new Outcome(4, 4));
  }

  /**
   * Issue 13's interleaving, as Linux 2.6.35's pid_before decides it (pids 3 and 5 free, last_pid
   * 3): the held alloc has read last_pid 3; meanwhile another alloc takes 5 and stores it; the
   * held one loses 5, wraps and takes 3, its own base. Its compare-and-swap 3 -> 3 sees 5, and
   * pid_before(3, 5, 3) is (unsigned)(5 - 3) &lt; (unsigned)(3 - 3), false: the kernel stops and
   * leaves 5. With an extra "- 1" on both sides the comparison is true and 3 overwrites 5.
   */
  @Test
  void aHeldAllocThatWrapsToItsOwnBaseLeavesTheLastPidStoredMeanwhile() throws Exception {
    Outcome o = runFrom(LastPidUpdate.FORWARD_CAS, a -> {
      for (int i = 0; i < 4; i++) {
        a.alloc(); // 4, 5, 6, 7 (page 1 installed while the held alloc waits to install it)
      }
      a.free(5);
      a.setLastPid(4);
      assertThat(a.alloc()).isEqualTo(5); // the other alloc takes 5 and stores it
    });
    assertThat(o).isEqualTo(new Outcome(3, 5));
  }

  /** Pids 1 and 2 taken, last_pid 3 (pid 3 free), a held alloc, {@code meanwhile}, release. */
  private static Outcome runFrom(LastPidUpdate update, Consumer<BitmapPidAllocator> meanwhile)
      throws Exception {
    HoldingMemory m = new HoldingMemory();
    BitmapPidAllocator a = BitmapPidAllocator.on(m, G, Profile.LINUX_2_6_24, update);
    a.alloc();
    a.alloc();
    a.setLastPid(3);
    FutureTask<Integer> task = new FutureTask<>(a::alloc);
    Thread t = new Thread(task, "held alloc");
    m.held = t;
    t.start();
    assertThat(m.reached.await(10, TimeUnit.SECONDS)).as("the held alloc got there").isTrue();
    meanwhile.accept(a);
    m.go.countDown();
    return new Outcome(task.get(10, TimeUnit.SECONDS), a.lastPid());
  }
}
