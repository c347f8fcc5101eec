package pidmap.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pidmap.spec.Geometry;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;

class BitmapPidAllocatorTest {

  @Test
  void freshAllocatorHoldsOnlyPidZeroInOnePage() {
    BitmapPidAllocator a = new BitmapPidAllocator(Geometry.KERNEL, Profile.LINUX_2_6_24);
    assertThat(a.isAllocated(0)).isTrue();
    assertThat(a.allocatedCount()).isEqualTo(1);
    assertThat(a.installedPages()).isEqualTo(1);
    assertThat(a.pageFreeCounter(0)).isEqualTo(32767);
    assertThat(a.pageFreeCounter(1)).isEqualTo(32768);
  }

  @Test
  void aNamespaceThatUsedAHundredPidsHoldsOnePage() {
    BitmapPidAllocator a = new BitmapPidAllocator(Geometry.KERNEL, Profile.LINUX_2_6_24);
    for (int i = 1; i <= 100; i++) {
      assertThat(a.alloc()).isEqualTo(i);
    }
    assertThat(a.installedPages()).isEqualTo(1);
  }

  @Test
  void pagesAreInstalledOnlyWhenTheSearchReachesThem() {
    BitmapPidAllocator a = new BitmapPidAllocator(
        new Geometry(32768, 300, Geometry.MAX_PID_MAX_LIMIT, 4 * 32768), Profile.LINUX_2_6_24);
    a.setLastPid(3 * 32768 - 1);
    assertThat(a.alloc()).isEqualTo(3 * 32768);
    assertThat(a.installedPages()).isEqualTo(2);
    assertThat(a.pageInstalled(3)).isTrue();
    assertThat(a.pageInstalled(1)).isFalse();
  }

  @Test
  void pagesSmallerThanAWordWork() {
    BitmapPidAllocator a = new BitmapPidAllocator(Geometry.small(4, 2, 14), Profile.LINUX_2_6_24);
    for (int i = 1; i <= 13; i++) {
      assertThat(a.alloc()).isEqualTo(i);
    }
    assertThat(a.alloc()).isEqualTo(PidAllocator.NO_PID);
    assertThat(a.pageSetBits(3)).isEqualTo(2); // 12 and 13; 14 and 15 are above pid_max
    assertThat(a.pageFreeCounter(3)).isEqualTo(2);
    assertThat(a.next(4)).isEqualTo(5);
  }

  @Test
  void theTwoLastPidUpdatesAgreeWithoutContention() {
    Geometry g = Geometry.small(8, 3, 21);
    BitmapPidAllocator plain = new BitmapPidAllocator(g, Profile.LINUX_2_6_24);
    BitmapPidAllocator cas =
        new BitmapPidAllocator(g, Profile.LINUX_2_6_24, LastPidUpdate.FORWARD_CAS);
    for (int i = 0; i < 60; i++) {
      int p = plain.alloc();
      assertThat(cas.alloc()).isEqualTo(p);
      assertThat(cas.lastPid()).isEqualTo(plain.lastPid());
      if (p > 0 && i % 3 == 0) {
        plain.free(p);
        cas.free(p);
      }
    }
  }

  /**
   * A smoke check of the lock-free claim (JCStress covers the interleavings): two threads
   * allocating until exhaustion never share a pid, and the counters match the bits after.
   */
  @Test
  void concurrentAllocsNeverShareAPid() throws InterruptedException {
    Geometry g = new Geometry(64, 10, 4096, 4096);
    for (int round = 0; round < 50; round++) {
      BitmapPidAllocator a = new BitmapPidAllocator(g, Profile.LINUX_2_6_24);
      ConcurrentHashMap<Integer, Integer> owner = new ConcurrentHashMap<>();
      AtomicInteger duplicates = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      Runnable worker = () -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int pid = a.alloc(); pid != PidAllocator.NO_PID; pid = a.alloc()) {
          if (owner.put(pid, 1) != null) {
            duplicates.incrementAndGet();
          }
        }
      };
      Thread t1 = new Thread(worker);
      Thread t2 = new Thread(worker);
      t1.start();
      t2.start();
      start.countDown();
      t1.join();
      t2.join();
      assertThat(duplicates.get()).isZero();
      for (int p = 0; p < g.pidmapEntries(); p++) {
        assertThat(a.pageFreeCounter(p)).isEqualTo(64 - a.pageSetBits(p));
      }
      assertThat(a.allocatedCount()).isEqualTo(owner.size() + 1);
    }
  }
}
