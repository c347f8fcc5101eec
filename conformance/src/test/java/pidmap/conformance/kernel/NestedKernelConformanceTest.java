package pidmap.conformance.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.pid.LayerConfig;

/**
 * The pid layer's numbers at two levels against the running kernel ({@link NestedLockstep}):
 * level 0 small enough to run out (pid_max 301 to 400) and one roomy run, every fork's NSpid
 * numbers and every refusal compared. Skipped, with the reason, where the machine does not allow
 * PID namespaces or per-namespace pid_max; {@code PIDMAP_REQUIRE_KERNEL=1} makes that a failure.
 */
class NestedKernelConformanceTest {
  static final int STEPS = Integer.getInteger("pidmap.kernel.nested.steps", 10_000);

  @Test
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
        List.of(305, k.pidMaxLimit()));
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
  void theAgentNestsOnceAndAnswersEachHoldersNumbersOuterFirst() throws IOException {
    try (KernelAgent agent = KernelAgent.start(30)) {
      for (String request : new String[] {"nest", "alloc_at 1", "alloc_at 0", "alloc_at 1",
          "nest", "free 2", "alloc_at 2", "free 3", "check"}) {
        agent.send(request);
      }
      assertThat(List.of(agent.receive(), agent.receive(), agent.receive(), agent.receive(),
          agent.receive(), agent.receive(), agent.receive(), agent.receive(), agent.receive()))
          .containsExactly("pids 2/1", "pids 3/2", "pids 4", "pids 5/3",
              "error already nested", "error 2 is the nested namespace's init",
              "error level 2 (expected: 0 or 1)", "ok", "ok count=4");
    } catch (KernelUnavailableException ex) {
      KernelRequirement.skipOrFail(ex);
    }
  }
}
