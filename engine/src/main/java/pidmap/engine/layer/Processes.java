package pidmap.engine.layer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/**
 * The process-like operations of the trace vocabulary, each built only from pid.c's functions
 * the way the kernel's callers use them: fork (copy_process), exit (release_task, with
 * exit_child_reaper's zap), exec by a thread (de_thread's transfer_pid), setsid, setpgid,
 * unshare (copy_pid_ns for the caller's nsproxy) and zap. The bookkeeping pid.c does not keep
 * (alive, thread group leader, nsproxy namespace) lives here.
 *
 * <p>Each operation checks what it needs before it calls anything, and answers {@code skip}
 * when it cannot act, so a refusal can only come from the layer's first call. Not thread-safe.
 */
final class Processes {
  private final LayerDriver d;
  private final PidLayer layer;
  private final Set<Task> alive = new LinkedHashSet<>();
  private final Map<Task, Task> leader = new IdentityHashMap<>();
  /** The namespace each live task's nsproxy holds a reference on (current->nsproxy->pid_ns). */
  private final Map<Task, PidNs> nsproxy = new IdentityHashMap<>();

  Processes(LayerDriver d) {
    this.d = d;
    this.layer = d.layer;
    Task idle = layer.initTask();
    alive.add(idle);
    leader.put(idle, idle);
    nsproxy.put(idle, layer.initPidNs());
  }

  boolean alive(Task t) {
    return alive.contains(t);
  }

  /** Live tasks, oldest first. */
  List<Task> aliveTasks() {
    return new ArrayList<>(alive);
  }

  Task leaderOf(Task t) {
    return leader.get(t);
  }

  /** The caller's namespace for the v-lookups; a dead caller cannot call. */
  PidNs current(Task t) {
    if (!alive(t)) {
      throw new Symbols.Unknown(d.symbols.nameOf(t) + " (dead)");
    }
    return nsproxy.get(t);
  }

  /** How many live nsproxies hold {@code ns}. */
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
        return fork(op);
      case EXIT:
        return exit(d.symbols.require(op.task(), Task.class));
      case EXEC:
        return exec(d.symbols.require(op.task(), Task.class));
      case SETSID:
        return setsid(d.symbols.require(op.task(), Task.class));
      case SETPGID:
        return setpgid(d.symbols.require(op.task(), Task.class),
            d.symbols.require(op.other(), Task.class));
      case UNSHARE:
        return unshare(op);
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

  private boolean usable(Task t) {
    return t != layer.initTask() && alive(t);
  }

  /** copy_process: copy_pid_ns, alloc_pid, then PGID and SID (a new group leader) and PID. */
  private String fork(LayerOp op) {
    Task parent = d.symbols.require(op.task(), Task.class);
    boolean thread = (op.flags() & CloneFlags.CLONE_THREAD) != 0;
    Task pl = leader.get(parent);
    if (!alive(parent) || (thread && pl == layer.initTask())) {
      return "skip";
    }
    Pid pgrp = layer.linkedPid(pl, PidType.PGID);
    Pid session = layer.linkedPid(pl, PidType.SID);
    if (!thread && (pgrp == null || session == null)) {
      return "skip";
    }
    PidNs ns = layer.copyPidNs(op.flags(), nsproxy.get(parent));
    d.symbols.bindIfNew("n" + op.id(), ns);
    int innerLast = ns.pidmap().lastPid();
    Pid pid = layer.allocPid(ns);
    if (pid == null) {
      if (ns.level() > 0 && ns.pidmap().lastPid() != innerLast) {
        d.note("fork: ENOMEM at an outer level after the inner level had a number");
      }
      layer.putPidNs(ns);
      return layer.config().profile().exhaustionErrno();
    }
    Task child = layer.newTask();
    d.symbols.bind("t" + op.id(), child);
    d.symbols.bind("p" + op.id(), pid);
    if ((op.flags() & CloneFlags.CLONE_NEWPID) != 0) {
      layer.setChildReaper(ns, child);
    }
    if (!thread) {
      layer.attachPid(child, PidType.PGID, pgrp);
      layer.attachPid(child, PidType.SID, session);
    }
    layer.attachPid(child, PidType.PID, pid);
    alive.add(child);
    leader.put(child, thread ? pl : child);
    nsproxy.put(child, ns);
    return d.symbols.nameOf(child) + " " + pid.numbers();
  }

  /** Exit of a task; a group leader takes its threads with it. A dead task's leftovers go. */
  private String exit(Task t) {
    if (t == layer.initTask()) {
      return "skip";
    }
    if (!alive(t)) {
      boolean any = false;
      for (PidType type : PidType.values()) {
        if (layer.linkedPid(t, type) != null) {
          layer.detachPid(t, type);
          any = true;
        }
      }
      return any ? "ok" : "skip";
    }
    List<Task> group = new ArrayList<>();
    if (leader.get(t) == t) {
      for (Task u : alive) {
        if (u != t && leader.get(u) == t) {
          group.add(u);
        }
      }
    }
    group.add(t);
    for (Task u : group) {
      if (alive(u)) {
        exitOne(u);
      }
    }
    return "ok";
  }

  /** do_exit's share: exit_child_reaper's zap, release_task's detaches, the nsproxy put. */
  private void exitOne(Task u) {
    reapIfChildReaper(u);
    for (PidType type : PidType.values()) {
      if (layer.linkedPid(u, type) != null) {
        layer.detachPid(u, type);
      }
    }
    finish(u);
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

  private void finishKilled(List<Task> killed) {
    for (Task v : killed) {
      if (alive(v)) {
        reapIfChildReaper(v);
        finish(v);
      }
    }
  }

  private void finish(Task u) {
    alive.remove(u);
    layer.putPidNs(nsproxy.remove(u));
  }

  /** de_thread: other threads die; a non-leader takes the leader's pid, group and session. */
  private String exec(Task t) {
    if (!usable(t)) {
      return "skip";
    }
    Task l = leader.get(t);
    if (t != l && !(usable(l)
        && layer.linkedPid(l, PidType.PID) != null && layer.linkedPid(l, PidType.PGID) != null
        && layer.linkedPid(l, PidType.SID) != null && layer.linkedPid(t, PidType.PID) != null
        && layer.linkedPid(t, PidType.PGID) == null && layer.linkedPid(t, PidType.SID) == null)) {
      return "skip";
    }
    for (Task u : new ArrayList<>(alive)) {
      if (u != t && u != l && leader.get(u) == l && alive(u)) {
        exitOne(u);
      }
    }
    if (t == l) {
      return "ok";
    }
    Pid lpid = layer.linkedPid(l, PidType.PID);
    layer.detachPid(t, PidType.PID);
    layer.attachPid(t, PidType.PID, lpid);
    layer.transferPid(l, t, PidType.PGID);
    layer.transferPid(l, t, PidType.SID);
    for (PidNs n : d.symbols.namespaces) {
      if (!n.released() && n.childReaper() == l) {
        layer.setChildReaper(n, t); // de_thread hands the reaper role to the new leader
      }
    }
    d.note("exec: a thread takes over its leader's pid");
    layer.detachPid(l, PidType.PID); // release_task(leader)
    finish(l);
    leader.put(t, t);
    return "ok";
  }

  /** sys_setsid: EPERM for a session leader or when a group with the leader's pid exists. */
  private String setsid(Task t) {
    if (!usable(t)) {
      return "skip";
    }
    Task l = leader.get(t);
    Pid own = layer.linkedPid(l, PidType.PID);
    Pid sid = layer.linkedPid(l, PidType.SID);
    Pid pgid = layer.linkedPid(l, PidType.PGID);
    if (!usable(l) || own == null || sid == null || pgid == null) {
      return "skip";
    }
    if (sid == own || layer.pidTask(own, PidType.PGID) != null) {
      return "EPERM";
    }
    layer.detachPid(l, PidType.SID);
    layer.attachPid(l, PidType.SID, own);
    layer.detachPid(l, PidType.PGID);
    layer.attachPid(l, PidType.PGID, own);
    return "ok";
  }

  /** sys_setpgid: into the group of a member of the same session, or a new group of its own. */
  private String setpgid(Task t, Task g) {
    if (!usable(t) || !alive(g)) {
      return "skip";
    }
    Task l = leader.get(t);
    Task gl = leader.get(g);
    Pid own = layer.linkedPid(l, PidType.PID);
    Pid sid = layer.linkedPid(l, PidType.SID);
    Pid pgid = layer.linkedPid(l, PidType.PGID);
    if (!usable(l) || own == null || sid == null || pgid == null) {
      return "skip";
    }
    if (sid == own) {
      return "EPERM";
    }
    Pid target = own;
    if (gl != l) {
      if (layer.linkedPid(gl, PidType.SID) != sid) {
        return "EPERM";
      }
      target = layer.linkedPid(gl, PidType.PGID);
    }
    if (target == null) {
      return "skip";
    }
    if (target != pgid) {
      layer.detachPid(l, PidType.PGID);
      layer.attachPid(l, PidType.PGID, target);
    }
    return "ok";
  }

  /** copy_pid_ns for the caller's nsproxy: its later children are born in the answer. */
  private String unshare(LayerOp op) {
    Task t = d.symbols.require(op.task(), Task.class);
    if (!usable(t)) {
      return "skip";
    }
    PidNs old = nsproxy.get(t);
    PidNs nu = layer.copyPidNs(op.flags(), old);
    d.symbols.bindIfNew("n" + op.id(), nu);
    layer.putPidNs(old);
    nsproxy.put(t, nu);
    return d.symbols.nameOf(nu);
  }
}
