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

  /** Running tasks, oldest first. */
  List<Task> aliveTasks() {
    return new ArrayList<>(alive);
  }

  /** Running and zombie tasks: every task that is not reaped yet. */
  List<Task> unreaped() {
    List<Task> out = new ArrayList<>(alive);
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

  /** A new task is running: its group leader and pid_ns_for_children (copy_pid_ns's reference). */
  void born(Task child, Task groupLeader, PidNs ns) {
    alive.add(child);
    leader.put(child, groupLeader);
    nsproxy.put(child, ns);
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
      case ZAP: {
        PidNs n = d.symbols.require(op.ns(), PidNs.class);
        List<Task> killed = layer.zapPidNsProcesses(n);
        d.zapped = n;
        finishKilled(killed);
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
    if (t == layer.initTask() || zombie(t)) {
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
      exitOne(t);
      if (layer.linkedPid(t, PidType.PID) != null) {
        becomeZombie(t);
      } else {
        release(t); // raw calls took its PID link: nothing left for a parent to wait on
      }
    }
    return "ok";
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
    return alive(t) && t != layer.initTask() ? "0" : "skip";
  }

  /** release_task: every link detached (the last one frees the pid at every level). */
  void release(Task u) {
    zombies.remove(u);
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
        List<Task> killed = layer.zapPidNsProcesses(n);
        d.note(killed.isEmpty() ? "exit: container init zaps an empty namespace"
            : "exit: container init zaps its namespace's tasks");
        if (d.zapped == null) {
          d.zapped = n;
        }
        finishKilled(killed);
      }
    }
  }

  /** The zap detached the victims' links; the kernel's init reaps them before it exits. */
  private void finishKilled(List<Task> killed) {
    for (Task v : killed) {
      if (alive(v)) {
        reapIfChildReaper(v);
        finish(v);
      }
      zombies.remove(v);
    }
  }

  void finish(Task u) {
    alive.remove(u);
    layer.putPidNs(nsproxy.remove(u));
  }
}
