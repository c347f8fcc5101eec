package pidmap.engine.layer;

import java.util.List;
import pidmap.model.pid.ModelPidLayer;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/**
 * The model's pid layer seen through the agent protocol's process level (docs/AGENT-PROTOCOL.md):
 * each layer operation with a kernel counterpart becomes the request an agent gets and the reply
 * the model expects. The layer's {@code t1} is the agent's {@code t1} (the root namespace's init,
 * forked from the idle task {@code t0} at boot, leading its own session) and every task keeps its {@code tN} name; numbers
 * in requests are as the acting task sees them. An operation the model cannot run now (a task
 * reaped meanwhile, after a shrink) gives no request and changes nothing.
 *
 * <p>Not thread-safe: one run.
 */
public final class ProcessLevel {

  /**
   * One step: the layer operation, the protocol detail it needs beyond the operation (the
   * lookup's system call, setns's task), the request (null: not sent) and the model's reply.
   */
  public record Step(LayerOp op, String detail, String request, String expected) {}

  /** The operations that have a process-level request; every other one has no kernel counterpart. */
  public static final java.util.Set<LayerOp.Kind> KINDS = java.util.EnumSet.of(LayerOp.Kind.FORK,
      LayerOp.Kind.EXIT, LayerOp.Kind.REAP, LayerOp.Kind.SETSID, LayerOp.Kind.SETPGID,
      LayerOp.Kind.UNSHARE, LayerOp.Kind.SETNS, LayerOp.Kind.SET_PID_MAX,
      LayerOp.Kind.SET_LAST_PID, LayerOp.Kind.FIND_TASK_BY_VPID);

  /** The detail of a setpgid step into a group the acting task cannot see (counted apart). */
  public static final String INVISIBLE = "invisible group";

  /**
   * The detail of a fork that ran out at an outer level after an inner level had given it a
   * number (which went back): alloc_pid's rollback, counted apart.
   */
  public static final String OUTER_RAN_OUT = "outer level ran out";

  private static final String OUTER_NOTE =
      "fork: no number at an outer level after the inner level had one";

  final LayerDriver d;
  private String lastAnswer;

  /** A booted model layer whose t1 is running, as an agent's namespace starts. */
  public ProcessLevel(LayerConfig config) {
    this(config, ModelPidLayer::new);
  }

  /**
   * The same on another layer: a test's deliberately wrong model, to show that a divergence
   * from the kernel is caught, shrunk and replayed.
   */
  public ProcessLevel(LayerConfig config,
      java.util.function.Function<LayerConfig, ? extends pidmap.spec.pid.PidLayer> layer) {
    d = new LayerDriver(layer.apply(config));
    for (LayerOp op : boot()) {
      d.apply(op);
    }
  }

  /**
   * The layer operations that make t1, the leader of its own session and process group (sent to
   * no agent: the agent starts so).
   */
  public static List<LayerOp> boot() {
    return List.of(LayerOp.fork(1, "t0", 0), LayerOp.task(LayerOp.Kind.SETSID, "t1"));
  }

  /**
   * An agent's namespace as a linux-6 layer: the kernel's geometry, the agent's starting pid_max
   * at level 0, and as many levels below it as the agent's hello says ({@code max_depth=}).
   */
  public static LayerConfig agentConfig(int pidMax, int maxDepth) {
    return new LayerConfig(Geometry.KERNEL, Profile.LINUX_6, LayerConfig.ONE_GIGABYTE_PAGES,
        List.of(pidMax), maxDepth);
  }

  /** The model's layer configuration. */
  public LayerConfig config() {
    return d.layer.config();
  }

  <T> T named(String name, Class<T> type) {
    try {
      return d.symbols.get(name, type);
    } catch (Symbols.Unknown e) {
      return null;
    }
  }

  boolean running(Task t) {
    return t != null && t != d.layer.initTask() && d.processes.alive(t);
  }

  private int seenBy(Pid p, Task viewer) {
    return p == null ? 0 : d.layer.pidNrNs(p, d.processes.active(viewer));
  }

  /** The layer's own answer to the last step run on the model (a layer trace's expect). */
  public String lastAnswer() {
    return lastAnswer;
  }

  /** Runs {@code op} on the model and says what an agent is asked and must answer. */
  public Step apply(LayerOp op, String detail) {
    lastAnswer = null;
    return translate(op, detail);
  }

  private String run(LayerOp op) {
    lastAnswer = d.apply(op);
    return lastAnswer;
  }

  private Step translate(LayerOp op, String detail) {
    Task t = op.task() == null ? null : named(op.task(), Task.class);
    switch (op.kind()) {
      case FORK: {
        if (!running(t)) {
          return skip(op, detail);
        }
        int levels = d.processes.childrenNs(t).level() + 1
            + ((op.flags() & CloneFlags.CLONE_NEWPID) != 0 ? 1 : 0);
        if (op.setTid().size() > levels
            && config().maxNsLevel() < pidmap.spec.pid.SetTid.MAX_PID_NS_LEVEL) {
          // below the machine's initial namespace the kernel gives the extra entry to the level
          // above the root, which the model does not have: no answer to expect
          return skip(op, detail);
        }
        StringBuilder r = new StringBuilder("fork t" + op.id() + " " + op.task());
        long f = op.flags();
        if (f != 0) {
          r.append(" flags=").append(((f & CloneFlags.CLONE_NEWPID) != 0 ? "CLONE_NEWPID" : "")
              + ((f & CloneFlags.CLONE_NEWPID) != 0 && (f & CloneFlags.CLONE_THREAD) != 0 ? "|" : "")
              + ((f & CloneFlags.CLONE_THREAD) != 0 ? "CLONE_THREAD" : ""));
        }
        if (!op.setTid().isEmpty()) {
          r.append(" set_tid=").append(String.join(",",
              op.setTid().stream().map(String::valueOf).toList()));
        }
        int rollbacks = d.notes.getOrDefault(OUTER_NOTE, 0);
        String a = run(op);
        if (a.startsWith("t")) {
          return new Step(op, detail, r.toString(), "pids " + a.substring(a.indexOf(' ') + 1));
        }
        return answer(op, d.notes.getOrDefault(OUTER_NOTE, 0) > rollbacks ? OUTER_RAN_OUT : detail,
            r.toString(), a);
      }
      case EXIT:
        return running(t) && !op.task().equals("t1")
            ? answer(op, detail, "exit " + op.task(), run(op)) : skip(op, detail);
      case REAP: {
        Task p = t == null ? null : d.layer.parent(t);
        if (p == null || !running(p) || !(d.processes.alive(t) || d.processes.dead(t))) {
          return skip(op, detail);
        }
        int nr = seenBy(d.layer.linkedPid(t, PidType.PID), p);
        String a = run(op);
        return answer(op, detail, "reap " + d.symbols.nameOf(p) + " " + op.task(),
            a.equals("ok") ? "pid " + nr : a.equals("0") ? "pid 0" : a);
      }
      case SETSID: {
        if (!running(t)) {
          return skip(op, detail);
        }
        String a = run(op);
        Pid own = d.layer.linkedPid(d.processes.leaderOf(t), PidType.PID);
        return answer(op, detail, "setsid " + op.task(), a.equals("ok") ? "pid " + seenBy(own, t) : a);
      }
      case SETPGID:
        return setpgid(op, detail, t);
      case UNSHARE: {
        if (!running(t)) {
          return skip(op, detail);
        }
        String a = run(op);
        return answer(op, detail, "unshare " + op.task(), a.startsWith("n") ? "ok" : a);
      }
      case SETNS:
        return setns(op, detail, t);
      case SET_PID_MAX: {
        Task in = detail == null ? null : named(detail, Task.class);
        PidNs n = named(op.ns(), PidNs.class);
        if (!running(in) || n == null || d.processes.active(in) != n) {
          return skip(op, detail);
        }
        return answer(op, detail, "set_pid_max " + op.nr() + " in=" + detail, run(op));
      }
      case SET_LAST_PID:
        return running(t)
            ? answer(op, detail, "set_last " + op.nr() + " in=" + op.task(), run(op))
            : skip(op, detail);
      case FIND_TASK_BY_VPID:
        return lookup(op, detail, t);
      default:
        throw new IllegalArgumentException(op.kind() + " has no process-level request");
    }
  }

  private Step setpgid(LayerOp op, String detail, Task t) {
    Task g = named(op.other(), Task.class);
    if (!running(t) || g == null || !(d.processes.alive(g) || d.processes.dead(g))) {
      return skip(op, detail);
    }
    Task l = d.processes.leaderOf(t);
    Task gl = d.processes.leaderOf(g);
    int pgid = 0;
    if (gl != l) {
      Pid group = gl == null ? null : d.layer.linkedPid(gl, PidType.PGID);
      if (group == null) {
        return skip(op, detail);
      }
      pgid = seenBy(group, t);
      if (pgid == 0) {
        // an invisible group: T cannot name it, so it passes the number the group has at the
        // root (or the next one) where that names no pid in T's namespace: EPERM
        PidNs mine = d.processes.active(t);
        int nr = group.nr(0);
        while (d.layer.findPidNs(nr, mine) != null) {
          nr++;
        }
        return answer(op, INVISIBLE, "setpgid " + op.task() + " 0 " + nr, run(op));
      }
    }
    return answer(op, detail, "setpgid " + op.task() + " 0 " + pgid, run(op));
  }

  private Step setns(LayerOp op, String detail, Task t) {
    String[] w = detail == null ? new String[0] : detail.split(" ");
    Task x = w.length == 0 ? null : named(w[0], Task.class);
    boolean children = w.length > 1;
    PidNs n = named(op.ns(), PidNs.class);
    if (!running(t) || x == null || n == null || !(d.processes.alive(x) || d.processes.dead(x))
        || (children && !running(x))) {
      return skip(op, detail);
    }
    PidNs of = children ? d.processes.childrenNs(x) : d.processes.active(x);
    if (of != n) {
      return skip(op, detail);
    }
    if (children && n.level() > 0 && n.childReaper() == null && n.allocating()) {
      // /proc/X/ns/pid_for_children opens only once the namespace has an init (the 6.18
      // kernel: ENOENT after unshare before the first fork); the layer is not asked
      return new Step(op, detail, "setns " + op.task() + " " + detail, "errno ENOENT");
    }
    return answer(op, detail, "setns " + op.task() + " " + detail, run(op));
  }

  private Step lookup(LayerOp op, String detail, Task t) {
    if (!running(t)) {
      return skip(op, detail);
    }
    String verb = detail == null ? "kill" : detail;
    String request = verb + " " + op.task() + " " + op.nr();
    String a = run(op);
    Task found = a.equals("null") ? null : named(a, Task.class);
    if (found == null) {
      return new Step(op, detail, request, "errno ESRCH");
    }
    if (verb.equals("kill")) {
      return new Step(op, detail, request, "ok");
    }
    Task l = d.processes.leaderOf(found);
    Pid id = l == null ? null
        : d.layer.linkedPid(l, verb.equals("getpgid") ? PidType.PGID : PidType.SID);
    return new Step(op, detail, request, "pid " + seenBy(id, t));
  }

  private static Step skip(LayerOp op, String detail) {
    return new Step(op, detail, null, null);
  }

  /**
   * The layer's answer as a reply: {@code ok}, or an errno's name. An argument the layer refuses
   * (CLONE_NEWPID with CLONE_THREAD, a set_tid or pid_max out of range) is the system call's
   * EINVAL.
   */
  private static Step answer(LayerOp op, String detail, String request, String a) {
    if (a.equals("skip")) {
      return skip(op, detail);
    }
    if (a.startsWith("refused")) {
      return new Step(op, detail, request, "errno EINVAL");
    }
    return new Step(op, detail, request, a.startsWith("E") ? "errno " + a : a);
  }
}
