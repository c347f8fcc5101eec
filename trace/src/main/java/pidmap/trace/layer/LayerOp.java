package pidmap.trace.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import pidmap.spec.PidmapException;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.PidType;

/**
 * One operation of the pid layer's trace vocabulary (docs/PID_LAYER.md): process-like
 * operations built from pid.c's functions (fork, exit, exec, setsid, setpgid, unshare, zap,
 * the pid_max and ns_last_pid writes),
 * references (get/put), every lookup, raw link calls, the grace period, and the teardown with
 * its leak check.
 *
 * <p>Objects are named, not numbered by position: the op with id 7 that forks makes task
 * {@code t7}, pid {@code p7} and, with CLONE_NEWPID, namespace {@code n7}; the boot objects are
 * {@code t0}, {@code p0}, {@code n0}. Removing ops (shrinking) therefore never renames anything;
 * an op that names an object that does not exist (any more) is skipped on both sides.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what to do
 * @param id the label of objects this op creates (fork, unshare); 0 otherwise
 * @param task a task name (the subject, the parent, the caller, or transfer's old task)
 * @param other a second task name (setpgid's group member, transfer's new task)
 * @param pid a pid name, or {@code "null"} for pid_nr_ns of no pid
 * @param ns a namespace name, or {@code "null"} for a missing namespace
 * @param type a pid type
 * @param nr a number to look up, a new pid_max, or the value written to ns_last_pid
 * @param flags clone flags for fork and unshare
 * @param setTid clone3's set_tid for fork, innermost level first; empty for a plain fork
 */
public record LayerOp(Kind kind, int id, String task, String other, String pid, String ns,
    PidType type, long nr, long flags, List<Integer> setTid) {

  public LayerOp {
    setTid = setTid == null ? List.of() : List.copyOf(setTid);
  }

  /** The operations, with their trace names and the fields each one uses, in trace order. */
  public enum Kind {
    FORK("fork", "id parent flags set_tid"),
    EXIT("exit", "task"),
    REAP("reap", "task"),
    EXEC("exec", "task"),
    SETSID("setsid", "task"),
    SETPGID("setpgid", "task group"),
    UNSHARE("unshare", "id task flags"),
    SETNS("setns", "task ns"),
    ZAP("zap", "ns"),
    SET_PID_MAX("set_pid_max", "ns value"),
    SET_LAST_PID("set_last_pid", "task value"),
    GRACE("grace", ""),
    GET_PID("get_pid", "pid"),
    PUT_PID("put_pid", "pid"),
    FREE_PID("free_pid", "pid"),
    GET_TASK_PID("get_task_pid", "task type"),
    GET_PID_TASK("get_pid_task", "pid type"),
    PUT_TASK("put_task", "task"),
    GET_PID_NS("get_pid_ns", "ns"),
    PUT_PID_NS("put_pid_ns", "ns"),
    FIND_PID_NS("find_pid_ns", "nr ns"),
    FIND_GET_PID("find_get_pid", "current nr"),
    FIND_TASK_BY_PID_TYPE_NS("find_task_by_pid_type_ns", "type nr ns"),
    FIND_TASK_BY_PID("find_task_by_pid", "nr"),
    FIND_TASK_BY_VPID("find_task_by_vpid", "current nr"),
    FIND_TASK_BY_PID_NS("find_task_by_pid_ns", "nr ns"),
    PID_TASK("pid_task", "pid type"),
    PID_NR_NS("pid_nr_ns", "pid ns"),
    FIND_GE_PID("find_ge_pid", "nr ns"),
    IS_CONTAINER_INIT("is_container_init", "task"),
    ATTACH("attach_pid", "task type pid"),
    DETACH("detach_pid", "task type"),
    TRANSFER("transfer_pid", "old new type"),
    TEARDOWN("teardown", ""),
    CHECK_LEAKS("check_leaks", "");

    private final String wire;
    private final String[] fields;

    Kind(String wire, String fields) {
      this.wire = wire;
      this.fields = fields.isEmpty() ? new String[0] : fields.split(" ");
    }

    public String wire() {
      return wire;
    }

    static Kind byWire(String wire) {
      for (Kind k : values()) {
        if (k.wire.equals(wire)) {
          return k;
        }
      }
      throw new PidmapException("op", wire, "a pid layer operation such as fork, exit, find_pid_ns");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  public static LayerOp of(Kind kind) {
    return new LayerOp(kind, 0, null, null, null, null, null, 0, 0, List.of());
  }

  public static LayerOp fork(int id, String parent, long flags) {
    return new LayerOp(Kind.FORK, id, parent, null, null, null, null, 0, flags, List.of());
  }

  /** clone3 with set_tid: {@code setTid[0]} is the child's number in its own namespace. */
  public static LayerOp fork(int id, String parent, long flags, List<Integer> setTid) {
    return new LayerOp(Kind.FORK, id, parent, null, null, null, null, 0, flags, setTid);
  }

  public static LayerOp setns(String task, String ns) {
    return new LayerOp(Kind.SETNS, 0, task, null, null, ns, null, 0, 0, List.of());
  }

  public static LayerOp unshare(int id, String task, long flags) {
    return new LayerOp(Kind.UNSHARE, id, task, null, null, null, null, 0, flags, List.of());
  }

  /** {@code task} writes {@code value} to ns_last_pid (its active namespace's). */
  public static LayerOp setLastPid(String task, long value) {
    return new LayerOp(Kind.SET_LAST_PID, 0, task, null, null, null, null, value, 0, List.of());
  }

  public static LayerOp task(Kind kind, String task) {
    return new LayerOp(kind, 0, task, null, null, null, null, 0, 0, List.of());
  }

  public static LayerOp tasks(Kind kind, String task, String other, PidType type) {
    return new LayerOp(kind, 0, task, other, null, null, type, 0, 0, List.of());
  }

  public static LayerOp pid(Kind kind, String pid, PidType type) {
    return new LayerOp(kind, 0, null, null, pid, null, type, 0, 0, List.of());
  }

  public static LayerOp ns(Kind kind, String ns, long nr) {
    return new LayerOp(kind, 0, null, null, null, ns, null, nr, 0, List.of());
  }

  public static LayerOp lookup(Kind kind, String task, String pid, String ns, PidType type,
      long nr) {
    return new LayerOp(kind, 0, task, null, pid, ns, type, nr, 0, List.of());
  }

  /** The value of one named field, as the trace writes it. */
  private Object field(String name) {
    switch (name) {
      case "id":
        return id;
      case "parent":
      case "task":
      case "current":
      case "old":
        return task;
      case "group":
      case "new":
        return other;
      case "pid":
        return pid;
      case "ns":
        return ns;
      case "type":
        return type == null ? null : type.wire();
      case "nr":
      case "value":
        return nr;
      case "flags":
        return CloneFlags.describe(flags);
      case "set_tid":
        return setTid;
      default:
        throw new AssertionError(name);
    }
  }

  /** One JSON line, e.g. {@code {"op":"fork","id":7,"parent":"t3","flags":"CLONE_NEWPID"}}. */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("op", kind.wire);
    for (String f : kind.fields) {
      Object v = field(f);
      if (v instanceof List<?> list) {
        if (!list.isEmpty()) {
          com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray(f);
          list.forEach(x -> a.add((Integer) x));
        }
      } else if (v instanceof Integer i) {
        o.put(f, i);
      } else if (v instanceof Long l) {
        o.put(f, l);
      } else {
        o.put(f, (String) v);
      }
    }
    return o.toString();
  }

  /** Reads one JSON line written by {@link #toJson()}; refuses an unknown op or a bad field. */
  public static LayerOp parse(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PidmapException("line", line, "one JSON object, e.g. {\"op\":\"grace\"}");
    }
    Kind kind = Kind.byWire(n.path("op").asText());
    JsonNode parent = n.has("parent") ? n.get("parent") : n.has("current") ? n.get("current")
        : n.has("old") ? n.get("old") : n.get("task");
    JsonNode other = n.has("group") ? n.get("group") : n.get("new");
    JsonNode nr = n.has("value") ? n.get("value") : n.get("nr");
    return new LayerOp(kind, n.path("id").asInt(0), text(parent), text(other), text(n.get("pid")),
        text(n.get("ns")), n.has("type") ? PidType.byWire(n.get("type").asText()) : null,
        nr == null ? 0 : nr.asLong(), n.has("flags") ? flags(n.get("flags").asText()) : 0,
        setTid(n.get("set_tid")));
  }

  private static List<Integer> setTid(JsonNode n) {
    if (n == null) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new PidmapException("set_tid", n.toString(), "an array of numbers, innermost level first");
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.canConvertToInt()) {
        throw new PidmapException("set_tid", n.toString(), "an array of int numbers");
      }
      out.add(e.asInt());
    }
    return out;
  }

  private static String text(JsonNode n) {
    return n == null ? null : n.asText();
  }

  private static long flags(String s) {
    long f = 0;
    for (String part : s.split("\\|")) {
      switch (part) {
        case "0":
          break;
        case "CLONE_NEWPID":
          f |= CloneFlags.CLONE_NEWPID;
          break;
        case "CLONE_THREAD":
          f |= CloneFlags.CLONE_THREAD;
          break;
        default:
          if (!part.startsWith("0x")) {
            throw new PidmapException("flags", s, "CLONE_NEWPID, CLONE_THREAD, 0x<hex> or 0, joined by |");
          }
          f |= Long.parseLong(part.substring(2), 16);
      }
    }
    return f;
  }

  /** A short human form, e.g. {@code #7 fork t3 CLONE_NEWPID} or {@code find_pid_ns 4 n7}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (id != 0) {
      sb.append('#').append(id).append(' ');
    }
    sb.append(kind.wire);
    for (String f : kind.fields) {
      if (!f.equals("id") && !(f.equals("set_tid") && setTid.isEmpty())) {
        sb.append(' ').append(field(f));
      }
    }
    return sb.toString();
  }
}
