package pidmap.engine.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/**
 * Generated kernel-safe layer steps (only operations with a process-level request): forks with
 * and without CLONE_NEWPID, CLONE_THREAD and set_tid, namespaces nested up to level
 * {@value #DEEP} (and, one episode in eight, a chain down to the agent's nesting limit and one
 * past it), exit and reap, setsid, setpgid, unshare, setns (into a task's namespace or where its
 * children are born, when the agent lists the {@code setns_children} feature), per-namespace
 * pid_max writes from a task inside, ns_last_pid writes at every level (the writer's active
 * namespace), and kill(N, 0) /
 * getpgid / getsid from inside each namespace. Each step is chosen from the state the model
 * reaches, so it mostly names running tasks; the number of unreaped tasks stays bounded.
 *
 * <p>The same seed and configuration give the same steps. Not thread-safe.
 */
public final class ProcessLevelGenerator {
  /** The deepest level the generator's ordinary forks and unshares reach below the root. */
  public static final int DEEP = 5;
  private static final int CROWD = 40;

  private final SplittableRandom rnd;
  private final ProcessLevel model;
  private int nextId = 2;
  private int chain;
  /** A task whose namespace just got a small pid_max: the next step writes its ns_last_pid. */
  private Task pastReserved;

  private final java.util.function.Predicate<String> can;

  /**
   * @param can whether the agent offers a request verb or a feature ({@code CLONE_NEWPID},
   *     {@code CLONE_THREAD}, {@code set_tid}, {@code in}); steps it cannot take are not drawn
   * @param chainToLimit whether an episode may run a CLONE_NEWPID chain past the nesting limit
   */
  public ProcessLevelGenerator(long seed, LayerConfig config,
      java.util.function.Predicate<String> can, boolean chainToLimit) {
    this(seed, new ProcessLevel(config), can, chainToLimit);
  }

  /** The same steps, run on {@code model} (a fresh one, e.g. on a test's wrong layer). */
  public ProcessLevelGenerator(long seed, ProcessLevel model,
      java.util.function.Predicate<String> can, boolean chainToLimit) {
    LayerConfig config = model.config();
    rnd = new SplittableRandom(seed);
    this.model = model;
    this.can = can;
    chain = chainToLimit && can.test("CLONE_NEWPID") && rnd.nextInt(8) == 0
        ? config.maxNsLevel() + 1 : 0;
  }

  /** The model the steps run on. */
  public ProcessLevel model() {
    return model;
  }

  /** The next step, already run on the model; its request is null when nothing is sent. */
  public ProcessLevel.Step next() {
    int id = nextId++;
    if (chain > 0) {
      chain--;
      Task deepest = deepest();
      return model.apply(LayerOp.fork(id, name(deepest), CloneFlags.CLONE_NEWPID), null);
    }
    List<Task> alive = running();
    if (pastReserved != null) {
      Task t = pastReserved;
      pastReserved = null;
      if (alive.contains(t)) {
        return model.apply(LayerOp.setLastPid(name(t), 300), null);
      }
    }
    int unreaped = model.d.processes.unreaped().size();
    int r = rnd.nextInt(100);
    if (unreaped > CROWD) {
      r = rnd.nextBoolean() ? 40 : 50; // exit or reap until the crowd thins
    }
    if (r < 28) {
      Task p = rnd.nextInt(4) == 0 ? deepest() : pick(alive);
      return fork(id, p);
    }
    if (r < 45) {
      List<Task> xs = new ArrayList<>(alive);
      xs.remove(model.named("t1", Task.class));
      return xs.isEmpty() ? model.apply(LayerOp.task(LayerOp.Kind.EXIT, "t1"), null)
          : model.apply(LayerOp.task(LayerOp.Kind.EXIT, name(pick(xs))), null);
    }
    if (r >= 58 && r < 86 && !can.test(verbFor(r)) || r >= 81 && r < 86 && !can.test("in")) {
      r = 28 + rnd.nextInt(30); // an exit or a reap instead of a request the agent lacks
    }
    if (r >= 86 && !(can.test("kill") || can.test("getpgid") || can.test("getsid"))) {
      r = 28 + rnd.nextInt(30);
    }
    if (r < 58) {
      List<Task> dead = new ArrayList<>();
      for (Task t : model.d.processes.unreaped()) {
        if (model.d.processes.dead(t) || rnd.nextInt(10) == 0) {
          dead.add(t);
        }
      }
      dead.remove(model.d.layer.initTask());
      Task c = dead.isEmpty() ? pick(alive) : pick(dead);
      return model.apply(LayerOp.task(LayerOp.Kind.REAP, name(c)), null);
    }
    if (r < 62) {
      return model.apply(LayerOp.task(LayerOp.Kind.SETSID, name(pick(alive))), null);
    }
    if (r < 68) {
      List<Task> all = model.d.processes.unreaped();
      all.remove(model.d.layer.initTask());
      return model.apply(LayerOp.tasks(LayerOp.Kind.SETPGID, name(pick(alive)), name(pick(all)),
          null), null);
    }
    if (r < 72) {
      Task t = pick(alive);
      return model.apply(LayerOp.unshare(id, name(t), CloneFlags.CLONE_NEWPID), null);
    }
    if (r < 78) {
      return setns(pick(alive));
    }
    if (r < 81) {
      Task t = rootOr(alive);
      PidNs n = model.d.processes.active(t);
      // a third of the writes leave a level only a few numbers above RESERVED_PIDS (300): once
      // its cursor is past 300 it runs out after a few forks (EAGAIN), also under a deeper
      // namespace that had room, whose number goes back (what NestedLockstep checked)
      int k = rnd.nextInt(12);
      int v = k < 3 ? 4194304 : k < 7 ? 301 + rnd.nextInt(20) : 301 + rnd.nextInt(2000);
      if (k >= 3 && k < 7 && can.test("set_last")) {
        pastReserved = t; // the next step moves its cursor past 300, so the level can run out
      }
      return model.apply(LayerOp.ns(LayerOp.Kind.SET_PID_MAX, name(n), v), name(t));
    }
    if (r < 86) {
      return setLastPid(rootOr(alive));
    }
    return lookup(pick(alive));
  }

  /** Whether {@code t}'s thread group leads a namespace (number 1 in its own). */
  private boolean leadsANamespace(Task t) {
    Task l = model.d.processes.leaderOf(t);
    Pid p = l == null ? null : model.d.layer.linkedPid(l, PidType.PID);
    return p != null && p.level() > 0 && p.nr(p.level()) == 1;
  }

  private static String verbFor(int r) {
    return r < 62 ? "setsid" : r < 68 ? "setpgid" : r < 72 ? "unshare" : r < 78 ? "setns"
        : r < 81 ? "in" : "set_last";
  }

  private ProcessLevel.Step fork(int id, Task p) {
    int level = model.d.processes.childrenNs(p).level();
    int f = rnd.nextInt(100);
    long flags = f < 22 && level < DEEP ? CloneFlags.CLONE_NEWPID
        : f < 40 ? CloneFlags.CLONE_THREAD
        : f < 42 ? CloneFlags.CLONE_NEWPID | CloneFlags.CLONE_THREAD : 0;
    if ((flags & CloneFlags.CLONE_THREAD) != 0 && leadsANamespace(p)) {
      // Not modelled yet (the 6.18 kernel, found by this lockstep): when a namespace's init has
      // threads, the last of them to exit does the zap and waits in it holding its number; the
      // layer releases every thread at exit_group. Such threads are not drawn (docs/PID_LAYER.md).
      flags = 0;
    }
    if (((flags & CloneFlags.CLONE_NEWPID) != 0 && !can.test("CLONE_NEWPID"))
        || ((flags & CloneFlags.CLONE_THREAD) != 0 && !can.test("CLONE_THREAD"))) {
      flags = 0;
    }
    if (rnd.nextInt(8) != 0 || !can.test("set_tid")) {
      return model.apply(LayerOp.fork(id, name(p), flags), null);
    }
    int levels = level + 1 + ((flags & CloneFlags.CLONE_NEWPID) != 0 ? 1 : 0);
    // One entry too many is EINVAL only when the root is the machine's initial namespace: below
    // it, the kernel applies the extra entry to the level above the root, which the model lacks.
    boolean rootIsMachines = model.config().maxNsLevel() == pidmap.spec.pid.SetTid.MAX_PID_NS_LEVEL;
    int size = rnd.nextInt(4) != 0 ? levels
        : rnd.nextBoolean() || !rootIsMachines ? 1 + rnd.nextInt(levels) : levels + 1;
    List<Integer> tids = new ArrayList<>();
    for (int k = 0; k < size; k++) {
      int c = rnd.nextInt(10);
      tids.add(c < 2 ? 1 : c < 3 ? 0 : c < 5 ? 2 + rnd.nextInt(12) : 2 + rnd.nextInt(600));
    }
    return model.apply(LayerOp.fork(id, name(p), flags, tids), null);
  }

  /**
   * {@code t} writes ns_last_pid of its active namespace: 0, the current last and its
   * neighbours, pid_max and its neighbours (one past it: EINVAL), -1 (EINVAL), or a small
   * number that likely names a taken pid.
   */
  private ProcessLevel.Step setLastPid(Task t) {
    PidNs n = model.d.processes.active(t);
    long max = n.pidmap().pidMax();
    long last = n.pidmap().lastPid();
    int c = rnd.nextInt(13);
    long v = c == 0 ? 0 : c == 1 ? last : c == 2 ? last - 1 : c == 3 ? last + 1
        : c == 4 ? max : c == 5 ? max - 1 : c == 6 ? max + 1 : c == 7 ? -1
        : c < 10 ? 1 + rnd.nextInt(40) : c < 12 ? 1 + rnd.nextInt(700)
        : 299 + rnd.nextInt(3); // about RESERVED_PIDS: past it, the search never wraps below 300
    return model.apply(LayerOp.setLastPid(name(t), v), null);
  }

  private ProcessLevel.Step setns(Task t) {
    List<Task> all = model.d.processes.unreaped();
    all.remove(model.d.layer.initTask());
    Task x = pick(all);
    boolean children = can.test("setns_children") && model.running(x) && rnd.nextInt(3) == 0;
    PidNs n = children ? model.d.processes.childrenNs(x) : model.d.processes.active(x);
    return model.apply(LayerOp.setns(name(t), name(n)), name(x) + (children ? " children" : ""));
  }

  private ProcessLevel.Step lookup(Task t) {
    PidNs mine = model.d.processes.active(t);
    long nr;
    int c = rnd.nextInt(10);
    if (c < 7) {
      List<Task> all = model.d.processes.unreaped();
      all.remove(model.d.layer.initTask());
      Pid p = model.d.layer.linkedPid(pick(all), PidType.PID);
      int seen = p == null ? 0 : model.d.layer.pidNrNs(p, mine);
      nr = seen > 0 ? seen : 1 + rnd.nextInt(40);
    } else {
      nr = c < 8 ? 1 : 1 + rnd.nextInt(700);
    }
    List<String> verbs = new ArrayList<>();
    for (String v : List.of("kill", "getpgid", "getsid")) {
      if (can.test(v)) {
        verbs.add(v);
      }
    }
    return model.apply(LayerOp.lookup(LayerOp.Kind.FIND_TASK_BY_VPID, name(t), null, null, null,
        nr), pick(verbs));
  }

  /**
   * The root's init one time in three (so that the root, which holds a number for every task,
   * is the level that runs out under forks from deeper namespaces), else any running task.
   */
  private Task rootOr(List<Task> alive) {
    Task t1 = model.named("t1", Task.class);
    return rnd.nextInt(3) == 0 && alive.contains(t1) ? t1 : pick(alive);
  }

  private List<Task> running() {
    List<Task> xs = new ArrayList<>();
    for (Task t : model.d.processes.aliveTasks()) {
      if (model.running(t)) {
        xs.add(t);
      }
    }
    return xs;
  }

  private Task deepest() {
    Task best = model.named("t1", Task.class);
    for (Task t : running()) {
      if (model.d.processes.childrenNs(t).level() > model.d.processes.childrenNs(best).level()) {
        best = t;
      }
    }
    return best;
  }

  private <T> T pick(List<T> xs) {
    return xs.get(rnd.nextInt(xs.size()));
  }

  private String name(Object o) {
    return model.d.symbols.nameOf(o);
  }
}
