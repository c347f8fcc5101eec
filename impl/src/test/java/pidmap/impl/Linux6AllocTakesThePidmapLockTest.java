package pidmap.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.Test;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * Linux 6 allocates and frees under pidmap_lock (alloc_pid's idr_alloc_cyclic and free_pid's
 * idr_remove run inside spin_lock_irq); the seed's alloc_pidmap and free_pidmap take no lock.
 * The test holds the allocator's pidmap lock and watches whether an alloc on another thread
 * waits for it (it waits until the thread is parked on the lock, never on a timer).
 */
class Linux6AllocTakesThePidmapLockTest {

  private static final Geometry G = new Geometry(4, 1, 8, 8);

  private static Thread started(FutureTask<Integer> task) {
    Thread t = new Thread(task, "alloc");
    t.start();
    return t;
  }

  @Test
  void underLinux6AnAllocWaitsForTheHolderOfThePidmapLock() throws Exception {
    BitmapPidAllocator a = new BitmapPidAllocator(G, Profile.LINUX_6);
    Lock lock = a.pidmapLock();
    lock.lock();
    FutureTask<Integer> task = new FutureTask<>(a::alloc);
    Thread t;
    try {
      t = started(task);
      while (t.getState() != Thread.State.WAITING && !task.isDone()) {
        Thread.onSpinWait();
      }
      assertThat(task.isDone()).as("alloc finished while the lock was held").isFalse();
    } finally {
      lock.unlock();
    }
    assertThat(task.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    t.join();
  }

  @Test
  void theSeedsAllocTakesNoLock() throws Exception {
    BitmapPidAllocator a = new BitmapPidAllocator(G, Profile.LINUX_2_6_24);
    Lock lock = a.pidmapLock();
    lock.lock();
    try {
      FutureTask<Integer> task = new FutureTask<>(a::alloc);
      started(task).join();
      assertThat(task.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    } finally {
      lock.unlock();
    }
  }

  @Test
  void underLinux6AFreeWaitsForTheHolderOfThePidmapLock() throws Exception {
    BitmapPidAllocator a = new BitmapPidAllocator(G, Profile.LINUX_6);
    assertThat(a.alloc()).isEqualTo(1);
    Lock lock = a.pidmapLock();
    lock.lock();
    FutureTask<Void> task = new FutureTask<>(() -> a.free(1), null);
    Thread t = new Thread(task, "free");
    try {
      t.start();
      while (t.getState() != Thread.State.WAITING && !task.isDone()) {
        Thread.onSpinWait();
      }
      assertThat(task.isDone()).as("free finished while the lock was held").isFalse();
    } finally {
      lock.unlock();
    }
    task.get(10, TimeUnit.SECONDS);
    assertThat(a.allocatedCount()).as("pid 0 only").isEqualTo(1);
  }
}
