package pidmap.impl.pid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * call_rcu made explicit: callbacks wait in a queue until someone declares a grace period over
 * ({@link #gracePeriod()}), which runs every callback queued before it, in order.
 *
 * <p>Thread-safety: {@link #call} is lock-free (a concurrent queue). The Java heap keeps an
 * unhashed pid alive for any reader still holding it, so memory safety needs no grace period;
 * what the grace period still decides is when the hash's reference to a freed pid is dropped,
 * which is observable (the count, the cache's live objects). The caller of
 * {@link #gracePeriod()} plays RCU: it must know that no reader that began before the matching
 * {@link #call} is still running.
 */
final class Rcu {
  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();

  void call(Runnable callback) {
    pending.add(callback);
  }

  /** Runs the callbacks queued so far, oldest first; answers how many ran. */
  int gracePeriod() {
    List<Runnable> due = new ArrayList<>();
    for (Runnable r; (r = pending.poll()) != null; ) {
      due.add(r);
    }
    due.forEach(Runnable::run);
    return due.size();
  }
}
