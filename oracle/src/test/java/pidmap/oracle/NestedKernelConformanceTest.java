package pidmap.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.model.pid.ModelPidLayer;
import pidmap.spec.Checks;
import pidmap.spec.Geometry;
import pidmap.spec.Invariant;
import pidmap.spec.Profile;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * The pid layer's numbers at two levels against the running kernel ({@link NestedLockstep}):
 * level 0 small enough to run out (pid_max 301 to 400) and one roomy run, every fork's NSpid
 * numbers and every refusal compared. Skipped, with the reason, where the machine does not allow
 * PID namespaces or per-namespace pid_max; {@code PIDMAP_REQUIRE_KERNEL=1} makes that a failure.
 */
@Checks(Invariant.NS_1)
class NestedKernelConformanceTest {
  static final int STEPS = Integer.getInteger("pidmap.kernel.nested.steps", 10_000);

  @Test
  @Checks(Invariant.ZAP_1)
  void twoLevelNumbersAgreeWithTheKernelsNspid() throws IOException {
    NestedLockstep.Campaign c;
    try {
      c = NestedLockstep.campaign(31, STEPS);
    } catch (KernelUnavailableException ex) {
      KernelRequirement.skipOrFail(ex);
      return;
    }
    System.out.println(c.summary());
    assertThat(c.firstDivergence()).isNull();
    assertThat(c.runs()).isEqualTo(NestedLockstep.PID_MAXES.size());
    assertThat(c.steps()).isGreaterThanOrEqualTo(STEPS);
    assertThat(c.events()).containsKeys("fork at level 0", "fork at level 1", "exit at level 0",
        "exit at level 1", "set_pid_max below a live pid",
        "fork at level 1 refused (level 0 ran out, level 1's number given back)",
        "fork at level 0 refused (EAGAIN)");
  }

  @Test
  void aModelThatDisagreesWithTheKernelIsCaught() throws IOException {
    // layers that run the seed's rule (2.6.24) where the kernel runs today's
    Geometry k = Geometry.KERNEL;
    LayerConfig wrong = new LayerConfig(k, Profile.LINUX_2_6_24, LayerConfig.ONE_GIGABYTE_PAGES,
        List.of(305));
    NestedLockstep.Episode e;
    try {
      e = NestedLockstep.run(7, 305, wrong, STEPS);
    } catch (KernelUnavailableException ex) {
      KernelRequirement.skipOrFail(ex);
      return;
    }
    System.out.println("nested kernel, seed rule on purpose: caught at " + e.divergence());
    assertThat(e.divergence()).isNotNull().startsWith("step ").contains("the model answers ")
        .contains("but the kernel answers ");
    assertThat(e.steps()).isLessThan(STEPS);
  }

  @Test
  void theAgentNestsAnswersEachHoldersNumbersOuterFirstAndEndsTheNamespaceWithItsInit() throws IOException {
    try (KernelAgent agent = KernelAgent.start(30)) {
      String[] requests = {"nest", "alloc_at 1", "alloc_at 0", "alloc_at 1", "nest", "alloc_at 2",
          "free 3", "free 2", "check", "alloc_at 1", "nest"};
      for (String request : requests) {
        agent.send(request);
      }
      List<String> replies = new ArrayList<>();
      for (int i = 0; i < requests.length; i++) {
        replies.add(agent.receive());
      }
      assertThat(replies).containsExactly("pids 2/1", "pids 3/2", "pids 4", "pids 5/3",
          "error already nested", "error level 2 (expected: 0 or 1)", "ok",
          "ok killed 5", // the nested init's death took the rest of its namespace
          "ok count=2", "error setns to level 1 EINVAL", "pids 6/1");
    } catch (KernelUnavailableException ex) {
      KernelRequirement.skipOrFail(ex);
    }
  }

  /**
   * Today's alloc_pid, on failing at an outer level for a namespace that has no pid yet, sets
   * that namespace's cursor back to the start; the retry (a process that unshared and failed to
   * fork, forking again) gets 1. The linux-6 layer does the same; the seed's rule would give 2.
   */
  @Test
  void aNamespaceWhoseFirstPidFailedStartsOverInTheKernelAsInTheLinux6Layer() throws IOException {
    List<String> kernel = new ArrayList<>();
    try (KernelAgent agent = KernelAgent.start(30)) {
      agent.send("set_pid_max 305");
      for (int pid = 2; pid <= 304; pid++) {
        agent.send("alloc");
      }
      for (String r : new String[] {"nest", "free 302", "nest", "alloc_at 1", "free 303",
          "alloc_at 1"}) {
        agent.send(r);
      }
      for (int i = 0; i < 1 + 303; i++) {
        agent.receive();
      }
      for (int i = 0; i < 6; i++) {
        kernel.add(agent.receive());
      }
    } catch (KernelUnavailableException ex) {
      KernelRequirement.skipOrFail(ex);
      return;
    }
    assertThat(kernel).containsExactly("errno EAGAIN", "ok", "pids 302/1", "errno EAGAIN", "ok",
        "pids 303/3");
    assertThat(unshareThenFork(Profile.LINUX_6, new ModelPidLayer(
        NestedLockstep.config(305)))).isEqualTo(List.of("EAGAIN", "302/1", "EAGAIN", "303/3"));
    assertThat(unshareThenFork(Profile.LINUX_6, new ImplPidLayer(
        NestedLockstep.config(305)))).isEqualTo(List.of("EAGAIN", "302/1", "EAGAIN", "303/3"));
  }

  /** The same steps on a layer: one namespace kept (as unshare keeps it), forks into it. */
  private static List<String> unshareThenFork(Profile p, PidLayer l) {
    assertThat(l.config().profile()).isEqualTo(p);
    Map<Integer, Task> holders = new HashMap<>();
    for (int pid = 1; pid <= 304; pid++) {
      holders.put(pid, linked(l, l.allocPid(l.initPidNs())));
    }
    PidNs ns = l.copyPidNs(CloneFlags.CLONE_NEWPID, l.initPidNs());
    List<String> out = new ArrayList<>();
    out.add(numbers(l.allocPid(ns)));
    unlink(l, holders.get(302));
    out.add(numbers(l.allocPid(ns)));
    out.add(numbers(l.allocPid(ns)));
    unlink(l, holders.get(303));
    out.add(numbers(l.allocPid(ns)));
    return out;
  }

  private static Task linked(PidLayer l, Pid p) {
    Task t = l.newTask();
    l.attachPid(t, PidType.PID, p);
    return t;
  }

  private static void unlink(PidLayer l, Task t) {
    l.detachPid(t, PidType.PID);
  }

  private static String numbers(Pid p) {
    return p == null ? "EAGAIN" : p.numbers();
  }
}
