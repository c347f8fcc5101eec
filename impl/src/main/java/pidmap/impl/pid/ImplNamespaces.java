package pidmap.impl.pid;

import java.util.concurrent.atomic.AtomicInteger;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Implements;
import pidmap.spec.SeedFunction;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.PidNs;

/**
 * The namespace half of the layer: init_pid_ns, copy_pid_ns, create_pid_namespace,
 * free_pid_ns and destroy_pid_namespace.
 *
 * <p>Thread-safety: lock-free; counts are atomic (see {@link ImplPidNs}), serials come from an
 * atomic counter, caches from {@link PidCaches}. Seed: pid.c lines 71-82, 504-585, 651-662.
 */
final class ImplNamespaces {
  private final LayerConfig config;
  private final PidCaches caches;
  private final AtomicInteger serials = new AtomicInteger(1);
  final ImplPidNs init;

  /** init_pid_ns as pidmap_init leaves it: count 2, pid 0 taken, the cache pid_1. */
  @Implements({SeedFunction.INIT_PID_NS, SeedFunction.PIDMAP_INIT})
  ImplNamespaces(LayerConfig config, PidCaches caches) {
    this.config = config;
    this.caches = caches;
    this.init = new ImplPidNs(0, null, allocatorFor(0), caches.cacheFor(1), 2);
  }

  private BitmapPidAllocator allocatorFor(int level) {
    BitmapPidAllocator a = new BitmapPidAllocator(config.geometry(), config.profile());
    a.setPidMax(config.pidMaxAt(level)); // this layer's per-level pid_max (LayerConfig)
    return a;
  }

  /** A handle from this layer that is live. */
  ImplPidNs live(String name, PidNs ns) {
    ImplPidNs n = LayerRequire.own(name, LayerRequire.present(name, ns, "a namespace"),
        ImplPidNs.class);
    LayerRequire.liveNs(name, n);
    return n;
  }

  /** copy_pid_ns. Seed: pid.c lines 553-574. */
  @Implements(SeedFunction.COPY_PID_NS)
  ImplPidNs copy(long flags, ImplPidNs old) {
    LayerRequire.copyFlags(flags); // the seed's EINVAL, before any count changes
    old.get();
    if ((flags & CloneFlags.CLONE_NEWPID) == 0) {
      return old;
    }
    ImplPidNs ns = create(old); // takes over the reference just taken on old as its parent's
    return ns;
  }

  /**
   * create_pid_namespace: count 1, page 0 with pid 0 and last_pid 0 (the allocator's fresh
   * state), the cache of its depth, no child reaper. Seed: pid.c lines 504-524.
   */
  @Implements(SeedFunction.CREATE_PID_NAMESPACE)
  private ImplPidNs create(ImplPidNs parent) {
    int level = parent.level + 1;
    caches.namespaces.alloc();
    return new ImplPidNs(serials.getAndIncrement(), parent, allocatorFor(level),
        caches.cacheFor(level + 1), 1);
  }

  /** put_pid_ns; free_pid_ns destroys a namespace at zero and puts its parent. Seed: 576-585. */
  @Implements({SeedFunction.FREE_PID_NS, SeedFunction.PUT_PID_NS})
  void put(ImplPidNs ns) {
    for (ImplPidNs n = ns; n != null && n.put(); n = n.parent) {
      destroy(n);
    }
  }

  /** destroy_pid_namespace: its pages go with it; back to the namespace cache. Seed: 544-551. */
  @Implements(SeedFunction.DESTROY_PID_NAMESPACE)
  private void destroy(ImplPidNs ns) {
    caches.namespaces.free();
  }

  int liveCount() {
    return caches.namespaces.live();
  }
}
