package pidmap.impl.pid;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.SeedFunction;
import pidmap.spec.Implements;
import pidmap.spec.Profile;
import pidmap.spec.Require;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.SetTid;

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
  /** Every namespace created, so that linux-2.6.24's global pid_max reaches each allocator. */
  private final List<ImplPidNs> created = new CopyOnWriteArrayList<>();
  /** linux-2.6.24's one pid_max (seed line 46); new namespaces start from it. */
  private volatile int globalPidMax;

  /** init_pid_ns as pidmap_init leaves it: count 2, pid 0 taken, the cache pid_1. */
  @Implements({SeedFunction.INIT_PID_NS, SeedFunction.PIDMAP_INIT})
  ImplNamespaces(LayerConfig config, PidCaches caches) {
    this.config = config;
    this.caches = caches;
    this.globalPidMax = config.bootPidMax();
    this.init = new ImplPidNs(0, null, allocatorFor(0), caches.cacheFor(1), 2);
  }

  private BitmapPidAllocator allocatorFor(int level) {
    BitmapPidAllocator a = new BitmapPidAllocator(config.geometry(), config.profile());
    a.setPidMax(config.pidMaxAt(level, globalPidMax)); // the global, or linux-6's own per namespace
    return a;
  }

  /** A handle from this layer that is live. */
  ImplPidNs live(String name, PidNs ns) {
    return LayerRequire.liveNs(name, ns, ImplPidNs.class);
  }

  /** copy_pid_ns. Seed: pid.c lines 553-574. */
  @Implements(SeedFunction.COPY_PID_NS)
  ImplPidNs copy(long flags, ImplPidNs old) {
    LayerRequire.copyFlags(flags); // the seed's EINVAL, before any count changes
    if ((flags & CloneFlags.CLONE_NEWPID) != 0 && config.profile() != Profile.LINUX_2_6_24) {
      SetTid.nesting(old.level + 1, config.maxNsLevel()); // create_pid_namespace's ENOSPC, before any count changes
    }
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
    ImplPidNs ns = new ImplPidNs(serials.getAndIncrement(), parent, allocatorFor(level),
        caches.cacheFor(level + 1), 1);
    created.add(ns);
    return ns;
  }

  /**
   * linux-2.6.24 writes its one global, which every allocator reads (here: each is told);
   * linux-6 writes {@code ns}'s own. Refuses a value out of range before anything changes.
   */
  void setPidMax(ImplPidNs ns, int value) {
    Require.pidMax(value, config.geometry());
    if (config.profile() != Profile.LINUX_2_6_24) {
      ns.pidmap.setPidMax(value);
      return;
    }
    globalPidMax = value;
    init.pidmap.setPidMax(value);
    for (ImplPidNs n : created) {
      n.pidmap.setPidMax(value);
    }
  }

  /**
   * The write side of the ns_last_pid sysctl (Linux 3.3 and later): moves {@code ns}'s own cursor;
   * the bitmap allocator refuses a value above that namespace's pid_max before storing anything.
   * linux-2.6.24 has no such sysctl and refuses every write.
   */
  void writeNsLastPid(ImplPidNs ns, int value) {
    if (config.profile() == Profile.LINUX_2_6_24) {
      LayerRequire.noNsLastPid(value);
    }
    ns.pidmap.setLastPid(value);
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
