package pidmap.kit.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import pidmap.spec.PidmapException;

/**
 * The named suites, in the order a report lists them: one per divergence class that other
 * systems' allocators show (docs/CONFORMANCE.md says which systems), then the profile's other
 * rules. Stateless.
 */
public final class Suites {
  private Suites() {}

  /** Every suite. */
  public static List<Suite> all() {
    return List.of(
        new Suite("wrap", "after the top the search wraps, to RESERVED_PIDS (300) once last_pid"
            + " has passed it and to 1 before; it covers last_pid itself",
            AllocatorScenarios.wrap()),
        new Suite("pid-max-exclusive", "pid_max itself is never handed out: the largest pid is"
            + " pid_max - 1", AllocatorScenarios.pidMaxExclusive()),
        new Suite("exhaustion", "when nothing is free, alloc and fork fail at once with EAGAIN"
            + " (no hang, no crash) and move nothing",
            concat(AllocatorScenarios.exhaustion(), ProcessScenarios.exhaustion())),
        new Suite("cursor", "the search goes on from last_pid + 1: a freed pid does not come"
            + " back at once", AllocatorScenarios.cursor()),
        new Suite("held-numbers", "a number stays taken while a task, a zombie, a process group"
            + " or a session uses it", ProcessScenarios.heldNumbers()),
        new Suite("set-tid", "clone3's set_tid is honoured, with EEXIST when taken and EINVAL"
            + " out of range", ProcessScenarios.setTid()),
        new Suite("thread-ids", "threads take their ids from the same numbers as processes",
            ProcessScenarios.threadIds()),
        new Suite("ns-last-pid", "ns_last_pid reads the pid last handed out, takes [0, pid_max]"
            + " and moves the search", AllocatorScenarios.nsLastPid()),
        new Suite("pid-max", "pid_max takes [301, 4194304]; live pids above a lowered pid_max"
            + " stay taken", AllocatorScenarios.pidMax()),
        new Suite("first-pid", "a namespace's first task is 1 there, at every depth",
            concat(AllocatorScenarios.firstPid(), ProcessScenarios.firstPid())),
        new Suite("pid-namespaces", "pid_max and ns_last_pid are per namespace; a namespace"
            + " whose init exited takes no new task; setns moves only the children",
            ProcessScenarios.namespaces()));
  }

  /** The suites named, in catalog order; every suite when {@code ids} is empty. */
  public static List<Suite> select(List<String> ids) {
    List<Suite> all = all();
    if (ids == null || ids.isEmpty()) {
      return all;
    }
    for (String id : ids) {
      if (all.stream().noneMatch(s -> s.id().equals(id))) {
        throw new PidmapException("suite", id, "one of "
            + all.stream().map(Suite::id).collect(Collectors.joining(", ")));
      }
    }
    return all.stream().filter(s -> ids.contains(s.id())).toList();
  }

  private static List<SuiteScenario> concat(List<SuiteScenario> a, List<SuiteScenario> b) {
    List<SuiteScenario> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
