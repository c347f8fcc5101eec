package pidmap.impl.pid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import pidmap.spec.SeedFunction;
import pidmap.spec.Implements;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;
import pidmap.spec.pid.HashEntry;
import pidmap.spec.pid.KernelErrno;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.SetTid;
import pidmap.spec.pid.Task;

/**
 * The seed-shaped pid layer: struct pids with one {@link Upid} per level on a chained hash,
 * tasks linked onto per-pid hlists, namespaces with krefs, per-depth caches, and call_rcu made
 * explicit ({@link Rcu}). Lookups ({@link PidLookups}) sit on top.
 *
 * <p>Thread-safety: hash writers serialize on the pidmap lock and link writers on the tasklist
 * lock (taken in that order: tasklist, then pidmap); readers (find_pid_ns, pid_task and every
 * lookup) take no lock and see a pid either fully built or not at all; counts are atomic and
 * a use after free is refused with an exception.
 */
public final class ImplPidLayer extends PidLookups {

  private final LayerConfig config;
  private final PidCaches caches = new PidCaches();
  private final ImplNamespaces namespaces;
  private final PidHashTable hash;
  private final Rcu rcu = new Rcu();
  /** pidmap_lock: serializes hash writers (seed line 113). */
  private final ReentrantLock pidmapLock = new ReentrantLock();
  /** tasklist_lock's write side: serializes link writers. */
  private final ReentrantLock tasklistLock = new ReentrantLock();
  private final AtomicInteger taskSerials = new AtomicInteger();
  private final ImplPid initStructPid;
  private final ImplTask initTask;

  /** The booted kernel. Seed: pid.c lines 43, 71-82, 631-662. */
  @Implements(SeedFunction.INIT_STRUCT_PID)
  public ImplPidLayer(LayerConfig config) {
    this.config = config;
    this.hash = new PidHashTable(config.pidhashShift()); // pidhash_init, keeps [HASH-1]
    this.namespaces = new ImplNamespaces(config, caches);
    // INIT_STRUCT_PID: count 1, pid 0 of init_pid_ns, never hashed, from no cache.
    this.initStructPid = new ImplPid(new int[] {0}, new ImplPidNs[] {namespaces.init}, null);
    this.initTask = (ImplTask) newTask();
    for (PidType t : PidType.values()) {
      attachPid(initTask, t, initStructPid);
    }
    namespaces.init.childReaper = initTask;
  }

  @Override
  public LayerConfig config() {
    return config;
  }

  @Override
  public PidNs initPidNs() {
    return namespaces.init;
  }

  @Override
  public Pid initStructPid() {
    return initStructPid;
  }

  @Override
  public Task initTask() {
    return initTask;
  }

  @Override
  public Task newTask() {
    return new ImplTask(taskSerials.getAndIncrement());
  }

  @Override
  public void setParent(Task child, Task parent) {
    ImplTask c = task("child", child);
    ImplTask p = parent == null ? null : task("parent", parent);
    tasklistLock.lock();
    try {
      c.parent = p;
    } finally {
      tasklistLock.unlock();
    }
  }

  @Override
  public Task parent(Task task) {
    return task("task", task).parent;
  }

  @Override
  ImplPidNs liveNs(String name, PidNs ns) {
    return namespaces.live(name, ns);
  }

  @Override
  Upid findUpid(int nr, ImplPidNs ns) {
    return hash.find(nr, ns);
  }

  /**
   * alloc_pid. Seed: pid.c lines 241-288; under linux-6 today's, with clone3's set_tid and the
   * PIDNS_ADDING check (PidLayer#allocPid).
   */
  @Implements(SeedFunction.ALLOC_PID)
  @Override
  public Pid allocPid(PidNs ns, int[] setTid) {
    ImplPidNs home = namespaces.live("ns", ns);
    int[] tids = LayerRequire.present("set_tid", setTid, "an array").clone();
    if (config.profile() == Profile.LINUX_6) {
      SetTid.size(tids.length, home.level);
    } else {
      LayerRequire.noSetTid(tids);
    }
    PidCaches.KmemCache cachep = home.pidCachep;
    cachep.alloc();
    int[] nrs = new int[home.level + 1];
    ImplPidNs[] nss = new ImplPidNs[home.level + 1];
    ImplPidNs tmp = home;
    for (int i = home.level; i >= 0; i--, tmp = tmp.parent) {
      int nr;
      int k = home.level - i; // set_tid[0] is the innermost level's
      if (k < tids.length) {
        try {
          // a namespace whose init exited had a reaper (Linux 6 keeps it; the zap here clears it)
          SetTid.entry(tids[k], i, tmp.pidmap.pidMax(), tmp.childReaper != null || !tmp.allocating);
        } catch (KernelErrno e) {
          outFree(home, nss, nrs, i, cachep);
          throw e;
        }
        nr = tmp.pidmap.allocExactly(tids[k]); // idr_alloc(tid, tid + 1): the cursor stays
        if (nr == PidAllocator.NO_PID) {
          outFree(home, nss, nrs, i, cachep);
          throw SetTid.taken(tids[k], i);
        }
      } else {
        nr = tmp.pidmap.alloc(); // the bitmap allocation, innermost level first
        if (nr == PidAllocator.NO_PID) {
          outFree(home, nss, nrs, i, cachep);
          return null;
        }
      }
      nrs[i] = nr;
      nss[i] = tmp;
    }
    ImplPid pid = new ImplPid(nrs, nss, cachep); // count 1, empty task lists
    boolean dead;
    pidmapLock.lock();
    try {
      dead = !home.allocating; // linux-6: PIDNS_ADDING gone, ENOMEM after every level allocated
      if (!dead) {
        home.get(); // the pid's reference on its namespace (the seed's elided line 264)
        for (int i = home.level; i >= 0; i--) {
          hash.add(pid.numbers[i]); // keeps [PID-1]: published fully built, see PidHashTable.add
          nss[i].pidAllocated++;
        }
        pid.hashed = true;
      }
    } finally {
      pidmapLock.unlock();
    }
    if (dead) {
      outFree(home, nss, nrs, -1, cachep);
      // only now: a level without room answered EAGAIN (null) above, as alloc_pid checks
      // PIDNS_ADDING after its loop over the levels
      throw new KernelErrno("ENOMEM", "allocation in " + home.describe() + " is disabled");
    }
    return pid;
  }

  /**
   * alloc_pid's out_free: the levels above {@code failed} give their numbers back (keeps [NS-1]),
   * and under linux-6 a namespace with no published pid that still allocates starts over, so its
   * next fork gets 1 (decided under the pidmap lock on the count of published pids, as the
   * kernel decides it on pid_allocated == PIDNS_ADDING; 2.6.24 has no such step).
   */
  private void outFree(ImplPidNs home, ImplPidNs[] nss, int[] nrs, int failed,
      PidCaches.KmemCache cachep) {
    for (int i = failed + 1; i <= home.level; i++) {
      nss[i].pidmap.free(nrs[i]);
    }
    if (config.profile() == Profile.LINUX_6) {
      pidmapLock.lock();
      try {
        if (home.pidAllocated == 0 && home.allocating) {
          home.pidmap.setLastPid(0);
        }
      } finally {
        pidmapLock.unlock();
      }
    }
    cachep.free();
  }

  /** free_pid: unhash and give the numbers back now, drop the hash's reference after grace. */
  @Implements(SeedFunction.FREE_PID)
  @Override
  public void freePid(Pid pid) {
    ImplPid p = livePid("pid", pid);
    tasklistLock.lock();
    try {
      freeLocked(p);
    } finally {
      tasklistLock.unlock();
    }
  }

  /** Seed: pid.c lines 224-239. Caller holds the tasklist lock, so the lists are stable. */
  private void freeLocked(ImplPid p) {
    boolean linked = false;
    for (PidType t : PidType.values()) {
      linked |= p.tasks.get(t.ordinal()) != null;
    }
    pidmapLock.lock();
    try {
      LayerRequire.freeable(p, p.hashed, p == initStructPid, linked); // under the lock: one free wins
      for (Upid u : p.numbers) {
        hash.remove(u); // keeps [HASH-2]
        u.ns.pidAllocated--;
      }
      p.hashed = false;
    } finally {
      pidmapLock.unlock();
    }
    for (Upid u : p.numbers) {
      u.ns.pidmap.free(u.nr); // keeps [NS-1]: numbers go back at once, outside the lock as in the seed
    }
    p.awaitingGrace = true;
    rcu.call(() -> {
      p.awaitingGrace = false;
      putPid(p); // delayed_put_pid (seed 218-222): the hash's reference, keeps [REF-1]
    });
  }

  @Override
  public Pid getPid(Pid pid) {
    if (pid != null) {
      LayerRequire.own("pid", pid, ImplPid.class).get();
    }
    return pid;
  }

  /** put_pid. Seed: pid.c lines 202-216; the count == 1 shortcut is argued on ImplPid#put. */
  @Implements(SeedFunction.PUT_PID)
  @Override
  public void putPid(Pid pid) {
    if (pid == null) {
      return;
    }
    ImplPid p = LayerRequire.own("pid", pid, ImplPid.class);
    if (p.put(p == initStructPid)) {
      p.cache.free(); // keeps [CACHE-1]
      namespaces.put(p.home()); // the seed's elided line 213, keeps [NS-2]
    }
  }

  @Implements(SeedFunction.DELAYED_PUT_PID)
  @Override
  public int gracePeriod() {
    return rcu.gracePeriod();
  }

  /** attach_pid. Seed: pid.c lines 306-318. */
  @Implements(SeedFunction.ATTACH_PID)
  @Override
  public void attachPid(Task task, PidType type, Pid pid) {
    ImplTask t = task("task", task);
    type(type);
    ImplPid p = LayerRequire.own("pid", LayerRequire.present("pid", pid, "a pid"), ImplPid.class);
    tasklistLock.lock();
    try {
      PidLink link = t.link(type);
      LayerRequire.linkFree("task", t, type, link.pid);
      LayerRequire.attachable(p, p.hashed, p == initStructPid);
      link.pid = p;
      link.addHead(p); // keeps [LINK-1]
    } finally {
      tasklistLock.unlock();
    }
  }

  /** detach_pid. Seed: pid.c lines 320-337. */
  @Override
  public void detachPid(Task task, PidType type) {
    ImplTask t = task("task", task);
    type(type);
    tasklistLock.lock();
    try {
      detachLocked(t, type);
    } finally {
      tasklistLock.unlock();
    }
  }

  @Implements(SeedFunction.DETACH_PID)
  private void detachLocked(ImplTask t, PidType type) {
    PidLink link = t.link(type);
    ImplPid p = link.pid;
    LayerRequire.linkInUse("task", t, type, p);
    boolean last = link.prev == null && link.next == null;
    for (PidType other : PidType.values()) {
      last &= other == type || p.tasks.get(other.ordinal()) == null;
    }
    if (last) {
      LayerRequire.freeable(p, p.hashed, p == initStructPid, false); // before anything changes
    }
    link.pid = null;
    link.unlink(p); // keeps [LINK-1]
    if (last) {
      freeLocked(p); // keeps [PID-3]: no task of any type is left
    }
  }

  /** transfer_pid. Seed: pid.c lines 339-346. */
  @Implements(SeedFunction.TRANSFER_PID)
  @Override
  public void transferPid(Task old, Task nu, PidType type) {
    ImplTask o = task("old", old);
    ImplTask n = task("new", nu);
    type(type);
    tasklistLock.lock();
    try {
      ImplPid p = o.link(type).pid;
      LayerRequire.linkInUse("old", o, type, p);
      LayerRequire.linkFree("new", n, type, n.link(type).pid);
      n.link(type).pid = p;
      o.link(type).replaceWith(n.link(type), p); // keeps [LINK-1]
      o.link(type).pid = null;
    } finally {
      tasklistLock.unlock();
    }
  }

  @Override
  public void putTaskStruct(Task task) {
    task("task", task).put();
  }

  @Override
  public void setPidMax(PidNs ns, int value) {
    namespaces.setPidMax(namespaces.live("ns", ns), value);
  }

  /** Written without the pidmap lock, as pid_ns_ctl_handler sets the idr cursor. */
  @Override
  public void setLastPid(PidNs ns, int value) {
    namespaces.writeNsLastPid(namespaces.live("ns", ns), value);
  }

  @Override
  public PidNs copyPidNs(long flags, PidNs old) {
    return namespaces.copy(flags, namespaces.live("old", old));
  }

  @Override
  public PidNs getPidNs(PidNs ns) {
    namespaces.live("ns", ns).get();
    return ns;
  }

  @Override
  public void putPidNs(PidNs ns) {
    namespaces.put(namespaces.live("ns", ns));
  }

  /**
   * zap_pid_ns_processes. Seed: pid.c lines 589-624: kill the PID task of every number from 2
   * up; the init's wait4 then reaps (detaches every link of) those that are, or become, its
   * children. {@link ImplZap} decides which, under the tasklist lock.
   */
  @Implements(SeedFunction.ZAP_PID_NS_PROCESSES)
  @Override
  public List<Task> zapPidNsProcesses(PidNs ns) {
    ImplPidNs n = namespaces.live("ns", ns);
    LayerRequire.zappable(n, n == namespaces.init);
    if (config.profile() == Profile.LINUX_6) {
      pidmapLock.lock();
      try {
        n.allocating = false; // disable_pid_allocation: later forks into n get ENOMEM
      } finally {
        pidmapLock.unlock();
      }
    }
    List<Task> killed = new ArrayList<>();
    tasklistLock.lock();
    try {
      for (int nr = n.pidmap.next(1); nr > 0; nr = n.pidmap.next(nr)) {
        Upid u = hash.find(nr, n);
        PidLink first = u == null ? null : u.pid.tasks.get(PidType.PID.ordinal());
        if (first != null) {
          killed.add(first.task);
        }
      }
      ImplZap zap = new ImplZap(n, config.profile() == Profile.LINUX_6, killed);
      for (ImplTask victim : zap.childrenOfTheInit()) {
        releaseLocked(victim);
      }
      for (ImplTask init : zap.innerInits()) {
        if (!zap.namespaceBusy(init)) {
          releaseLocked(init);
        }
      }
    } finally {
      tasklistLock.unlock();
    }
    n.childReaper = null; // keeps [ZAP-1]
    return killed;
  }

  /** release_task's share of pid.c: every link of the task detached. Tasklist lock held. */
  private void releaseLocked(ImplTask victim) {
    for (PidType t : PidType.values()) {
      if (victim.link(t).pid != null) {
        detachLocked(victim, t);
      }
    }
  }

  @Override
  public void setChildReaper(PidNs ns, Task task) {
    ImplPidNs n = namespaces.live("ns", ns);
    n.childReaper = task("task", task);
  }

  @Override
  public List<Task> pidTasks(Pid pid, PidType type) {
    ImplPid p = LayerRequire.own("pid", pid, ImplPid.class);
    List<Task> out = new ArrayList<>();
    for (PidLink l = p.tasks.getAcquire(type.ordinal()); l != null; l = l.next) {
      out.add(l.task);
    }
    return out;
  }

  @Override
  public boolean isHashed(Pid pid) {
    return LayerRequire.own("pid", pid, ImplPid.class).hashed;
  }

  @Override
  public boolean awaitingGrace(Pid pid) {
    return LayerRequire.own("pid", pid, ImplPid.class).awaitingGrace;
  }

  @Override
  public int pidhashShift() {
    return hash.shift();
  }

  @Override
  public List<HashEntry> hashEntries() {
    return hash.entries();
  }

  @Override
  public List<PidCache> pidCaches() {
    return caches.report();
  }

  @Override
  public int liveNamespaces() {
    return namespaces.liveCount();
  }
}
