package pidmap.impl.pid;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import pidmap.spec.Implements;
import pidmap.spec.SeedFunction;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;

/**
 * struct pid: its numbers (one {@link Upid} per level, root first), one task list head per
 * {@link PidType}, and an atomic reference count that is 0 exactly when the pid is released.
 *
 * <p>Thread-safety: the count is changed only by compare-and-swap or by the put that owns the
 * last reference; the list heads are written under the tasklist lock and read without one;
 * everything else is final. A get or put on a released pid is refused with an exception,
 * never ignored.
 *
 * <p>Seed: pid.c lines 202-216 (put_pid), 241-268 (what alloc_pid fills in).
 */
final class ImplPid implements Pid {
  final Upid[] numbers;
  final PidCaches.KmemCache cache;
  /** pid->tasks[type].first; written under the tasklist lock, read lock-free. */
  final AtomicReferenceArray<PidLink> tasks = new AtomicReferenceArray<>(PidType.values().length);
  private final AtomicInteger count = new AtomicInteger(1);
  /** Whether its numbers are on the hash; written under the pidmap lock (inspection only). */
  volatile boolean hashed;
  /** Whether free_pid queued the put of the hash's reference and it has not run. */
  volatile boolean awaitingGrace;

  /** Builds the pid around numbers already taken, innermost last; count 1, lists empty. */
  ImplPid(int[] nrs, ImplPidNs[] nss, PidCaches.KmemCache cache) {
    this.numbers = new Upid[nrs.length];
    for (int i = 0; i < nrs.length; i++) {
      numbers[i] = new Upid(nrs[i], nss[i], this);
    }
    this.cache = cache;
  }

  @Override
  public int level() {
    return numbers.length - 1;
  }

  @Override
  public int nr(int level) {
    return numbers[level].nr;
  }

  @Override
  public PidNs ns(int level) {
    return numbers[level].ns;
  }

  /** The namespace it was allocated in, whose reference it holds. */
  ImplPidNs home() {
    return numbers[numbers.length - 1].ns;
  }

  @Override
  public int count() {
    return count.get();
  }

  @Override
  public boolean released() {
    return count.get() == 0;
  }

  /** get_pid: one more reference; refuses a released pid (use after free). */
  @Implements(SeedFunction.GET_PID)
  void get() {
    for (int c = count.get(); ; c = count.get()) {
      if (c <= 0) {
        LayerRequire.livePid("pid", this); // throws: released (use after free)
      }
      if (count.compareAndSet(c, c + 1)) { // keeps [REF-1]: no increment from 0 resurrects a pid
        return;
      }
    }
  }

  /**
   * put_pid's count step: drops one reference and answers whether that was the last one (the
   * caller then gives the pid back to its cache and puts its namespace).
   *
   * <p>The seed's shortcut is kept: a count read as 1 releases at once, without the atomic
   * decrement. It is safe because a caller of put owns one reference, so a count of 1 means
   * that reference is the only one: every other way to reach this pid would have a reference of
   * its own behind it. A task link or the hash holds the first reference (alloc_pid's), which
   * free_pid drops only after a grace period, so no reader that found the pid through the hash
   * or a link can still be about to take a reference; and any other holder would have made the
   * count 2 or more. So nobody can change the count between our read and our release, and the
   * store of 0 below cannot lose an update. A caller that puts a reference it does not own
   * breaks that premise; the store of 0 then still makes every later get or put fail loudly.
   *
   * @param isInitStructPid the static init_struct_pid, whose own reference is never put
   */
  boolean put(boolean isInitStructPid) {
    LayerRequire.putable(this, isInitStructPid); // refuses a released pid: count would go below 0
    int c = count.get();
    if (c == 1) {
      count.set(0); // the shortcut (seed line 210): the caller held the only reference; volatile store so a misuse elsewhere sees 0
      return true;
    }
    for (; ; c = count.get()) {
      if (c <= 0) {
        LayerRequire.putable(this, isInitStructPid); // a racing put took the last one: refuse
      }
      if (count.compareAndSet(c, c - 1)) { // keeps [REF-1]: atomic_dec_and_test, never below 0
        return c == 1;
      }
    }
  }

  @Override
  public String toString() {
    return "pid " + numbers() + (released() ? " (released)" : " count=" + count());
  }
}
