package pidmap.model.pid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pidmap.spec.PidAllocator;
import pidmap.spec.pid.HashEntry;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidHashing;

/**
 * The model's struct pids: the hash is a map from (namespace, number) to pid, the RCU queue a
 * list, the live pids a set (which is also what the caches count). Not thread-safe.
 *
 * <p>Seed: pid.c lines 202-303.
 */
final class ModelPids {
  private record NsNr(ModelPidNs ns, int nr) {}

  private final ModelNamespaces namespaces;
  private final int shift;
  private final Map<NsNr, ModelPid> hash = new HashMap<>();
  private final List<ModelPid> rcuQueue = new ArrayList<>();
  private final Set<ModelPid> live = new LinkedHashSet<>();
  final ModelPid initStructPid;

  ModelPids(ModelNamespaces namespaces, int shift) {
    this.namespaces = namespaces;
    this.shift = shift;
    this.initStructPid = new ModelPid(new int[] {0}, new ModelPidNs[] {namespaces.init});
  }

  /** A handle from this layer that is live. */
  ModelPid live(String name, Pid pid) {
    ModelPid p = LayerRequire.own(name, LayerRequire.present(name, pid, "a pid"), ModelPid.class);
    LayerRequire.livePid(name, p);
    return p;
  }

  /** Seed: pid.c lines 241-288. Innermost level first; on failure the taken numbers go back. */
  ModelPid alloc(ModelPidNs home) {
    int[] nrs = new int[home.level + 1];
    ModelPidNs[] nss = new ModelPidNs[home.level + 1];
    ModelPidNs n = home;
    for (int i = home.level; i >= 0; i--, n = n.parent) {
      nrs[i] = n.pidmap.alloc();
      nss[i] = n;
      if (nrs[i] == PidAllocator.NO_PID) {
        for (int j = i + 1; j <= home.level; j++) {
          nss[j].pidmap.free(nrs[j]);
        }
        return null;
      }
    }
    ModelPid p = new ModelPid(nrs, nss);
    namespaces.get(home);
    live.add(p);
    for (int i = 0; i <= home.level; i++) {
      hash.put(new NsNr(nss[i], nrs[i]), p);
    }
    return p;
  }

  /** Seed: pid.c lines 224-239. */
  void free(ModelPid p) {
    LayerRequire.freeable(p, isHashed(p), p == initStructPid);
    for (int i = 0; i <= p.level(); i++) {
      hash.remove(new NsNr(p.nss[i], p.nrs[i]));
      p.nss[i].pidmap.free(p.nrs[i]);
    }
    rcuQueue.add(p);
  }

  /** Seed: pid.c lines 202-216. */
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
  int gracePeriod() {
    List<ModelPid> due = new ArrayList<>(rcuQueue);
    rcuQueue.clear();
    due.forEach(this::put);
    return due.size();
  }

  /** Seed: pid.c lines 290-303. */
  ModelPid find(int nr, ModelPidNs ns) {
    return hash.get(new NsNr(ns, nr));
  }

  /** The hashed pids with a number in {@code ns}, by that number. */
  Map<Integer, ModelPid> numbersIn(ModelPidNs ns) {
    Map<Integer, ModelPid> out = new HashMap<>();
    hash.forEach((k, p) -> {
      if (k.ns() == ns) {
        out.put(k.nr(), p);
      }
    });
    return out;
  }

  boolean isHashed(ModelPid p) {
    return hash.get(new NsNr(p.home(), p.nrs[p.level()])) == p;
  }

  boolean awaitingGrace(ModelPid p) {
    return rcuQueue.contains(p);
  }

  List<HashEntry> hashEntries() {
    List<HashEntry> out = new ArrayList<>();
    hash.forEach((k, p) -> out.add(new HashEntry(
        PidHashing.pidHashFn(k.nr(), k.ns().hashKey(), shift), k.nr(), k.ns(), p)));
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
    return hash.size();
  }
}
