package pidmap.engine.layer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pidmap.spec.Profile;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/**
 * The process-like operations of the trace vocabulary, each built only from pid.c's functions
 * the way the kernel's callers use them, with the rules the running kernel showed
 * (docs/PID_LAYER.md, "What the kernel answered"): fork (copy_process, clone3's set_tid), exit
 * (do_exit: a leader becomes a zombie that keeps its links, a thread is released at once, a
 * container init zaps its namespace first), reap (release_task), exec by a thread (de_thread),
 * setsid, setpgid, unshare and setns (pid_ns_for_children only) and zap. The bookkeeping pid.c
 * does not keep (running or zombie, thread group leader, pid_ns_for_children) lives here; the
 * active namespace is read from the task's PID link, as task_active_pid_ns reads it.
 *
 * <p>Each operation checks what it needs before it calls anything, and answers {@code skip}
 * when it cannot act, so a refusal can only come from the layer's first call. Not thread-safe;
 * not final only so that a test-scope twin can break one rule (BrokenLayersAreCaughtTest).
 */
class Processes {
  final LayerDriver d;
  final PidLayer layer;
  private final boolean linux6;
  private final Set<Task> alive = new LinkedHashSet<>();
  private final Set<Task> zombies = new LinkedHashSet<>();
  /** linux-6: inits whose exit waits in their zap until their namespace has no other pid. */
  private final Set<Task> exiting = new LinkedHashSet<>();
  /** Exiting inner inits killed by a zap whose init reaps them once they finish. */
  private final Set<Task> reapedWhenDone = new java.util.HashSet<>();
  private final Map<Task, Task> leader = new IdentityHashMap<>();
  /** pid_ns_for_children of each running task; each holds a reference on it. */
  private final Map<Task, PidNs> nsproxy = new IdentityHashMap<>();

  Processes(LayerDriver d) {
    this.d = d;
    this.layer = d.layer;
    this.linux6 = layer.config().profile() != Profile.LINUX_2_6_24;
    Task idle = layer.initTask();
    alive.add(idle);
    leader.put(idle, idle);
    nsproxy.put(idle, layer.initPidNs());
  }

  boolean alive(Task t) {
    return alive.contains(t);
  }

  boolean zombie(Task t) {
    return zombies.contains(t);
  }

  /** linux-6: an init that exited but waits in its zap (not reapable yet, every link kept). */
  boolean exiting(Task t) {
    return exiting.contains(t);
  }

  /** Exited but not reaped: a zombie or an exiting init; its links are the kernel's. */
  boolean dead(Task t) {
    return zombies.contains(t) || exiting.contains(t);
  }

  /** Running tasks, oldest first. */
  List<Task> aliveTasks() {
    return new ArrayList<>(alive);
  }

  /** Running, exiting and zombie tasks: every task that is not reaped yet. */
  List<Task> unreaped() {
    List<Task> out = new ArrayList<>(alive);
    out.addAll(exiting);
    out.addAll(zombies);
    return out;
  }

  Task leaderOf(Task t) {
    return leader.get(t);
  }

  /** task_active_pid_ns: the namespace of the task's own pid's deepest number. */
  PidNs active(Task t) {
    Pid p = layer.linkedPid(t, PidType.PID);
    return p == null ? nsproxy.get(t) : p.ns(p.level());
  }

  /** pid_ns_for_children: where the task's next child is born. */
  PidNs childrenNs(Task t) {
    return nsproxy.get(t);
  }

  /** Replaces pid_ns_for_children (the caller moves the reference); answers the old one. */
  PidNs setChildrenNs(Task t, PidNs ns) {
    return nsproxy.put(t, ns);
  }

  /**
   * A new task is running: its group leader, pid_ns_for_children (copy_pid_ns's reference) and
   * real_parent: the forking task's group (any of its threads may reap the child), none for a
   * thread (it reaps itself).
   */
  void born(Task child, Task groupLeader, PidNs ns, Task parentGroup) {
    alive.add(child);
    leader.put(child, groupLeader);
    nsproxy.put(child, ns);
    layer.setParent(child, groupLeader == child ? parentGroup : null);
  }

  void setLeader(Task t, Task l) {
    leader.put(t, l);
  }

  boolean linux6() {
    return linux6;
  }

  /** is_child_reaper: a pid whose own number is 1, below level 0, makes its task the init. */
  boolean becomesInit(Pid pid) {
    return pid.level() > 0 && pid.nr(pid.level()) == 1;
  }

  /**
   * unshare(CLONE_NEWPID): linux-2.6.24's sys_unshare refuses it; linux-6's copy_pid_ns only
   * while pid_ns_for_children is still the active namespace.
   */
  boolean unshareNewPidAllowed(Task t) {
    return linux6 && nsproxy.get(t) == active(t);
  }

  /** pidns_install: only the active namespace or a descendant of it. */
  boolean mayEnter(Task t, PidNs target) {
    PidNs act = active(t);
    PidNs up = target;
    while (up != null && up.level() > act.level()) {
      up = up.parent();
    }
    return up == act;
  }

  /** The caller's namespace for the v-lookups (its active one); only a running task calls. */
  PidNs current(Task t) {
    if (!alive(t)) {
      throw new Symbols.Unknown(d.symbols.nameOf(t) + " (not running)");
    }
    return active(t);
  }

  /** How many running tasks' nsproxies hold {@code ns}. */
  int nsproxiesOn(PidNs ns) {
    int n = 0;
    for (PidNs x : nsproxy.values()) {
      n += x == ns ? 1 : 0;
    }
    return n;
  }

  String run(LayerOp op) {
    switch (op.kind()) {
      case FORK:
        return Forks.fork(this, op);
      case EXIT:
        return exit(d.symbols.require(op.task(), Task.class));
      case REAP:
        return reap(d.symbols.require(op.task(), Task.class));
      case EXEC:
        return DeThread.exec(this, d.symbols.require(op.task(), Task.class));
      case SETSID:
        return Sessions.setsid(this, d.symbols.require(op.task(), Task.class));
      case SETPGID:
        return Sessions.setpgid(this, d.symbols.require(op.task(), Task.class),
            d.symbols.require(op.other(), Task.class));
      case UNSHARE:
        return NamespaceCalls.unshare(this, op);
      case SETNS:
        return NamespaceCalls.setns(this, d.symbols.require(op.task(), Task.class),
            d.symbols.require(op.ns(), PidNs.class));
      case SET_LAST_PID:
        return NamespaceCalls.setLastPid(this, d.symbols.require(op.task(), Task.class), op.nr());
      case ZAP: {
        PidNs n = d.symbols.require(op.ns(), PidNs.class);
        List<Task> killed = zap(n);
        d.zapped = n;
        return "killed " + names(killed);
      }
      default:
        throw new AssertionError(op.kind());
    }
  }

  private String names(List<Task> tasks) {
    List<String> out = new ArrayList<>();
    tasks.forEach(t -> out.add(d.symbols.nameOf(t)));
    return out.toString();
  }

  boolean usable(Task t) {
    return t != layer.initTask() && alive(t);
  }

  /**
   * do_exit. A group leader takes its threads with it (exit_group): each thread is released at
   * once, the leader becomes a zombie that keeps every link until it is reaped. A thread exits
   * alone and is released at once. A task that is neither running nor a zombie has whatever
   * raw link calls left on it detached.
   */
  private String exit(Task t) {
    if (t == layer.initTask() || dead(t)) {
      return "skip";
    }
    if (!alive(t)) {
      return detachAll(t) ? "ok" : "skip";
    }
    if (leader.get(t) != t) {
      exitOne(t);
      release(t);
      return "ok";
    }
    for (Task u : new ArrayList<>(alive)) {
      if (u != t && leader.get(u) == t && alive(u)) {
        exitOne(u);
        release(u);
      }
    }
    if (alive(t)) {
      PidNs home = active(t);
      boolean init = leadsANamespace(t);
      exitOne(t);
      if (layer.linkedPid(t, PidType.PID) == null) {
        release(t); // raw calls took its PID link: nothing left for a parent to wait on
      } else if (waitsInItsZap(t)) {
        exiting.add(t);
        d.note("exit: the init waits in its zap for the rest of its namespace");
      } else {
        becomeZombie(t);
      }
      // An init's zap reaped every child it had: none is left to hand on while it waits or is
      // a zombie. One that raw calls left without a PID link is released: its children move.
      if (!init || layer.linkedPid(t, PidType.PID) == null) {
        reparentChildren(t, home);
      }
    }
    return "ok";
  }

  /** Whether {@code t} is the child reaper of a namespace other than init_pid_ns. */
  private boolean leadsANamespace(Task t) {
    for (PidNs n : d.symbols.namespaces) {
      if (n != layer.initPidNs() && !n.released() && n.childReaper() == t) {
        return true;
      }
    }
    return false;
  }

  /**
   * linux-6's zap_pid_ns_processes waits until the init's namespace has no pid but the init's:
   * a killed task whose parent is outside holds its number until that parent reaps it.
   */
  private boolean waitsInItsZap(Task t) {
    Pid p = layer.linkedPid(t, PidType.PID);
    return linux6 && p != null && p.level() > 0 && p.nr(p.level()) == 1
        && p.ns(p.level()).pidmap().allocatedCount() > 2; // pid 0 is reserved in every bitmap
  }

  /**
   * forget_original_parent: the children of an exited group go to the child reaper of its
   * active namespace {@code ns} (init_pid_ns's is the task with number 1 there, when it runs). An init's
   * own children were its zap's; the ones it did not reap (its parent outside) keep theirs.
   */
  private void reparentChildren(Task t, PidNs ns) {
    Task reaper = reaperIn(ns);
    if (reaper == t) {
      return;
    }
    for (Task c : unreaped()) {
      if (c != t && layer.parent(c) == t) {
        layer.setParent(c, reaper);
      }
    }
  }

  /** Who adopts the orphans of a group that exits in {@code ns}: its child reaper, else init. */
  Task reaperIn(PidNs ns) {
    Task reaper = ns == layer.initPidNs() ? layer.findTaskByPidNs(1, ns) : ns.childReaper();
    return reaper == null || !alive(reaper) ? layer.initTask() : reaper;
  }

  /**
   * After every step (linux-6): an exiting init whose namespace has no other pid left finishes
   * its exit. It becomes a zombie, or is reaped at once when its parent is itself an init
   * waiting in its zap (which ignores SIGCHLD); that may let the parent finish in turn.
   */
  void settle() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Task e : new ArrayList<>(exiting)) {
        if (!waitsInItsZap(e)) {
          exiting.remove(e);
          if (reapedWhenDone.remove(e) || exiting.contains(layer.parent(e))) {
            release(e);
            d.note("exit: a waiting init's child init finishes and is reaped at once");
          } else {
            zombies.add(e);
            d.note("exit: a waiting init finishes once its namespace is empty");
          }
          changed = true;
        }
      }
    }
  }

  /** exit_notify's share: the leader stays, every link kept, until a parent reaps it. */
  void becomeZombie(Task t) {
    zombies.add(t);
    d.note("exit: a leader becomes a zombie");
  }

  /** release_task of a zombie; a running task is not reapable yet (waitpid WNOHANG's 0). */
  private String reap(Task t) {
    if (zombie(t)) {
      release(t);
      return "ok";
    }
    return (alive(t) || exiting(t)) && t != layer.initTask() ? "0" : "skip";
  }

  /** release_task: every link detached (the last one frees the pid at every level). */
  void release(Task u) {
    zombies.remove(u);
    exiting.remove(u);
    reapedWhenDone.remove(u);
    detachAll(u);
  }

  private boolean detachAll(Task u) {
    boolean any = false;
    for (PidType type : PidType.values()) {
      if (layer.linkedPid(u, type) != null) {
        layer.detachPid(u, type);
        any = true;
      }
    }
    return any;
  }

  /** do_exit's share: exit_child_reaper's zap, then exit_task_namespaces (the nsproxy put). */
  void exitOne(Task u) {
    reapIfChildReaper(u);
    if (alive(u)) { // raw link calls can make a reaper its own victim: then the zap finished it
      finish(u);
    }
  }

  private void reapIfChildReaper(Task u) {
    for (PidNs n : d.symbols.namespaces) {
      if (n != layer.initPidNs() && !n.released() && n.childReaper() == u) {
        List<Task> killed = zap(n);
        d.note(killed.isEmpty() ? "exit: container init zaps an empty namespace"
            : "exit: container init zaps its namespace's tasks");
        if (d.zapped == null) {
          d.zapped = n;
        }
      }
    }
  }

  /**
   * zap_pid_ns_processes, then the killed tasks' exits. Which of them had their parent inside
   * the namespace is read first: an inner init the zap left waiting is reaped at once when it
   * finishes if so (its parent chain ends at an init in its zap, which ignores SIGCHLD).
   */
  private List<Task> zap(PidNs n) {
    Set<Task> parentInside = new java.util.HashSet<>();
    for (Task t : unreaped()) {
      Task p = layer.parent(t);
      Pid pp = p == null ? null : layer.linkedPid(p, PidType.PID);
      if (p == null || (pp != null && pp.level() >= n.level() && pp.ns(n.level()) == n)) {
        parentInside.add(t);
      }
    }
    List<Task> killed = layer.zapPidNsProcesses(n);
    finishKilled(killed, parentInside);
    return killed;
  }

  /**
   * The killed tasks exit. The zap detached the links of those its init reaps; one whose parent
   * is outside the namespace stays a zombie (linux-6: an inner init still waiting in its own zap
   * stays exiting).
   */
  private void finishKilled(List<Task> killed, Set<Task> parentInside) {
    for (Task v : killed) {
      if (alive(v)) {
        reapIfChildReaper(v);
        finish(v);
      }
      zombies.remove(v);
      exiting.remove(v);
      if (layer.linkedPid(v, PidType.PID) != null) {
        if (waitsInItsZap(v)) {
          exiting.add(v);
          if (parentInside.contains(v)) {
            reapedWhenDone.add(v);
          }
        } else {
          zombies.add(v);
          d.note("zap: a killed task whose parent is outside stays a zombie");
        }
      }
    }
  }

  void finish(Task u) {
    alive.remove(u);
    layer.putPidNs(nsproxy.remove(u));
  }
}
