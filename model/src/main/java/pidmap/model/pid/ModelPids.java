package pidmap.model.pid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import pidmap.spec.SeedFunction;
import pidmap.spec.Implements;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;
import pidmap.spec.pid.HashEntry;
import pidmap.spec.pid.KernelErrno;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidHashing;
import pidmap.spec.pid.SetTid;

/**
 * The model's struct pids: the hash is, per namespace, a sorted map from number to pid; the RCU
 * queue a list; the live pids a set (which is also what the caches count). Not thread-safe.
 *
 * <p>Seed: pid.c lines 202-303.
 */
final class ModelPids {
  private final ModelNamespaces namespaces;
  private final int shift;
  private final Map<ModelPidNs, NavigableMap<Integer, ModelPid>> hash = new HashMap<>();
  private final List<ModelPid> rcuQueue = new ArrayList<>();
  private final Set<ModelPid> live = new LinkedHashSet<>();
  final ModelPid initStructPid;

  @Implements(SeedFunction.INIT_STRUCT_PID)
  ModelPids(ModelNamespaces namespaces, int shift) {
    this.namespaces = namespaces;
    this.shift = shift;
    this.initStructPid = new ModelPid(new int[] {0}, new ModelPidNs[] {namespaces.init});
  }

  /** A handle from this layer that is live. */
  ModelPid live(String name, Pid pid) {
    return LayerRequire.livePid(name, pid, ModelPid.class);
  }

  /**
   * Seed: pid.c lines 241-288; under linux-6 today's alloc_pid with set_tid (PidLayer#allocPid).
   * Innermost level first; on failure the taken numbers go back.
   */
  @Implements(SeedFunction.ALLOC_PID)
  ModelPid alloc(ModelPidNs home, int[] setTid) {
    boolean linux6 = home.pidmap().profile() == Profile.LINUX_6;
    if (linux6) {
      SetTid.size(setTid.length, home.level());
    } else {
      LayerRequire.noSetTid(setTid);
    }
    Map<ModelPidNs, Integer> taken = new LinkedHashMap<>();
    ModelPidNs n = home;
    for (int k = 0; n != null; k++, n = n.parent()) {
      int nr;
      if (k < setTid.length) {
        try {
          // a namespace whose init exited had one (Linux 6 keeps it; the layer clears it at the zap)
          SetTid.entry(setTid[k], n.level(), n.pidmap().pidMax(),
              n.childReaper() != null || !n.allocating());
          nr = n.pidmap().allocExactly(setTid[k]);
          if (nr == PidAllocator.NO_PID) {
            throw SetTid.taken(setTid[k], n.level());
          }
        } catch (KernelErrno e) {
          giveBack(home, taken, linux6);
          throw e;
        }
      } else {
        nr = n.pidmap().alloc();
        if (nr == PidAllocator.NO_PID) {
          giveBack(home, taken, linux6);
          return null;
        }
      }
      taken.put(n, nr);
    }
    if (linux6 && !home.allocating()) {
      giveBack(home, taken, true); // PIDNS_ADDING is gone: ENOMEM, after every level allocated
      throw new KernelErrno("ENOMEM", "the namespace's init has exited (every level had room)");
    }
    int[] nrs = new int[home.level() + 1];
    ModelPidNs[] nss = new ModelPidNs[home.level() + 1];
    taken.forEach((ns, nr) -> {
      nrs[ns.level()] = nr;
      nss[ns.level()] = ns;
    });
    ModelPid p = new ModelPid(nrs, nss);
    namespaces.get(home);
    live.add(p);
    for (int i = 0; i <= home.level(); i++) {
      numbersIn(nss[i]).put(nrs[i], p);
    }
    return p;
  }

  /**
   * The numbers go back; under linux-6 a namespace with no hashed pid that still allocates
   * starts over (alloc_pid's "pid_allocated == PIDNS_ADDING" reset of the cursor).
   */
  private void giveBack(ModelPidNs home, Map<ModelPidNs, Integer> taken, boolean linux6) {
    taken.forEach((ns, nr) -> ns.pidmap().free(nr));
    if (linux6 && home.allocating() && numbersIn(home).isEmpty()) {
      home.pidmap().setLastPid(0);
    }
  }

  /** Seed: pid.c lines 224-239. {@code linked}: some task is linked to it (refused). */
  @Implements(SeedFunction.FREE_PID)
  void free(ModelPid p, boolean linked) {
    LayerRequire.freeable(p, isHashed(p), p == initStructPid, linked);
    for (int i = 0; i <= p.level(); i++) {
      numbersIn(p.nss[i]).remove(p.nrs[i]);
      p.nss[i].pidmap().free(p.nrs[i]);
    }
    rcuQueue.add(p);
  }

  /** Seed: pid.c lines 202-216. */
  @Implements(SeedFunction.PUT_PID)
  void put(ModelPid p) {
    LayerRequire.putable(p, p == initStructPid);
    p.count--;
    if (p.count == 0) {
      p.released = true;
      live.remove(p);
      namespaces.put(p.home());
    }
  }

  /** Seed: pid.c lines 218-222, 238. */
  @Implements(SeedFunction.DELAYED_PUT_PID)
  int gracePeriod() {
    List<ModelPid> due = new ArrayList<>(rcuQueue);
    rcuQueue.clear();
    due.forEach(this::put);
    return due.size();
  }

  /** Seed: pid.c lines 290-303. */
  @Implements(SeedFunction.FIND_PID_NS)
  ModelPid find(int nr, ModelPidNs ns) {
    return numbersIn(ns).get(nr);
  }

  /** The hashed pids with a number in {@code ns}, by that number (the live view). */
  NavigableMap<Integer, ModelPid> numbersIn(ModelPidNs ns) {
    return hash.computeIfAbsent(ns, k -> new TreeMap<>());
  }

  boolean isHashed(ModelPid p) {
    return find(p.nrs[p.level()], p.home()) == p;
  }

  boolean awaitingGrace(ModelPid p) {
    return rcuQueue.contains(p);
  }

  List<HashEntry> hashEntries() {
    List<HashEntry> out = new ArrayList<>();
    hash.forEach((ns, numbers) -> numbers.forEach((nr, p) -> out.add(new HashEntry(
        PidHashing.pidHashFn(nr, ns.hashKey(), shift), nr, ns, p))));
    return out;
  }

  /** One cache per size ever made; each counts the live pids of its size. */
  List<PidCache> caches() {
    Map<Integer, Integer> counts = new HashMap<>();
    live.forEach(p -> counts.merge(p.level() + 1, 1, Integer::sum));
    List<PidCache> out = new ArrayList<>();
    for (int ids : namespaces.cacheIds) {
      out.add(new PidCache(PidCache.nameFor(ids), ids, counts.getOrDefault(ids, 0)));
    }
    return out;
  }

  int liveCount() {
    return live.size();
  }

  int hashedCount() {
    int n = 0;
    for (NavigableMap<Integer, ModelPid> m : hash.values()) {
      n += m.size();
    }
    return n;
  }
}
