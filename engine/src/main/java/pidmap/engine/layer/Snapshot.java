package pidmap.engine.layer;

import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * Everything observable about one layer, written with the trace's names, one fact per line:
 * two layers conform after a step when their snapshots are equal, and a refused step must leave
 * its layer's snapshot as it was (INPUT-2). The hash appears only as its size: which numbers it
 * holds follows from each pid's "hashed" mark (HASH-2 checks that on each side) and where they
 * sit is checked against pid_hashfn on each side (HASH-1).
 *
 * <p>Stateless; a snapshot is exact only while no other thread changes the layer.
 */
final class Snapshot {
  private Snapshot() {}

  static String of(LayerDriver d) {
    Symbols s = d.symbols;
    PidLayer l = d.layer;
    StringBuilder sb = new StringBuilder(4096);
    StringBuilder released = new StringBuilder("released:");
    for (Pid p : s.pids) {
      if (p.released() && p.count() == 0) {
        released.append(' ').append(s.nameOf(p));
        continue;
      }
      sb.append(s.nameOf(p)).append(' ').append(p.numbers()).append(p.released() ? " released" : "");
      sb.append(" count=").append(p.count())
          .append(l.isHashed(p) ? " hashed" : "")
          .append(l.awaitingGrace(p) ? " awaiting-grace" : "");
      for (PidType t : PidType.values()) {
        sb.append(' ').append(t.wire()).append('=');
        for (Task task : l.pidTasks(p, t)) {
          sb.append(s.nameOf(task)).append(',');
        }
      }
      sb.append('\n');
    }
    sb.append(released).append('\n');
    for (PidNs n : s.namespaces) {
      InspectablePidAllocator a = n.pidmap();
      sb.append(s.nameOf(n)).append(" level=").append(n.level())
          .append(" parent=").append(s.nameOf(n.parent()))
          .append(n.released() ? " released" : " count=" + n.refcount())
          .append(" reaper=").append(s.nameOf(n.childReaper()))
          .append(n.allocating() ? "" : " dead")
          .append(" bitmap=").append(a.allocated())
          .append(" last_pid=").append(a.lastPid())
          .append(" pid_max=").append(a.pidMax()).append('\n');
    }
    for (Task t : s.tasks) {
      sb.append(s.nameOf(t)).append(d.processes.zombie(t) ? " zombie" : "")
          .append(" usage=").append(t.usage());
      for (PidType type : PidType.values()) {
        sb.append(' ').append(type.wire()).append('=').append(s.nameOf(l.linkedPid(t, type)));
      }
      sb.append('\n');
    }
    for (PidCache c : l.pidCaches()) {
      sb.append("cache ").append(c.name()).append(" live=").append(c.liveObjects()).append('\n');
    }
    sb.append("live namespaces=").append(l.liveNamespaces())
        .append(" hash shift=").append(l.pidhashShift())
        .append(" hashed numbers=").append(l.hashEntries().size()).append('\n');
    return sb.toString();
  }

  /** The first line where two snapshots differ, both versions, or null when they are equal. */
  static String firstDifference(String a, String b) {
    if (a.equals(b)) {
      return null;
    }
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String u = i < x.length ? x[i] : "(nothing)";
      String v = i < y.length ? y[i] : "(nothing)";
      if (!u.equals(v)) {
        return "model: " + u + " | impl: " + v;
      }
    }
    return "snapshots differ";
  }
}
