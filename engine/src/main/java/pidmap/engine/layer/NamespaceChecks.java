package pidmap.engine.layer;

import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pidmap.spec.pid.HashEntry;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/** The predicates of {@link LayerInvariants} about namespaces, the hash, caches and leaks. */
final class NamespaceChecks {
  private NamespaceChecks() {}

  private static boolean live(Pid p) {
    return !p.released();
  }

  /** NS-1. */
  static String bitmapIsNumbers(LayerStep s) {
    Map<PidNs, BitSet> want = new IdentityHashMap<>();
    for (PidNs n : s.namespaces()) {
      if (!n.released()) {
        BitSet b = new BitSet();
        b.set(0);
        want.put(n, b);
      }
    }
    for (Pid p : s.livePids()) {
      if (live(p) && s.layer().isHashed(p)) {
        for (int i = 0; i <= p.level(); i++) {
          BitSet b = want.get(p.ns(i));
          if (b == null) {
            return s.nameOf(p) + " is hashed in " + s.nameOf(p.ns(i)) + ", which is not live";
          }
          b.set(p.nr(i));
        }
      }
    }
    for (Map.Entry<PidNs, BitSet> e : want.entrySet()) {
      BitSet got = e.getKey().pidmap().allocated();
      if (!got.equals(e.getValue())) {
        return s.nameOf(e.getKey()) + "'s bitmap holds " + got + " but its hashed pids hold "
            + e.getValue();
      }
    }
    return null;
  }

  /** NS-2. */
  static String nsRefcount(LayerStep s) {
    Map<PidNs, Integer> held = new IdentityHashMap<>();
    for (Pid p : s.livePids()) {
      if (live(p) && p != s.layer().initStructPid()) {
        held.merge(p.ns(p.level()), 1, Integer::sum);
      }
    }
    for (PidNs n : s.namespaces()) {
      if (!n.released() && n.parent() != null) {
        held.merge(n.parent(), 1, Integer::sum);
      }
    }
    for (PidNs n : s.namespaces()) {
      if (n == s.layer().initPidNs()) {
        if (n.refcount() != 2 || n.released()) {
          return "init_pid_ns has count " + n.refcount() + (n.released() ? " and is released" : "")
              + "; it is static with count 2";
        }
        continue;
      }
      int want = held.getOrDefault(n, 0) + s.nsRefsHeld(n);
      if (n.refcount() != want || n.released() != (want == 0)) {
        return s.nameOf(n) + " has count " + n.refcount() + (n.released() ? " (released)" : "")
            + " but " + want + " references are held (pids, child namespaces, nsproxies, checker)";
      }
    }
    return null;
  }

  /** NS-3. */
  static String nsShape(LayerStep s) {
    for (PidNs n : s.namespaces()) {
      PidNs parent = n.parent();
      if (parent == null) {
        if (n != s.layer().initPidNs() || n.level() != 0) {
          return s.nameOf(n) + " has no parent but is not init_pid_ns at level 0";
        }
      } else if (n.level() != parent.level() + 1) {
        return s.nameOf(n) + " is at level " + n.level() + ", its parent at " + parent.level();
      } else if (!n.released() && parent.released()) {
        return s.nameOf(n) + " is live but its parent " + s.nameOf(parent) + " was released";
      }
    }
    for (Pid p : s.pids()) {
      if (p.ns(0) != s.layer().initPidNs()) {
        return s.nameOf(p) + "'s level 0 namespace is not init_pid_ns";
      }
      for (int i = 1; i <= p.level(); i++) {
        if (p.ns(i).parent() != p.ns(i - 1) || p.ns(i).level() != i) {
          return s.nameOf(p) + "'s namespaces at levels " + (i - 1) + " and " + i
              + " are not parent and child";
        }
      }
    }
    return null;
  }

  /** HASH-1, against {@link SeedHash}'s own rendition of pidhash_init and pid_hashfn. */
  static String hashPlacement(LayerStep s) {
    PidLayer l = s.layer();
    int shift = l.pidhashShift();
    int wantShift = SeedHash.shift(l.config().nrKernelPages());
    if (shift != wantShift) {
      return "the hash has shift " + shift + ", pidhash_init gives " + wantShift;
    }
    for (HashEntry e : l.hashEntries()) {
      int want = SeedHash.chain(e.nr(), e.ns().hashKey(), shift);
      if (e.bucket() != want) {
        return "number " + e.nr() + " of " + s.nameOf(e.pid()) + " is on chain " + e.bucket()
            + ", pid_hashfn says " + want;
      }
    }
    return null;
  }

  /** HASH-2. */
  static String hashExact(LayerStep s) {
    record Key(int nr, PidNs ns, Pid pid) {}
    Map<Key, Integer> want = new HashMap<>();
    for (Pid p : s.livePids()) {
      if (live(p) && s.layer().isHashed(p)) {
        for (int i = 0; i <= p.level(); i++) {
          want.merge(new Key(p.nr(i), p.ns(i), p), 1, Integer::sum);
        }
      }
    }
    List<HashEntry> entries = s.layer().hashEntries();
    for (HashEntry e : entries) {
      Key k = new Key(e.nr(), e.ns(), e.pid());
      Integer n = want.get(k);
      if (n == null || n == 0) {
        return "the hash holds number " + e.nr() + " in " + s.nameOf(e.ns()) + " for "
            + s.nameOf(e.pid()) + ", which no hashed pid has (or twice)";
      }
      want.put(k, n - 1);
    }
    for (Map.Entry<Key, Integer> e : want.entrySet()) {
      if (e.getValue() != 0) {
        return "number " + e.getKey().nr() + " of " + s.nameOf(e.getKey().pid()) + " in "
            + s.nameOf(e.getKey().ns()) + " is missing from the hash";
      }
    }
    return null;
  }

  /** CACHE-1. */
  static String caches(LayerStep s) {
    TreeMap<Integer, Integer> want = new TreeMap<>();
    int liveNs = 0;
    for (PidNs n : s.namespaces()) {
      want.putIfAbsent(n.level() + 1, 0);
      if (!n.released() && n != s.layer().initPidNs()) {
        liveNs++;
      }
    }
    for (Pid p : s.livePids()) {
      if (live(p) && p != s.layer().initStructPid()) {
        want.merge(p.level() + 1, 1, Integer::sum);
      }
    }
    TreeMap<Integer, Integer> got = new TreeMap<>();
    for (PidCache c : s.layer().pidCaches()) {
      if (!c.name().equals(PidCache.nameFor(c.nrIds())) || got.put(c.nrIds(), c.liveObjects()) != null) {
        return "cache " + c.name() + " for " + c.nrIds() + " ids is misnamed or made twice";
      }
    }
    if (!got.equals(want)) {
      return "caches (ids=live) are " + got + ", the live pids say " + want;
    }
    if (s.layer().liveNamespaces() != liveNs) {
      return "the namespace cache has " + s.layer().liveNamespaces() + " live objects, " + liveNs
          + " namespaces are live";
    }
    return null;
  }

  /** ZAP-1. */
  static String zapped(LayerStep s) {
    PidNs n = s.zapped();
    if (n == null) {
      return null;
    }
    if (n.childReaper() != null) {
      return s.nameOf(n) + " still has child reaper " + s.nameOf(n.childReaper()) + " after the zap";
    }
    for (Pid p : s.livePids()) {
      if (live(p) && s.layer().isHashed(p) && inside(p, n) && p.nr(n.level()) >= 2
          && !s.layer().pidTasks(p, PidType.PID).isEmpty()) {
        Task v = s.layer().pidTasks(p, PidType.PID).get(0);
        if (!s.zombie(v) || !(parentOutside(s, v, n) || innerInitWaiting(s, p))) {
          return s.nameOf(v) + " survived the zap of " + s.nameOf(n) + " with number "
              + p.nr(n.level()) + (s.zombie(v) ? " though its init reaps it" : ", running");
        }
      }
    }
    return null;
  }

  private static boolean inside(Pid p, PidNs n) {
    return p != null && p.level() >= n.level() && p.ns(n.level()) == n;
  }

  /** The task's parent is a task not yet reaped, with no number in {@code n}. */
  private static boolean parentOutside(LayerStep s, Task v, PidNs n) {
    Task parent = s.layer().parent(v);
    return parent != null && s.unreaped().contains(parent)
        && !inside(s.layer().linkedPid(parent, PidType.PID), n);
  }

  /** linux-6: number 1 of an inner namespace that still holds another pid (it waits). */
  private static boolean innerInitWaiting(LayerStep s, Pid p) {
    return s.layer().config().profile() != pidmap.spec.Profile.LINUX_2_6_24
        && p.nr(p.level()) == 1 && p.ns(p.level()).pidmap().allocatedCount() > 2;
  }

  /** LEAK-1. */
  static String nothingLeaked(LayerStep s) {
    if (!s.afterTeardown()) {
      return null;
    }
    PidLayer l = s.layer();
    for (PidCache c : l.pidCaches()) {
      if (c.liveObjects() != 0) {
        return "cache " + c.name() + " still has " + c.liveObjects() + " live objects";
      }
    }
    if (l.liveNamespaces() != 0) {
      return l.liveNamespaces() + " namespaces are still live";
    }
    for (PidNs n : s.namespaces()) {
      if (n != l.initPidNs() && !n.released()) {
        return s.nameOf(n) + " is not released (count " + n.refcount() + ")";
      }
    }
    BitSet only0 = new BitSet();
    only0.set(0);
    if (!l.initPidNs().pidmap().allocated().equals(only0)) {
      return "init_pid_ns's bitmap holds " + l.initPidNs().pidmap().allocated() + ", not {0}";
    }
    for (Pid p : s.pids()) {
      if (p != l.initStructPid() && !p.released()) {
        return s.nameOf(p) + " is still live with count " + p.count();
      }
    }
    if (l.initStructPid().count() != 1) {
      return "init_struct_pid has count " + l.initStructPid().count() + ", not 1";
    }
    for (Task t : s.tasks()) {
      if (t.usage() != 1) {
        return s.nameOf(t) + " has usage " + t.usage() + ", not 1";
      }
    }
    return null;
  }
}
