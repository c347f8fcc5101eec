package pidmap.impl.pid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import pidmap.spec.Implements;
import pidmap.spec.SeedFunction;
import pidmap.spec.pid.HashEntry;
import pidmap.spec.pid.PidHashing;

/**
 * The pid hash: 1 << shift chains of {@link Upid}s, placed by pid_hashfn.
 *
 * <p>Writers ({@link #add}, {@link #remove}) must hold the layer's pidmap lock, so they are
 * serialized; readers ({@link #find}, {@link #entries}) take no lock and see, on every chain,
 * either a fully built node or none: each node is published by one release store (into the
 * chain head or its predecessor's next), after everything in it was written.
 *
 * <p>Seed: pid.c lines 39-42, 231-233, 270-276, 290-303, 627-649.
 */
final class PidHashTable {
  private final int shift;
  private final AtomicReferenceArray<Upid> heads;

  /** pidhash_init: 1 << shift empty chains. Seed: pid.c lines 631-649. */
  @Implements(SeedFunction.PIDHASH_INIT)
  PidHashTable(int shift) {
    this.shift = shift;
    this.heads = new AtomicReferenceArray<>(1 << shift);
  }

  int shift() {
    return shift;
  }

  private int bucket(int nr, ImplPidNs ns) {
    return PidHashing.pidHashFn(nr, ns.hashKey(), shift); // keeps [HASH-1]
  }

  /** hlist_add_head_rcu at the number's chain. Caller holds the pidmap lock. */
  void add(Upid u) {
    int b = bucket(u.nr, u.ns);
    u.next = heads.get(b); // u is not reachable yet: no reader can see this store early
    heads.setRelease(b, u); // release: u, its pid and that pid's fields --before--> any reader's getAcquire of this head
  }

  /**
   * hlist_del_rcu: unlinks {@code u} from its chain and leaves {@code u.next} as it was, so a
   * reader standing on {@code u} goes on along the chain. Caller holds the pidmap lock.
   */
  void remove(Upid u) {
    int b = bucket(u.nr, u.ns);
    Upid prev = null;
    Upid cur = heads.get(b);
    while (cur != u) {
      prev = cur;
      cur = cur.next;
    }
    if (prev == null) {
      heads.setRelease(b, u.next); // release: readers loading the head now skip u
    } else {
      prev.next = u.next; // volatile store (release): readers passing prev now skip u
    }
  }

  /** find_pid_ns's walk: lock-free. Seed: pid.c lines 290-303. */
  Upid find(int nr, ImplPidNs ns) {
    // acquire: pairs with add's release, so a node found here is fully built
    for (Upid u = heads.getAcquire(bucket(nr, ns)); u != null; u = u.next) {
      if (u.nr == nr && u.ns == ns) {
        return u;
      }
    }
    return null;
  }

  /** Every node, chain by chain; exact when no writer is running. */
  List<HashEntry> entries() {
    List<HashEntry> out = new ArrayList<>();
    for (int b = 0; b < heads.length(); b++) {
      for (Upid u = heads.getAcquire(b); u != null; u = u.next) {
        out.add(new HashEntry(b, u.nr, u.ns, u.pid));
      }
    }
    return out;
  }
}
