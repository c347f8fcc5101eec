package pidmap.model.pid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pidmap.spec.SeedFunction;
import pidmap.spec.Implements;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.HashEntry;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.LayerRequire;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * The reference pid layer: struct pids and the hash in {@link ModelPids}, namespaces in
 * {@link ModelNamespaces}, a task's links a map from (task, type) to pid, a pid's task lists
 * plain lists with the head first. Each method says the seed's rule in the fewest words.
 *
 * <p>Not thread-safe: the model is sequential by definition.
 */
public final class ModelPidLayer implements PidLayer {

  private record Link(ModelTask task, PidType type) {}

  private record Chain(ModelPid pid, PidType type) {}

  private final ModelNamespaces namespaces;
  private final ModelPids pids;
  /** The idle task, init_task: linked to init_struct_pid in all three types. */
  private final ModelTask idle;
  private final Map<Link, ModelPid> links = new HashMap<>();
  private final Map<Chain, List<ModelTask>> chains = new HashMap<>();
  /** real_parent of each task that has one. */
  private final Map<ModelTask, ModelTask> parents = new HashMap<>();
  private int tasksMade;

  /** A booted layer. Seed: pid.c lines 43, 71-82, 627-662. */
  public ModelPidLayer(LayerConfig config) {
    this.namespaces = new ModelNamespaces(config);
    this.pids = new ModelPids(namespaces, config.pidhashShift());
    this.idle = (ModelTask) newTask();
    for (PidType t : PidType.values()) {
      attachPid(idle, t, pids.initStructPid);
    }
    namespaces.reapers.put(namespaces.init, idle);
  }

  @Override
  public Task newTask() {
    return new ModelTask(tasksMade++);
  }

  @Override
  public void setParent(Task child, Task parent) {
    ModelTask c = task("child", child);
    if (parent == null) {
      parents.remove(c);
    } else {
      parents.put(c, task("parent", parent));
    }
  }

  @Override
  public Task parent(Task task) {
    return parents.get(task("task", task));
  }

  private static ModelTask task(String name, Task task) {
    return LayerRequire.own(name, LayerRequire.present(name, task, "a task"), ModelTask.class);
  }

  @Override
  public Task initTask() {
    return idle;
  }

  private static PidType type(PidType type) {
    return LayerRequire.present("type", type, "one of pid, pgid, sid");
  }

  @Override
  public LayerConfig config() {
    return namespaces.config;
  }

  private List<ModelTask> chain(ModelPid pid, PidType type) {
    return chains.computeIfAbsent(new Chain(pid, type), k -> new ArrayList<>());
  }

  @Override
  public Pid initStructPid() {
    return pids.initStructPid;
  }

  @Override
  public Pid allocPid(PidNs ns, int[] setTid) {
    ModelPidNs home = namespaces.live("ns", ns);
    return pids.alloc(home, LayerRequire.present("set_tid", setTid, "an array").clone());
  }

  @Override
  public List<PidCache> pidCaches() {
    return pids.caches();
  }

  @Override
  public void setPidMax(PidNs ns, int value) {
    namespaces.setPidMax(ns, value);
  }

  @Override
  public void setLastPid(PidNs ns, int value) {
    namespaces.setLastPid(ns, value);
  }

  @Override
  public void freePid(Pid pid) {
    ModelPid p = pids.live("pid", pid);
    boolean linked = false;
    for (PidType t : PidType.values()) {
      linked |= !chain(p, t).isEmpty();
    }
    pids.free(p, linked);
  }

  @Override
  public boolean isHashed(Pid pid) {
    return pids.isHashed(LayerRequire.own("pid", pid, ModelPid.class));
  }

  @Implements(SeedFunction.GET_PID)
  @Override
  public Pid getPid(Pid pid) {
    if (pid != null) {
      pids.live("pid", pid).count++;
    }
    return pid;
  }

  @Override
  public void putPid(Pid pid) {
    if (pid != null) {
      pids.put(LayerRequire.own("pid", pid, ModelPid.class));
    }
  }

  @Override
  public int gracePeriod() {
    return pids.gracePeriod();
  }

  @Override
  public Pid findPidNs(int nr, PidNs ns) {
    LayerRequire.nr(nr);
    return pids.find(nr, namespaces.live("ns", ns));
  }

  @Override
  public int pidhashShift() {
    return namespaces.config.pidhashShift();
  }

  @Override
  public List<HashEntry> hashEntries() {
    return pids.hashEntries();
  }

  /** Seed: pid.c lines 306-318. */
  @Implements(SeedFunction.ATTACH_PID)
  @Override
  public void attachPid(Task task, PidType type, Pid pid) {
    Link link = new Link(task("task", task), type(type));
    ModelPid p = LayerRequire.own("pid", LayerRequire.present("pid", pid, "a pid"), ModelPid.class);
    LayerRequire.linkFree("task", link.task(), type, links.get(link));
    LayerRequire.attachable(p, pids.isHashed(p), p == pids.initStructPid);
    links.put(link, p);
    chain(p, type).add(0, link.task()); // the head: what pid_task answers
  }

  /** Seed: pid.c lines 320-337: the last task of any type leaving frees the pid. */
  @Implements(SeedFunction.DETACH_PID)
  @Override
  public void detachPid(Task task, PidType type) {
    Link link = new Link(task("task", task), type(type));
    ModelTask t = link.task();
    ModelPid p = links.get(link);
    LayerRequire.linkInUse("task", t, type, p);
    boolean last = true;
    for (PidType other : PidType.values()) {
      last &= chain(p, other).size() == (other == type ? 1 : 0);
    }
    if (last) {
      LayerRequire.freeable(p, pids.isHashed(p), p == pids.initStructPid, false);
    }
    links.remove(new Link(t, type));
    chain(p, type).remove(t);
    if (last) {
      pids.free(p, false);
    }
  }

  /** Seed: pid.c lines 339-346: the new task takes the old one's place in the list. */
  @Implements(SeedFunction.TRANSFER_PID)
  @Override
  public void transferPid(Task old, Task nu, PidType type) {
    ModelTask o = task("old", old);
    ModelTask n = task("new", nu);
    Link from = new Link(o, type(type)); // checked in the impl's order: old, new, type
    ModelPid p = links.get(from);
    LayerRequire.linkInUse("old", o, type, p);
    LayerRequire.linkFree("new", n, type, links.get(new Link(n, type)));
    List<ModelTask> c = chain(p, type);
    c.set(c.indexOf(o), n);
    links.remove(new Link(o, type));
    links.put(new Link(n, type), p);
  }

  /** Seed: pid.c lines 348-359. */
  @Implements(SeedFunction.PID_TASK)
  @Override
  public Task pidTask(Pid pid, PidType type) {
    if (pid == null) {
      return null;
    }
    List<ModelTask> c = chain(pids.live("pid", pid), type(type));
    return c.isEmpty() ? null : c.get(0);
  }

  @Override
  public boolean awaitingGrace(Pid pid) {
    return pids.awaitingGrace(LayerRequire.own("pid", pid, ModelPid.class));
  }

  @Implements(SeedFunction.FIND_TASK_BY_PID_TYPE_NS)
  @Override
  public Task findTaskByPidTypeNs(PidType type, int nr, PidNs ns) {
    type(type);
    return pidTask(findPidNs(nr, ns), type);
  }

  @Implements(SeedFunction.FIND_TASK_BY_PID)
  @Override
  public Task findTaskByPid(int nr) {
    return findTaskByPidTypeNs(PidType.PID, nr, namespaces.init);
  }

  @Implements(SeedFunction.FIND_TASK_BY_VPID)
  @Override
  public Task findTaskByVpid(PidNs current, int vnr) {
    return findTaskByPidTypeNs(PidType.PID, vnr, namespaces.live("current", current));
  }

  @Implements(SeedFunction.FIND_TASK_BY_PID_NS)
  @Override
  public Task findTaskByPidNs(int nr, PidNs ns) {
    return findTaskByPidTypeNs(PidType.PID, nr, ns);
  }

  @Implements(SeedFunction.GET_TASK_PID)
  @Override
  public Pid getTaskPid(Task task, PidType type) {
    return getPid(links.get(new Link(task("task", task), type(type))));
  }

  @Implements(SeedFunction.GET_PID_TASK)
  @Override
  public Task getPidTask(Pid pid, PidType type) {
    ModelTask t = (ModelTask) pidTask(pid, type);
    if (t != null) {
      t.usage++;
    }
    return t;
  }

  @Override
  public void putTaskStruct(Task task) {
    ModelTask t = task("task", task);
    LayerRequire.taskPutable(t);
    t.usage--;
  }

  @Implements(SeedFunction.FIND_GET_PID)
  @Override
  public Pid findGetPid(PidNs current, int nr) {
    LayerRequire.nr(nr);
    return getPid(pids.find(nr, namespaces.live("current", current)));
  }

  /** Seed: pid.c lines 421-431. */
  @Implements(SeedFunction.PID_NR_NS)
  @Override
  public int pidNrNs(Pid pid, PidNs ns) {
    ModelPidNs n = namespaces.live("ns", ns);
    if (pid == null) {
      return 0;
    }
    ModelPid p = pids.live("pid", pid);
    return n.level() <= p.level() && p.nss[n.level()] == n ? p.nrs[n.level()] : 0;
  }

  /** Seed: pid.c lines 439-450, stated as: the smallest hashed number at least nr in ns. */
  @Implements(SeedFunction.FIND_GE_PID)
  @Override
  public Pid findGePid(int nr, PidNs ns) {
    LayerRequire.nr(nr);
    Map.Entry<Integer, ModelPid> e = pids.numbersIn(namespaces.live("ns", ns)).ceilingEntry(nr);
    return e == null ? null : e.getValue();
  }

  /** Seed: pid.c lines 553-574. */
  @Implements(SeedFunction.COPY_PID_NS)
  @Override
  public PidNs copyPidNs(long flags, PidNs old) {
    ModelPidNs o = namespaces.live("old", old);
    LayerRequire.copyFlags(flags);
    if ((flags & CloneFlags.CLONE_NEWPID) == 0) {
      namespaces.get(o);
      return o;
    }
    return namespaces.create(o);
  }

  @Override
  public PidNs initPidNs() {
    return namespaces.init;
  }

  @Override
  public PidNs getPidNs(PidNs ns) {
    namespaces.get(namespaces.live("ns", ns));
    return ns;
  }

  @Override
  public void putPidNs(PidNs ns) {
    ModelPidNs n = namespaces.live("ns", ns);
    namespaces.put(n);
  }

  @Override
  public int liveNamespaces() {
    return namespaces.all.size() - 1 - namespaces.released.size();
  }

  /**
   * Seed: pid.c lines 589-624: by ascending number from 2, kill the PID task of each; the init
   * reaps those that end up its children (ModelZap says which), the inits of inner namespaces
   * last, deepest first.
   */
  @Implements(SeedFunction.ZAP_PID_NS_PROCESSES)
  @Override
  public List<Task> zapPidNsProcesses(PidNs ns) {
    ModelPidNs n = namespaces.live("ns", ns);
    LayerRequire.zappable(n, n == namespaces.init);
    boolean linux6 = namespaces.config.profile() != Profile.LINUX_2_6_24;
    if (linux6) {
      namespaces.dead.add(n); // disable_pid_allocation
    }
    List<Task> killed = new ArrayList<>();
    for (ModelPid p : new TreeMap<>(pids.numbersIn(n)).tailMap(2).values()) {
      Task victim = pids.isHashed(p) ? pidTask(p, PidType.PID) : null;
      if (victim != null) {
        killed.add(victim);
      }
    }
    ModelZap zap = new ModelZap(n, linux6, this::linkedPid, this::parent, killed);
    for (Task v : zap.reapedNow(killed)) {
      release(v);
    }
    for (Task v : zap.waitingInits(killed)) {
      if (!zap.stillHasOthers(v)) {
        release(v);
      }
    }
    namespaces.reapers.remove(n);
    return killed;
  }

  /** release_task's share of pid.c: every link detached. */
  private void release(Task victim) {
    for (PidType t : PidType.values()) {
      if (links.containsKey(new Link((ModelTask) victim, t))) {
        detachPid(victim, t);
      }
    }
  }

  @Override
  public void setChildReaper(PidNs ns, Task task) {
    ModelPidNs n = namespaces.live("ns", ns);
    namespaces.reapers.put(n, task("task", task));
  }

  /** Seed: pid.c lines 84-97. */
  @Implements(SeedFunction.IS_CONTAINER_INIT)
  @Override
  public boolean isContainerInit(Task task) {
    ModelPid p = links.get(new Link(task("task", task), PidType.PID));
    return p != null && p.nrs[p.level()] == 1;
  }

  @Override
  public Pid linkedPid(Task task, PidType type) {
    return links.get(new Link(task("task", task), type(type)));
  }

  @Override
  public List<Task> pidTasks(Pid pid, PidType type) {
    ModelPid p = LayerRequire.own("pid", pid, ModelPid.class);
    return List.copyOf(chains.getOrDefault(new Chain(p, type), List.of()));
  }

  @Override
  public String toString() {
    return "model pid layer: " + pids.liveCount() + " live pids, " + pids.hashedCount()
        + " hashed numbers, " + namespaces.liveCount() + " child namespaces";
  }
}
