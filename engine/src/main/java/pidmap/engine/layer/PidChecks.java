package pidmap.engine.layer;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/** The predicates of {@link LayerInvariants} about pids, references, links and lookups. */
final class PidChecks {
  private PidChecks() {}

  /** PID-1. */
  static String hashedFound(LayerStep s) {
    PidLayer l = s.layer();
    for (Pid p : s.livePids()) {
      if (p.released()) {
        continue;
      }
      boolean hashed = l.isHashed(p);
      for (int i = 0; i <= p.level(); i++) {
        Pid found = l.findPidNs(p.nr(i), p.ns(i));
        if (hashed && found != p) {
          return s.nameOf(p) + " is hashed but find_pid_ns(" + p.nr(i) + ", " + s.nameOf(p.ns(i))
              + ") answers " + s.nameOf(found);
        }
        if (!hashed && found == p) {
          return s.nameOf(p) + " is not hashed but find_pid_ns still finds it at level " + i;
        }
      }
    }
    return null;
  }

  /** PID-2. */
  static String nrNsAgrees(LayerStep s) {
    PidLayer l = s.layer();
    for (PidNs n : s.namespaces()) {
      if (n.released()) {
        continue;
      }
      if (l.pidNrNs(null, n) != 0) {
        return "pid_nr_ns(null, " + s.nameOf(n) + ") is not 0";
      }
      for (Pid p : s.livePids()) {
        if (p.released()) {
          continue;
        }
        int want = n.level() <= p.level() && p.ns(n.level()) == n ? p.nr(n.level()) : 0;
        int got = l.pidNrNs(p, n);
        if (got != want) {
          return "pid_nr_ns(" + s.nameOf(p) + ", " + s.nameOf(n) + ") is " + got + ", its numbers "
              + p.numbers() + " say " + want;
        }
      }
    }
    return null;
  }

  /** PID-3. */
  static String unusedPidGone(LayerStep s) {
    PidLayer l = s.layer();
    for (Pid p : s.livePids()) {
      if (p.released() || p == l.initStructPid()) {
        continue;
      }
      boolean linked = false;
      for (PidType t : PidType.values()) {
        linked |= !l.pidTasks(p, t).isEmpty();
      }
      boolean hashed = l.isHashed(p);
      if (linked != hashed) {
        return s.nameOf(p) + (linked ? " has tasks but is not hashed" : " has no task but is hashed");
      }
      if (!linked && s.pidRefsHeld(p) == 0 && !l.awaitingGrace(p)) {
        return s.nameOf(p) + " has no task, no reference and no pending grace period, but is live"
            + " with count " + p.count();
      }
    }
    return null;
  }

  /** REF-1. */
  static String pidCount(LayerStep s) {
    PidLayer l = s.layer();
    for (Pid p : s.pids()) {
      int held = s.pidRefsHeld(p);
      if (p.count() < 0) {
        return s.nameOf(p) + " has count " + p.count() + ", below zero";
      }
      if (p == l.initStructPid()) {
        if (p.released() || p.count() != 1 + held) {
          return "init_struct_pid has count " + p.count() + ", expected 1 + " + held;
        }
      } else if (p.released()) {
        if (p.count() != 0 || held != 0) {
          return s.nameOf(p) + " is released with count " + p.count() + " while the checker holds "
              + held + " references";
        }
      } else {
        int want = held + (l.isHashed(p) || l.awaitingGrace(p) ? 1 : 0);
        if (p.count() != want) {
          return s.nameOf(p) + " has count " + p.count() + ", expected " + want + " (" + held
              + " held, " + (l.isHashed(p) ? "hashed" : l.awaitingGrace(p) ? "awaiting grace"
              : "unhashed") + ")";
        }
      }
    }
    return null;
  }

  /** REF-2. */
  static String taskUsage(LayerStep s) {
    for (Task t : s.tasks()) {
      if (t.usage() != 1 + s.taskRefsHeld(t)) {
        return s.nameOf(t) + " has usage " + t.usage() + ", expected 1 + " + s.taskRefsHeld(t);
      }
    }
    return null;
  }

  /** LINK-1. */
  static String linksMirror(LayerStep s) {
    PidLayer l = s.layer();
    for (Task t : s.tasks()) {
      for (PidType type : PidType.values()) {
        Pid p = l.linkedPid(t, type);
        if (p == null) {
          continue;
        }
        if (p.released()) {
          return s.nameOf(t) + "'s " + type.wire() + " link holds released " + s.nameOf(p);
        }
        int n = 0;
        for (Task x : l.pidTasks(p, type)) {
          n += x == t ? 1 : 0;
        }
        if (n != 1) {
          return s.nameOf(t) + " links " + s.nameOf(p) + " as " + type.wire() + " but is on its list "
              + n + " times";
        }
      }
    }
    for (Pid p : s.livePids()) {
      if (p.released()) {
        continue;
      }
      for (PidType type : PidType.values()) {
        for (Task t : l.pidTasks(p, type)) {
          if (l.linkedPid(t, type) != p) {
            return s.nameOf(t) + " is on " + s.nameOf(p) + "'s " + type.wire()
                + " list but links " + s.nameOf(l.linkedPid(t, type));
          }
        }
      }
    }
    return null;
  }

  /** INIT-1. */
  static String containerInit(LayerStep s) {
    for (Task t : s.tasks()) {
      Pid p = s.layer().linkedPid(t, PidType.PID);
      boolean want = p != null && p.nr(p.level()) == 1;
      if (s.layer().isContainerInit(t) != want) {
        return "is_container_init(" + s.nameOf(t) + ") is " + !want + " with pid "
            + (p == null ? "none" : p.numbers());
      }
    }
    return null;
  }

  /** LOOKUP-1. */
  static String findGe(LayerStep s) {
    Map<PidNs, TreeMap<Integer, Pid>> byNs = new IdentityHashMap<>();
    for (Pid p : s.livePids()) {
      if (s.layer().isHashed(p)) {
        for (int i = 0; i <= p.level(); i++) {
          byNs.computeIfAbsent(p.ns(i), k -> new TreeMap<>()).put(p.nr(i), p);
        }
      }
    }
    for (PidNs n : s.namespaces()) {
      if (n.released()) {
        continue;
      }
      TreeMap<Integer, Pid> byNr = byNs.getOrDefault(n, new TreeMap<>());
      java.util.TreeSet<Integer> probes = new java.util.TreeSet<>();
      probes.add(0);
      for (int k : byNr.keySet()) {
        probes.add(k + 1); // k itself is find_pid_ns's case, which PID-1 checks
      }
      for (int x : probes) {
        Map.Entry<Integer, Pid> e = byNr.ceilingEntry(x);
        Pid want = e == null ? null : e.getValue();
        Pid got = s.layer().findGePid(x, n);
        if (got != want) {
          return "find_ge_pid(" + x + ", " + s.nameOf(n) + ") answers " + s.nameOf(got)
              + ", the smallest hashed number >= " + x + " belongs to " + s.nameOf(want);
        }
      }
    }
    return null;
  }

  /** INPUT-2. */
  static String refusalChangesNothing(LayerStep s) {
    return s.refused() && !s.stateUnchanged() ? "the input was refused but the state changed" : null;
  }
}
