package pidmap.engine.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import pidmap.model.pid.ModelPidLayer;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.SetTid;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/**
 * Seeded traces for the pid layer: a configuration (mostly small geometries, some with a tiny
 * pid_max at the outer levels so that an outer level runs out while an inner one still has
 * room; some with the kernel's geometry) and a list of operations chosen from the state a model
 * reaches as it runs them, ending with {@code teardown}. Arguments mostly name objects that
 * exist and references that are held, and sometimes wrong ones (released pids, a negative
 * number, a null namespace, CLONE_NEWPID with CLONE_THREAD) so refusals are compared too.
 * Namespace trees grow up to level {@value #MAX_LEVEL}.
 *
 * <p>The same seed always gives the same trace. Not thread-safe.
 */
public final class LayerTraceGenerator {

  /** The deepest namespace level the generator creates (five levels, 0 to 4). */
  public static final int MAX_LEVEL = 4;

  /**
   * A linux-6 trace whose geometry has room starts, one seed in three, with init_pid_ns's pid_max
   * at the limit and a chain of this many CLONE_NEWPID forks: level 32 is the deepest, the 33rd
   * is refused with ENOSPC.
   */
  static final int NEST_DEPTH = SetTid.MAX_PID_NS_LEVEL + 1;

  /** A generated trace. */
  public record Trace(long seed, LayerConfig config, List<LayerOp> ops) {}

  private final SplittableRandom rnd;
  private final LayerDriver state;
  private final int limit;

  private LayerTraceGenerator(long seed, LayerConfig config) {
    this.rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.state = new LayerDriver(new ModelPidLayer(config));
    this.limit = config.geometry().pidMaxLimit();
  }

  /** The trace for {@code seed}: {@code length} operations, then teardown. */
  public static Trace generate(long seed, int length) {
    LayerConfig config = config(new SplittableRandom(seed));
    LayerTraceGenerator g = new LayerTraceGenerator(seed, config);
    List<LayerOp> ops = new ArrayList<>();
    int limit = config.geometry().pidMaxLimit();
    boolean nest = config.profile() == Profile.LINUX_6 && Math.floorMod(seed, 3) == 0
        && limit >= NEST_DEPTH + config.geometry().reservedPids() + 8;
    for (int i = 1; i <= length; i++) {
      LayerOp op = !nest || i > NEST_DEPTH + 1 ? g.next(i)
          : i == 1 ? LayerOp.ns(LayerOp.Kind.SET_PID_MAX, "n0", limit)
          : LayerOp.fork(i, i == 2 ? "t0" : "t" + (i - 1), CloneFlags.CLONE_NEWPID);
      g.state.apply(op);
      ops.add(op);
    }
    ops.add(LayerOp.of(LayerOp.Kind.TEARDOWN));
    return new Trace(seed, config, ops);
  }

  /**
   * A configuration: small pages most of the time, a tiny boot pid_max a third of the time, the
   * linux-6 rule a third of the time (drawn last, so the rest is what each seed always drew).
   */
  static LayerConfig config(SplittableRandom r) {
    LayerConfig c = shape(r);
    return r.nextInt(3) != 0 ? c
        : new LayerConfig(c.geometry(), Profile.LINUX_6, c.nrKernelPages(), c.pidMaxByLevel());
  }

  private static LayerConfig shape(SplittableRandom r) {
    long[] memory = {0, 1 << 9, 1 << 12, 1 << 15, LayerConfig.ONE_GIGABYTE_PAGES, 1L << 40};
    long pages = memory[r.nextInt(memory.length)];
    if (r.nextInt(8) == 0) {
      List<Integer> boot = r.nextBoolean() ? List.of() : List.of(301 + r.nextInt(40));
      return new LayerConfig(Geometry.KERNEL, Profile.LINUX_2_6_24, pages, boot);
    }
    int bpp = 4 << r.nextInt(4);
    int reserved = 1 + r.nextInt(Math.min(bpp - 1, 4));
    int limit = bpp * (1 + r.nextInt(4));
    Geometry g = new Geometry(bpp, reserved, limit, limit);
    int lo = reserved + 1;
    boolean tiny = r.nextInt(3) == 0; // the root fills first, and a child's fork rolls back
    int pidMax = tiny ? lo + r.nextInt(Math.min(3, limit - lo + 1)) : lo + r.nextInt(limit - lo + 1);
    return new LayerConfig(g, Profile.LINUX_2_6_24, pages, List.of(pidMax));
  }

  private boolean chance(int percent) {
    return rnd.nextInt(100) < percent;
  }

  private <T> T pick(List<T> xs) {
    return xs.get(rnd.nextInt(xs.size()));
  }

  private String name(Object o) {
    return state.symbols.nameOf(o);
  }

  private List<Task> aliveNotIdle() {
    List<Task> xs = state.processes.aliveTasks();
    xs.remove(state.layer.initTask());
    return xs;
  }

  private Task someTask(boolean mayBeIdle) {
    List<Task> alive = mayBeIdle ? state.processes.aliveTasks() : aliveNotIdle();
    if (!alive.isEmpty() && !chance(5)) {
      return chance(30) ? alive.get(Math.max(0, alive.size() - 1 - rnd.nextInt(4))) : pick(alive);
    }
    List<Task> all = state.symbols.tasks;
    return all.size() > 1 ? all.get(1 + rnd.nextInt(all.size() - 1)) : all.get(0);
  }

  /** Mostly a live namespace, sometimes init's, rarely a released one or none at all. */
  private String someNs() {
    if (chance(2)) {
      return "null";
    }
    List<PidNs> all = state.symbols.namespaces;
    List<PidNs> live = new ArrayList<>();
    for (PidNs n : all) {
      if (!n.released()) {
        live.add(n);
      }
    }
    return name(chance(5) ? pick(all) : pick(live));
  }

  private Pid somePid(boolean preferLive) {
    List<Pid> all = state.symbols.pids;
    if (preferLive && !chance(10)) {
      List<Pid> live = new ArrayList<>();
      for (Pid p : all) {
        if (!p.released()) {
          live.add(p);
        }
      }
      return pick(live);
    }
    return pick(all);
  }

  /** A number worth looking up in {@code nsName}: one some pid has there, or an edge. */
  private long someNr(String nsName) {
    if (chance(3)) {
      return -1 - rnd.nextInt(3);
    }
    PidNs ns = state.symbols.get(nsName, PidNs.class);
    if (ns != null && chance(70)) {
      Pid p = somePid(true);
      if (p.level() >= ns.level() && p.ns(ns.level()) == ns) {
        return p.nr(ns.level()) + (chance(80) ? 0 : rnd.nextInt(3) - 1);
      }
    }
    int pidMax = ns == null ? limit : ns.pidmap().pidMax();
    long[] edges = {0, 1, 2, pidMax - 1, pidMax, limit - 1, limit, limit + 1L};
    return chance(50) ? edges[rnd.nextInt(edges.length)] : rnd.nextInt(Math.max(1, pidMax));
  }

  /** The objects of {@code all} the trace holds a reference to, in creation order. */
  private static <T> List<T> heldOf(List<T> all, java.util.Map<? super T, Integer> refs) {
    List<T> out = new ArrayList<>();
    for (T x : all) {
      if (refs.containsKey(x)) {
        out.add(x);
      }
    }
    return out;
  }

  private PidType someType() {
    return PidType.values()[rnd.nextInt(3)];
  }

  private long forkFlags(Task parent) {
    int level = state.processes.alive(parent) ? state.processes.current(parent).level() : 0;
    int r = rnd.nextInt(100);
    if (r < 18 && level < MAX_LEVEL) {
      return CloneFlags.CLONE_NEWPID;
    }
    if (r < 36) {
      return CloneFlags.CLONE_THREAD;
    }
    return r < 39 ? CloneFlags.CLONE_NEWPID | CloneFlags.CLONE_THREAD : 0;
  }

  /** Mostly a zombie, sometimes a running task (not reapable yet) or any task. */
  private Task someUnreaped() {
    List<Task> zombies = new ArrayList<>();
    for (Task t : state.symbols.tasks) {
      if (state.processes.zombie(t)) {
        zombies.add(t);
      }
    }
    return !zombies.isEmpty() && !chance(15) ? pick(zombies) : someTask(false);
  }

  /**
   * set_tid for a fork from {@code parent}: one entry per level of the child's pid, sometimes
   * fewer or one too many; each a number free there, 1, a taken one, or an edge (0, pid_max).
   */
  private List<Integer> someSetTid(Task parent, long flags) {
    PidNs home = state.processes.alive(parent) ? state.processes.active(parent) : null;
    int levels = (home == null ? 0 : home.level()) + 1
        + ((flags & CloneFlags.CLONE_NEWPID) != 0 ? 1 : 0);
    int size = chance(70) ? levels : chance(50) ? 1 + rnd.nextInt(levels) : levels + 1;
    List<Integer> out = new ArrayList<>();
    PidNs n = home;
    for (int k = 0; k < size; k++) {
      int pidMax = n == null ? limit : n.pidmap().pidMax();
      int r = rnd.nextInt(100);
      int tid;
      if (r < 15) {
        tid = 1;
      } else if (r < 25) {
        tid = chance(50) ? 0 : pidMax;
      } else {
        tid = 1 + rnd.nextInt(Math.max(1, pidMax - 1)); // free or taken, as it falls
      }
      out.add(tid);
      if (k > 0 || (flags & CloneFlags.CLONE_NEWPID) == 0) {
        n = n == null ? null : n.parent();
      }
    }
    return out;
  }

  /**
   * A task writes ns_last_pid: 0, its namespace's last and neighbours, pid_max and neighbours
   * (one past: refused), -1 (refused), or any number below pid_max.
   */
  private LayerOp someLastPidWrite() {
    Task t = someTask(false);
    PidNs n = state.processes.alive(t) ? state.processes.active(t) : null;
    long max = n == null ? limit : n.pidmap().pidMax();
    long last = n == null ? 0 : n.pidmap().lastPid();
    long[] edges = {0, last, last - 1, last + 1, max, max - 1, max + 1, -1};
    return LayerOp.setLastPid(name(t),
        chance(60) ? edges[rnd.nextInt(edges.length)] : rnd.nextInt((int) max + 1));
  }

  /** A parent: any live task, a recent one, or the one in the deepest namespace. */
  private Task forkParent() {
    List<Task> alive = state.processes.aliveTasks();
    if (chance(30)) {
      Task deepest = alive.get(0);
      for (Task t : alive) {
        if (state.processes.current(t).level() > state.processes.current(deepest).level()) {
          deepest = t;
        }
      }
      return deepest;
    }
    return someTask(true);
  }

  private LayerOp next(int id) {
    int r = rnd.nextInt(1000);
    if ((r -= 220) < 0) {
      Task parent = forkParent();
      long flags = forkFlags(parent);
      if (state.layer.config().profile() == Profile.LINUX_6 ? chance(15) : chance(1)) {
        return LayerOp.fork(id, name(parent), flags, someSetTid(parent, flags));
      }
      return LayerOp.fork(id, name(parent), flags);
    }
    if ((r -= 90) < 0) {
      return LayerOp.task(LayerOp.Kind.EXIT, name(someTask(false)));
    }
    if ((r -= 30) < 0) {
      return LayerOp.task(LayerOp.Kind.REAP, name(someUnreaped()));
    }
    if ((r -= 20) < 0) {
      return LayerOp.setns(name(someTask(false)), someNs());
    }
    if ((r -= 30) < 0) {
      return LayerOp.task(LayerOp.Kind.EXEC, name(someTask(false)));
    }
    if ((r -= 30) < 0) {
      return LayerOp.task(LayerOp.Kind.SETSID, name(someTask(false)));
    }
    if ((r -= 30) < 0) {
      return LayerOp.tasks(LayerOp.Kind.SETPGID, name(someTask(false)), name(someTask(true)), null);
    }
    if ((r -= 30) < 0) {
      Task t = someTask(false);
      long flags = chance(70) ? CloneFlags.CLONE_NEWPID
          : chance(70) ? 0 : CloneFlags.CLONE_NEWPID | CloneFlags.CLONE_THREAD;
      if (state.processes.alive(t) && state.processes.current(t).level() >= MAX_LEVEL) {
        flags = 0;
      }
      return LayerOp.unshare(id, name(t), flags);
    }
    if ((r -= 15) < 0) {
      return LayerOp.ns(LayerOp.Kind.ZAP, someNs(), 0);
    }
    if ((r -= 10) < 0) {
      String ns = someNs();
      PidNs n = state.symbols.get(ns, PidNs.class);
      int lo = n == null ? 1 : n.pidmap().geometry().pidMaxMin();
      return LayerOp.ns(LayerOp.Kind.SET_PID_MAX, ns, lo - 1 + rnd.nextInt(limit - lo + 3));
    }
    if ((r -= 12) < 0) {
      return someLastPidWrite();
    }
    if ((r -= 28) < 0) {
      return LayerOp.of(LayerOp.Kind.GRACE);
    }
    return references(r);
  }

  private LayerOp references(int r) {
    if ((r -= 30) < 0) {
      return LayerOp.pid(LayerOp.Kind.GET_PID, name(somePid(true)), null);
    }
    if ((r -= 40) < 0) {
      List<Pid> held = heldOf(state.symbols.pids, state.pidRefs);
      Pid p = !held.isEmpty() && !chance(15) ? pick(held) : somePid(false);
      return LayerOp.pid(LayerOp.Kind.PUT_PID, name(p), null);
    }
    if ((r -= 5) < 0) {
      return LayerOp.pid(LayerOp.Kind.FREE_PID, name(somePid(true)), null);
    }
    if ((r -= 20) < 0) {
      return LayerOp.tasks(LayerOp.Kind.GET_TASK_PID, name(someTask(true)), null, someType());
    }
    if ((r -= 20) < 0) {
      return LayerOp.pid(LayerOp.Kind.GET_PID_TASK, name(somePid(true)), someType());
    }
    if ((r -= 20) < 0) {
      List<Task> held = heldOf(state.symbols.tasks, state.taskRefs);
      Task t = !held.isEmpty() && !chance(20) ? pick(held) : someTask(true);
      return LayerOp.task(LayerOp.Kind.PUT_TASK, name(t));
    }
    if ((r -= 10) < 0) {
      return LayerOp.ns(LayerOp.Kind.GET_PID_NS, someNs(), 0);
    }
    if ((r -= 15) < 0) {
      List<PidNs> held = heldOf(state.symbols.namespaces, state.nsRefs);
      List<PidNs> released = new ArrayList<>();
      for (PidNs n : state.symbols.namespaces) {
        if (n.released()) {
          released.add(n);
        }
      }
      String ns = !held.isEmpty() && !chance(20) ? name(pick(held))
          : !released.isEmpty() && chance(50) ? name(pick(released)) : someNs();
      return LayerOp.ns(LayerOp.Kind.PUT_PID_NS, ns, 0);
    }
    return lookup(r);
  }

  private LayerOp lookup(int r) {
    String ns = someNs();
    long nr = someNr(ns);
    if ((r -= 22) < 0) {
      return LayerOp.lookup(LayerOp.Kind.FIND_PID_NS, null, null, ns, null, nr);
    }
    if ((r -= 30) < 0) {
      return LayerOp.lookup(LayerOp.Kind.FIND_GET_PID, name(someTask(true)), null, null, null, nr);
    }
    if ((r -= 40) < 0) {
      return LayerOp.lookup(LayerOp.Kind.FIND_TASK_BY_PID_TYPE_NS, null, null, ns, someType(), nr);
    }
    if ((r -= 25) < 0) {
      return LayerOp.lookup(LayerOp.Kind.FIND_TASK_BY_PID, null, null, null, null, someNr("n0"));
    }
    if ((r -= 30) < 0) {
      return LayerOp.lookup(LayerOp.Kind.FIND_TASK_BY_VPID, name(someTask(true)), null, null, null,
          nr);
    }
    if ((r -= 25) < 0) {
      return LayerOp.lookup(LayerOp.Kind.FIND_TASK_BY_PID_NS, null, null, ns, null, nr);
    }
    if ((r -= 25) < 0) {
      return LayerOp.pid(LayerOp.Kind.PID_TASK, name(somePid(true)), someType());
    }
    if ((r -= 30) < 0) {
      String pid = chance(5) ? "null" : name(somePid(true));
      return LayerOp.lookup(LayerOp.Kind.PID_NR_NS, null, pid, ns, null, 0);
    }
    if ((r -= 30) < 0) {
      return LayerOp.lookup(LayerOp.Kind.FIND_GE_PID, null, null, ns, null, nr);
    }
    if ((r -= 16) < 0) {
      return LayerOp.task(LayerOp.Kind.IS_CONTAINER_INIT, name(someTask(true)));
    }
    if ((r -= 7) < 0) {
      return LayerOp.lookup(LayerOp.Kind.ATTACH, name(someTask(false)), name(somePid(false)), null,
          someType(), 0);
    }
    if ((r -= 7) < 0) {
      return LayerOp.tasks(LayerOp.Kind.DETACH, name(someTask(false)), null, someType());
    }
    if ((r -= 8) < 0) {
      return LayerOp.tasks(LayerOp.Kind.TRANSFER, name(someTask(false)), name(someTask(false)),
          someType());
    }
    throw new AssertionError("operation weights add up to more than 1000");
  }
}
