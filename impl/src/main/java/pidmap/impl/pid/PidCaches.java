package pidmap.impl.pid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import pidmap.spec.Implements;
import pidmap.spec.SeedFunction;
import pidmap.spec.pid.PidCache;

/**
 * The pid caches: one {@link KmemCache} per number of ids, made on first request and kept for
 * good (create_pid_cachep), plus the cache namespaces come from.
 *
 * <p>Thread-safety: lookups and creation serialize on one monitor (pid_caches_mutex); each
 * cache's live counter is atomic. Seed: pid.c lines 44, 455-501, 658-662.
 */
final class PidCaches {

  /** A slab cache reduced to what is observable: its name and its live objects. */
  static final class KmemCache {
    final String name;
    final int nrIds;
    private final AtomicInteger live = new AtomicInteger();

    KmemCache(String name, int nrIds) {
      this.name = name;
      this.nrIds = nrIds;
    }

    /** kmem_cache_alloc. */
    void alloc() {
      live.incrementAndGet();
    }

    /** kmem_cache_free. */
    void free() {
      live.decrementAndGet();
    }

    int live() {
      return live.get();
    }
  }

  private final List<KmemCache> caches = new ArrayList<>();
  /** pid_ns_cachep: every namespace but the static init_pid_ns comes from here. */
  final KmemCache namespaces = new KmemCache("pid_namespace", 0);

  /** create_pid_cachep: the cache for pids with {@code nrIds} numbers, made if missing. */
  @Implements(SeedFunction.CREATE_PID_CACHEP)
  synchronized KmemCache cacheFor(int nrIds) {
    for (KmemCache c : caches) {
      if (c.nrIds == nrIds) {
        return c;
      }
    }
    KmemCache c = new KmemCache(PidCache.nameFor(nrIds), nrIds);
    caches.add(c);
    return c;
  }

  synchronized List<PidCache> report() {
    List<PidCache> out = new ArrayList<>();
    for (KmemCache c : caches) {
      out.add(new PidCache(c.name, c.nrIds, c.live()));
    }
    out.sort(Comparator.comparingInt(PidCache::nrIds));
    return out;
  }
}
