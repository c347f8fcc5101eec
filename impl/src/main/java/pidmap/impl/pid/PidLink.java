package pidmap.impl.pid;

import pidmap.spec.pid.PidType;

/**
 * struct pid_link: a task's link of one type, which is also its node on the pid's list of that
 * type (an hlist with a writer-only back pointer).
 *
 * <p>Thread-safety: written only under the tasklist lock; {@link #pid} and {@link #next} are
 * volatile so that lock-free readers see a link's fields before the link itself.
 */
final class PidLink {
  final ImplTask task;
  final PidType type;
  /** task->pids[type].pid; null when unlinked. */
  volatile ImplPid pid;
  /** The next task on the same pid list; kept when unlinked so a reader on it goes on. */
  volatile PidLink next;
  /** The previous link, null at the head; used by writers only (guarded by the tasklist lock). */
  PidLink prev;

  PidLink(ImplTask task, PidType type) {
    this.task = task;
    this.type = type;
  }

  /** hlist_add_head_rcu onto {@code p}'s list. Caller holds the tasklist lock. */
  void addHead(ImplPid p) {
    int t = type.ordinal();
    PidLink first = p.tasks.get(t);
    prev = null;
    next = first;
    if (first != null) {
      first.prev = this;
    }
    p.tasks.setRelease(t, this); // release: this link's fields --before--> a reader's getAcquire of the head
  }

  /** hlist_del_rcu from {@code p}'s list; {@link #next} is left for readers. Caller holds the lock. */
  void unlink(ImplPid p) {
    if (prev == null) {
      p.tasks.setRelease(type.ordinal(), next); // release: readers loading the head skip this link
    } else {
      prev.next = next; // volatile store: readers passing prev skip this link
    }
    if (next != null) {
      next.prev = prev;
    }
    prev = null;
  }

  /** hlist_replace_rcu: {@code nu} takes this link's place on {@code p}'s list. Caller holds the lock. */
  void replaceWith(PidLink nu, ImplPid p) {
    nu.next = next;
    nu.prev = prev;
    if (prev == null) {
      p.tasks.setRelease(type.ordinal(), nu); // release: nu's fields --before--> readers of the head
    } else {
      prev.next = nu; // volatile store (release) publishes nu
    }
    if (next != null) {
      next.prev = nu;
    }
    prev = null;
  }
}
