package pidmap.model.pid;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Implements;
import pidmap.spec.SeedFunction;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.PidNs;

/**
 * The model's namespaces and which pid caches exist: every namespace ever created in a list (its
 * index is its serial), plain counts, and the set of cache sizes made so far. Not thread-safe.
 *
 * <p>Seed: pid.c lines 71-82 (init_pid_ns), 469-501 (create_pid_cachep), 504-551 (create and
 * destroy), 576-585 (free_pid_ns); get_pid_ns and put_pid_ns of pid_namespace.h.
 */
final class ModelNamespaces {
  private final LayerConfig config;
  final List<ModelPidNs> all = new ArrayList<>();
  /** The number of ids of every pid cache made so far; never shrinks. */
  final SortedSet<Integer> cacheIds = new TreeSet<>();
  final ModelPidNs init;

  @Implements({SeedFunction.INIT_PID_NS, SeedFunction.PIDMAP_INIT})
  ModelNamespaces(LayerConfig config) {
    this.config = config;
    this.init = new ModelPidNs(0, null, allocatorFor(0), 2);
    all.add(init);
    cacheIds.add(1);
  }

  private ModelPidAllocator allocatorFor(int level) {
    ModelPidAllocator a = new ModelPidAllocator(config.geometry(), config.profile());
    a.setPidMax(config.pidMaxAt(level));
    return a;
  }

  /** A handle from this layer that is live. */
  ModelPidNs live(String name, PidNs ns) {
    ModelPidNs n = LayerRequire.own(name, LayerRequire.present(name, ns, "a namespace"),
        ModelPidNs.class);
    LayerRequire.liveNs(name, n);
    return n;
  }

  /** create_pid_namespace plus the parent reference copy_pid_ns gives it. */
  @Implements({SeedFunction.CREATE_PID_CACHEP, SeedFunction.CREATE_PID_NAMESPACE})
  ModelPidNs create(ModelPidNs parent) {
    get(parent);
    ModelPidNs ns = new ModelPidNs(all.size(), parent, allocatorFor(parent.level + 1), 1);
    all.add(ns);
    cacheIds.add(ns.level + 1);
    return ns;
  }

  @Implements(SeedFunction.GET_PID_NS)
  void get(ModelPidNs ns) {
    if (ns != init) {
      ns.refcount++;
    }
  }

  /** put_pid_ns; at zero the namespace is released and its parent put, up the chain. */
  @Implements({SeedFunction.DESTROY_PID_NAMESPACE, SeedFunction.FREE_PID_NS, SeedFunction.PUT_PID_NS})
  void put(ModelPidNs ns) {
    for (ModelPidNs n = ns; n != null && n != init; n = n.parent) {
      n.refcount--;
      if (n.refcount > 0) {
        return;
      }
      n.released = true;
    }
  }

  int liveCount() {
    int n = 0;
    for (ModelPidNs ns : all) {
      n += ns != init && !ns.released ? 1 : 0;
    }
    return n;
  }
}
