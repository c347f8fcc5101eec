package pidmap.engine.layer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.Task;

/**
 * The names a trace gives to one layer's objects ({@code t7}, {@code p7}, {@code n7}), both
 * ways, and the objects in the order they were named. Not thread-safe.
 */
final class Symbols {
  /** Thrown when an op names an object that does not exist: the op is skipped. */
  static final class Unknown extends RuntimeException {
    Unknown(String name) {
      super(name, null, false, false);
    }
  }

  private final Map<String, Object> byName = new HashMap<>();
  private final Map<Object, String> names = new IdentityHashMap<>();
  final List<Pid> pids = new ArrayList<>();
  final List<PidNs> namespaces = new ArrayList<>();
  final List<Task> tasks = new ArrayList<>();

  void bind(String name, Object o) {
    if (byName.containsKey(name) || names.containsKey(o)) {
      throw new IllegalStateException("name " + name + " or its object is already bound");
    }
    byName.put(name, o);
    names.put(o, name);
    if (o instanceof Pid p) {
      pids.add(p);
    } else if (o instanceof PidNs n) {
      namespaces.add(n);
    } else {
      tasks.add((Task) o);
    }
  }

  /** Binds {@code name} unless the object already has one. */
  void bindIfNew(String name, Object o) {
    if (!names.containsKey(o)) {
      bind(name, o);
    }
  }

  boolean known(Object o) {
    return names.containsKey(o);
  }

  /** The object named {@code name}; null for {@code "null"}; {@link Unknown} for no such name. */
  <T> T get(String name, Class<T> type) {
    if (name == null) {
      throw new Unknown("(missing)");
    }
    if (name.equals("null")) {
      return null;
    }
    Object o = byName.get(name);
    if (!type.isInstance(o)) {
      throw new Unknown(name);
    }
    return type.cast(o);
  }

  /** Like {@link #get} but a present object is required. */
  <T> T require(String name, Class<T> type) {
    T o = get(name, type);
    if (o == null) {
      throw new Unknown("null");
    }
    return o;
  }

  /** The name of an object, {@code null} for null, {@code ?<what>} for an unnamed one. */
  String nameOf(Object o) {
    if (o == null) {
      return "null";
    }
    String n = names.get(o);
    if (n != null) {
      return n;
    }
    if (o instanceof Pid p) {
      return "?pid " + p.numbers();
    }
    if (o instanceof PidNs ns) {
      return "?" + ns.describe();
    }
    return o instanceof Task t ? "?" + t.describe() : "?" + o;
  }
}
