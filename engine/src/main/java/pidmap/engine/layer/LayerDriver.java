package pidmap.engine.layer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import pidmap.spec.PidmapException;
import pidmap.spec.Require;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/**
 * Runs trace operations on one {@link PidLayer} and keeps the checker's ledger for it: the
 * names of its objects, the references the trace took and has not put, and the process
 * bookkeeping pid.c does not keep (which tasks are alive, their thread group leader, the
 * namespace each one's nsproxy holds a reference on). Everything here is decided from the
 * layer's answers through its contract, so two layers that answer alike are driven alike.
 *
 * <p>Not thread-safe: one driver per layer per run.
 */
final class LayerDriver {
  final PidLayer layer;
  final Symbols symbols = new Symbols();
  final Processes processes;
  final Map<Pid, Integer> pidRefs = new IdentityHashMap<>();
  final Map<PidNs, Integer> nsRefs = new IdentityHashMap<>();
  final Map<Task, Integer> taskRefs = new IdentityHashMap<>();
  /** Notable paths seen, for coverage (e.g. {@code fork: ENOMEM at an outer level}). */
  final Map<String, Integer> notes = new java.util.TreeMap<>();

  /** Set by the step that runs: was it refused, which namespace did it zap, is it the leak check. */
  boolean refused;
  PidNs zapped;
  boolean afterTeardown;

  LayerDriver(PidLayer layer) {
    this(layer, Processes::new);
  }

  /** With another process rules object: a test-scope twin that breaks one rule. */
  LayerDriver(PidLayer layer, java.util.function.Function<LayerDriver, Processes> rules) {
    this.layer = layer;
    symbols.bind("t0", layer.initTask());
    symbols.bind("p0", layer.initStructPid());
    symbols.bind("n0", layer.initPidNs());
    this.processes = rules.apply(this);
  }

  private static <K> void add(Map<K, Integer> m, K key, int by) {
    int v = m.getOrDefault(key, 0) + by;
    if (v == 0) {
      m.remove(key);
    } else {
      m.put(key, v);
    }
  }

  int held(Map<?, Integer> m, Object key) {
    Integer v = m.get(key);
    return v == null ? 0 : v;
  }

  /**
   * Runs one operation and answers what happened: a name, a number, {@code ok}, an errno,
   * {@code skip} (the op names something that does not exist or cannot act), or
   * {@code refused: <message>}. Exceptions other than a refusal propagate: they are bugs.
   */
  String apply(LayerOp op) {
    refused = false;
    zapped = null;
    afterTeardown = false;
    try {
      String answer = run(op);
      processes.settle();
      return answer;
    } catch (Symbols.Unknown e) {
      return "skip";
    } catch (PidmapException e) {
      refused = true;
      return "refused: " + e.getMessage();
    }
  }

  void note(String what) {
    notes.merge(what, 1, Integer::sum);
  }

  private Task task(String name) {
    return symbols.require(name, Task.class);
  }

  /**
   * Raw link calls leave the idle task alone (it keeps init_struct_pid alive in all types) and
   * zombies (their links are release_task's).
   */
  private Task notIdle(String name) {
    Task t = task(name);
    if (t == layer.initTask() || processes.dead(t)) {
      throw new Symbols.Unknown(name + " (the idle task or a zombie)");
    }
    return t;
  }

  private Pid pid(String name) {
    return symbols.get(name, Pid.class);
  }

  private PidNs ns(String name) {
    return symbols.get(name, PidNs.class);
  }

  private String name(Object o) {
    return symbols.nameOf(o);
  }

  private String run(LayerOp op) {
    switch (op.kind()) {
      case FORK:
      case EXIT:
      case REAP:
      case EXEC:
      case SETSID:
      case SETPGID:
      case UNSHARE:
      case SETNS:
      case ZAP:
      case SET_LAST_PID:
        return processes.run(op);
      case SET_PID_MAX: {
        PidNs n = symbols.require(op.ns(), PidNs.class);
        if (n.released()) {
          return "skip";
        }
        layer.setPidMax(n, Require.pidMax(op.nr(), n.pidmap().geometry()));
        return "ok";
      }
      case GRACE:
        return "ran " + layer.gracePeriod();
      case GET_PID: {
        Pid p = symbols.require(op.pid(), Pid.class);
        layer.getPid(p);
        add(pidRefs, p, 1);
        return "ok";
      }
      case PUT_PID: {
        Pid p = symbols.require(op.pid(), Pid.class);
        if (held(pidRefs, p) > 0) {
          layer.putPid(p);
          add(pidRefs, p, -1);
          return "ok";
        }
        if (!p.released()) {
          return "skip";
        }
        layer.putPid(p); // a put on a released pid: must be refused
        return "ok";
      }
      case FREE_PID:
        layer.freePid(symbols.require(op.pid(), Pid.class));
        return "ok";
      case GET_TASK_PID: {
        Pid p = layer.getTaskPid(task(op.task()), op.type());
        if (p != null) {
          add(pidRefs, p, 1);
        }
        return name(p);
      }
      case GET_PID_TASK: {
        Task t = layer.getPidTask(symbols.require(op.pid(), Pid.class), op.type());
        if (t != null) {
          add(taskRefs, t, 1);
        }
        return name(t);
      }
      case PUT_TASK: {
        Task t = task(op.task());
        layer.putTaskStruct(t); // with no reference held, must be refused
        if (held(taskRefs, t) > 0) {
          add(taskRefs, t, -1);
        }
        return "ok";
      }
      case GET_PID_NS: {
        PidNs n = symbols.require(op.ns(), PidNs.class);
        layer.getPidNs(n);
        add(nsRefs, n, 1);
        return "ok";
      }
      case PUT_PID_NS: {
        PidNs n = symbols.require(op.ns(), PidNs.class);
        if (held(nsRefs, n) > 0) {
          layer.putPidNs(n);
          add(nsRefs, n, -1);
          return "ok";
        }
        if (!n.released()) {
          return "skip";
        }
        layer.putPidNs(n); // a put on a released namespace: must be refused
        return "ok";
      }
      case FIND_PID_NS:
        return name(layer.findPidNs((int) op.nr(), ns(op.ns())));
      case FIND_GET_PID: {
        Pid p = layer.findGetPid(processes.current(task(op.task())), (int) op.nr());
        if (p != null) {
          add(pidRefs, p, 1);
        }
        return name(p);
      }
      case FIND_TASK_BY_PID_TYPE_NS:
        return name(layer.findTaskByPidTypeNs(op.type(), (int) op.nr(), ns(op.ns())));
      case FIND_TASK_BY_PID:
        return name(layer.findTaskByPid((int) op.nr()));
      case FIND_TASK_BY_VPID:
        return name(layer.findTaskByVpid(processes.current(task(op.task())), (int) op.nr()));
      case FIND_TASK_BY_PID_NS:
        return name(layer.findTaskByPidNs((int) op.nr(), ns(op.ns())));
      case PID_TASK:
        return name(layer.pidTask(pid(op.pid()), op.type()));
      case PID_NR_NS:
        return Integer.toString(layer.pidNrNs(pid(op.pid()), ns(op.ns())));
      case FIND_GE_PID:
        return name(layer.findGePid((int) op.nr(), ns(op.ns())));
      case IS_CONTAINER_INIT:
        return Boolean.toString(layer.isContainerInit(task(op.task())));
      case ATTACH:
        layer.attachPid(notIdle(op.task()), op.type(), symbols.require(op.pid(), Pid.class));
        return "ok";
      case DETACH:
        layer.detachPid(notIdle(op.task()), op.type());
        return "ok";
      case TRANSFER:
        layer.transferPid(notIdle(op.task()), notIdle(op.other()), op.type());
        return "ok";
      case CHECK_LEAKS:
        afterTeardown = true;
        return "checked";
      case TEARDOWN:
        throw new IllegalStateException("teardown is expanded by the engine");
      default:
        throw new AssertionError(op.kind());
    }
  }

  /**
   * The operations that end a run cleanly from the current state: every task but the idle one
   * exits and is reaped (newest first; a dead task's leftover links are detached too), every
   * reference the trace holds is put, a grace period passes, and the leak check runs.
   */
  List<LayerOp> teardownOps() {
    List<LayerOp> ops = new ArrayList<>();
    List<Task> tasks = symbols.tasks;
    for (int i = tasks.size() - 1; i >= 1; i--) {
      ops.add(LayerOp.task(LayerOp.Kind.EXIT, name(tasks.get(i))));
      ops.add(LayerOp.task(LayerOp.Kind.REAP, name(tasks.get(i))));
    }
    // linux-6: an init that waited in its zap for a pid held by an older task became a zombie
    // only when that task exited, after its own reap above; so does one whose namespace held a
    // zombie reaped later. Two more rounds of reaps end them (a reaped task answers skip).
    for (int round = 0; round < 2 && layer.config().profile() != pidmap.spec.Profile.LINUX_2_6_24;
        round++) {
      for (int i = tasks.size() - 1; i >= 1; i--) {
        ops.add(LayerOp.task(LayerOp.Kind.REAP, name(tasks.get(i))));
      }
    }
    for (Pid p : symbols.pids) {
      for (int i = held(pidRefs, p); i > 0; i--) {
        ops.add(LayerOp.pid(LayerOp.Kind.PUT_PID, name(p), null));
      }
    }
    for (Task t : symbols.tasks) {
      for (int i = held(taskRefs, t); i > 0; i--) {
        ops.add(LayerOp.task(LayerOp.Kind.PUT_TASK, name(t)));
      }
    }
    for (PidNs ns : symbols.namespaces) {
      for (int i = held(nsRefs, ns); i > 0; i--) {
        ops.add(LayerOp.ns(LayerOp.Kind.PUT_PID_NS, name(ns), 0));
      }
    }
    ops.add(LayerOp.of(LayerOp.Kind.GRACE));
    ops.add(LayerOp.of(LayerOp.Kind.CHECK_LEAKS));
    return ops;
  }
}
