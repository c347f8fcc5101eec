package pidmap.model.pid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.SeedFunction;
import pidmap.spec.Implements;
import pidmap.spec.Profile;
import pidmap.spec.Require;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.SetTid;
import pidmap.spec.pid.Task;

/**
 * The model's namespaces and which pid caches exist: every namespace ever created in a list (its
 * index is its serial); each one's count in a map, the released ones, the dead ones (PIDNS_ADDING
 * gone) in sets, child reapers in a map; and the set of cache sizes made so far. Not thread-safe.
 *
 * <p>Seed: pid.c lines 71-82 (init_pid_ns), 469-501 (create_pid_cachep), 504-551 (create and
 * destroy), 576-585 (free_pid_ns); get_pid_ns and put_pid_ns of pid_namespace.h.
 */
final class ModelNamespaces {
  final LayerConfig config;
  final List<ModelPidNs> all = new ArrayList<>();
  final Map<ModelPidNs, Integer> refs = new HashMap<>();
  final Set<ModelPidNs> released = new HashSet<>();
  final Set<ModelPidNs> dead = new HashSet<>();
  final Map<ModelPidNs, Task> reapers = new HashMap<>();
  /** The number of ids of every pid cache made so far; never shrinks. */
  final SortedSet<Integer> cacheIds = new TreeSet<>();
  final ModelPidNs init;
  /** linux-2.6.24's one pid_max (seed line 46); unused under linux-6. */
  private int globalPidMax;

  @Implements({SeedFunction.INIT_PID_NS, SeedFunction.PIDMAP_INIT})
  ModelNamespaces(LayerConfig config) {
    this.config = config;
    this.globalPidMax = config.bootPidMax();
    this.init = new ModelPidNs(0, null, allocatorFor(0), this);
    all.add(init);
    refs.put(init, 2); // static: get and put skip it
    cacheIds.add(1);
  }

  private ModelPidAllocator allocatorFor(int level) {
    ModelPidAllocator a = new ModelPidAllocator(config.geometry(), config.profile());
    a.setPidMax(config.pidMaxAt(level, globalPidMax));
    return a;
  }

  /** A handle from this layer that is live. */
  ModelPidNs live(String name, PidNs ns) {
    return LayerRequire.liveNs(name, ns, ModelPidNs.class);
  }

  /** create_pid_namespace plus the parent reference copy_pid_ns gives it. */
  @Implements({SeedFunction.CREATE_PID_CACHEP, SeedFunction.CREATE_PID_NAMESPACE})
  ModelPidNs create(ModelPidNs parent) {
    int level = parent.level() + 1;
    if (config.profile() != Profile.LINUX_2_6_24) {
      SetTid.nesting(level, config.maxNsLevel());
    }
    get(parent);
    ModelPidNs ns = new ModelPidNs(all.size(), parent, allocatorFor(level), this);
    all.add(ns);
    refs.put(ns, 1);
    cacheIds.add(level + 1);
    return ns;
  }

  /** The seed writes its one global, and so every namespace; linux-6 writes one namespace's. */
  void setPidMax(PidNs handle, int value) {
    ModelPidNs ns = live("ns", handle);
    Require.pidMax(value, config.geometry());
    boolean global = config.profile() == Profile.LINUX_2_6_24;
    globalPidMax = global ? value : globalPidMax;
    (global ? all : List.of(ns)).forEach(n -> n.pidmap().setPidMax(value));
  }

  /**
   * ns_last_pid, a linux-6 sysctl: the namespace's own allocator takes the value as its last
   * pid, bounded by its own pid_max. The seed profile has no such file.
   */
  void setLastPid(PidNs handle, int value) {
    ModelPidNs ns = live("ns", handle);
    if (config.profile() == Profile.LINUX_2_6_24) {
      LayerRequire.noNsLastPid(value);
    }
    ns.pidmap().setLastPid(value);
  }

  @Implements(SeedFunction.GET_PID_NS)
  void get(ModelPidNs ns) {
    if (ns != init) {
      refs.merge(ns, 1, Integer::sum);
    }
  }

  /** put_pid_ns; at zero the namespace is released and its parent put, up the chain. */
  @Implements({SeedFunction.DESTROY_PID_NAMESPACE, SeedFunction.FREE_PID_NS, SeedFunction.PUT_PID_NS})
  void put(ModelPidNs ns) {
    for (ModelPidNs n = ns; n != null && n != init; n = n.parent()) {
      int left = refs.merge(n, -1, Integer::sum);
      if (left > 0) {
        return;
      }
      released.add(n);
    }
  }

  /** Namespaces made and not released, init_pid_ns not counted. */
  int liveCount() {
    return all.size() - 1 - released.size();
  }
}
