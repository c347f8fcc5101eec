package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;

/**
 * The pid layer's stateful property: for each seed, a generated trace runs on the model and the
 * impl in lockstep; every answer, the whole observable state and every invariant of
 * {@code LayerInvariants} are checked after every step, and a failure is shrunk and printed with
 * its seed. Prints what it covered and how many operations it checked per second (no timing is
 * asserted).
 *
 * <p>Defaults keep the default build fast; a longer campaign: {@code mvn -B -pl engine -am
 * test -Dtest=PidLayerPropertiesTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dpidmap.layer.traces=5000 -Dpidmap.layer.length=600 -Dpidmap.layer.seed=1}.
 */
class PidLayerPropertiesTest {

  static final int TRACES = Integer.getInteger("pidmap.layer.traces", 40);
  static final int LENGTH = Integer.getInteger("pidmap.layer.length", 300);
  static final long SEED = Long.getLong("pidmap.layer.seed", 0x9e37L);

  @Test
  @Checks({Invariant.PID_1, Invariant.PID_2, Invariant.PID_3, Invariant.NS_1, Invariant.NS_2,
      Invariant.NS_3, Invariant.REF_1, Invariant.REF_2, Invariant.LINK_1, Invariant.HASH_1,
      Invariant.HASH_2, Invariant.CACHE_1, Invariant.ZAP_1, Invariant.INIT_1, Invariant.LOOKUP_1,
      Invariant.INPUT_2, Invariant.TASK_1, Invariant.LEAK_1})
  void generatedTracesConform() {
    long steps = 0;
    int maxNamespaces = 0;
    int maxLive = 0;
    int maxLevel = 0;
    int longest = 0;
    Map<String, Integer> coverage = new TreeMap<>();
    Map<String, Map<String, Integer>> opsByProfile = new TreeMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < TRACES; i++) {
      LayerTraceGenerator.Trace trace = LayerTraceGenerator.generate(SEED + i, LENGTH);
      LayerEngine.Result[] result = new LayerEngine.Result[1];
      LayerCheck.Counterexample c = LayerCheck.check(trace, ImplPidLayer::new, result);
      if (c != null) {
        fail(c.report());
      }
      LayerEngine.Result r = result[0];
      steps += r.steps();
      longest = Math.max(longest, r.steps());
      maxNamespaces = Math.max(maxNamespaces, r.namespaces());
      maxLive = Math.max(maxLive, r.maxLiveNamespaces());
      maxLevel = Math.max(maxLevel, r.maxLevel());
      r.coverage().forEach((k, v) -> coverage.merge(k, v, Integer::sum));
      Map<String, Integer> ops = opsByProfile.computeIfAbsent(trace.config().profile().id(),
          k -> new TreeMap<>());
      r.coverage().forEach((k, v) -> {
        if (k.contains(" -> ")) {
          ops.merge(k.substring(0, k.indexOf(" -> ")), v, Integer::sum);
        }
      });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("pid layer property: %d traces (seeds %d..%d), %d steps checked in %.1f s"
            + " = %.0f steps/s; longest run %d steps; largest tree %d namespaces live at once;"
            + " most namespaces created in one run %d; deepest level %d%n", TRACES, SEED,
        SEED + TRACES - 1, steps, seconds, steps / seconds, longest, maxLive, maxNamespaces,
        maxLevel);
    opsByProfile.forEach((profile, ops) -> System.out.printf("  %s steps by operation: %s%n",
        profile, ops));
    if (Boolean.getBoolean("pidmap.layer.coverage")) {
      coverage.forEach((k, v) -> System.out.printf("  %-70s %d%n", k, v));
    }

    // The generator must reach what the issue names, or a passing run proves little.
    assertThat(maxLevel).as("deepest namespace level: MAX_PID_NS_LEVEL, by the nesting chains")
        .isEqualTo(32);
    for (String profile : List.of("linux-2.6.24", "linux-6")) {
      assertThat(opsByProfile.get(profile)).as(profile).containsKeys(
          "fork", "exit", "reap", "exec", "setsid", "setpgid", "unshare", "setns", "zap",
          "set_pid_max", "set_last_pid");
    }
    assertThat(coverage).containsKeys(
        "fork -> found", "fork -> ENOMEM", "fork -> refused",
        "fork: no number at an outer level after the inner level had one",
        "fork -> EAGAIN", "fork -> EEXIST", "fork -> EINVAL", "fork -> ENOSPC", "fork -> ENOSYS",
        "fork: set_tid EEXIST", "fork: set_tid EINVAL", "fork: set_tid at 2 level(s)",
        "fork: into a namespace whose init has exited",
        "fork: the first child after unshare or setns becomes the init",
        "exit: a leader becomes a zombie", "reap -> ok", "reap -> 0", "setns -> ok",
        "setns -> EINVAL", "setns -> ENOSYS", "setns: into a namespace whose init has exited",
        "unshare -> EINVAL", "set_last_pid -> ok", "set_last_pid -> refused",
        "set_last_pid -> ENOENT",
        "exit -> ok", "exit: container init zaps its namespace's tasks",
        "exec: a thread takes over its leader's pid", "setsid -> ok", "setsid -> EPERM",
        "setpgid -> ok", "unshare -> found", "unshare -> refused", "zap -> killed some",
        "zap -> refused", "put_pid -> ok", "put_pid -> refused", "put_task -> refused",
        "put_pid_ns -> refused", "grace -> ran some", "get_task_pid -> found",
        "get_pid_task -> found", "find_get_pid -> found", "find_pid_ns -> found",
        "find_pid_ns -> null", "find_pid_ns -> refused", "find_task_by_pid_type_ns -> found",
        "find_task_by_pid -> found", "find_task_by_vpid -> found", "find_task_by_vpid -> null",
        "find_task_by_pid_ns -> found", "pid_task -> found", "pid_nr_ns -> a number",
        "pid_nr_ns -> 0", "pid_nr_ns -> refused", "find_ge_pid -> found", "find_ge_pid -> null",
        "is_container_init -> true", "attach_pid -> refused", "detach_pid -> refused",
        "transfer_pid -> refused", "free_pid -> refused", "check_leaks -> checked");
  }
}
