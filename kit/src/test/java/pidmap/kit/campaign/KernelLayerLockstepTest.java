package pidmap.kit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.suite.Verdict;
import pidmap.oracle.KernelAgent;
import pidmap.oracle.KernelRequirement;
import pidmap.oracle.KernelUnavailableException;

/**
 * The running kernel judges the model's linux-6 pid layer through the process level: a few
 * thousand generated layer steps (the default test run's share; `./pidmap kernel check --layer`
 * runs the big figure) with 0 divergences, every operation of the lockstep sent at least once.
 * Skipped where the machine does not allow PID namespaces (a failure under
 * PIDMAP_REQUIRE_KERNEL=1).
 */
class KernelLayerLockstepTest {
  static final long STEPS = Long.getLong("pidmap.layerLockstep.steps", 3000);

  @Test
  void theKernelAgentAgreesWithTheModelsLayerOnEveryGeneratedStep() {
    String binary;
    try {
      binary = KernelAgent.binary().toString();
    } catch (KernelUnavailableException e) {
      KernelRequirement.skipOrFail(e);
      return;
    }
    LayerLockstep.Result r = LayerLockstep.run(ProcessAgent.factory(binary, 5000), STEPS,
        Long.getLong("pidmap.layerLockstep.seed", 1));
    if (r.verdict() == Verdict.NOT_TESTED || r.verdict() == Verdict.CRASH && r.steps() == 0) {
      KernelRequirement.skipOrFail(new KernelUnavailableException(String.valueOf(r.note())));
      return;
    }
    System.out.println(r.counts() + " " + r.steps() + " steps, " + r.millis() + " ms");
    assertThat(r.verdict()).as(String.join("\n", r.report())).isEqualTo(Verdict.PASS);
    assertThat(r.steps()).isEqualTo(STEPS);
    assertThat(r.counts().keySet()).contains("fork", "fork CLONE_NEWPID", "fork CLONE_THREAD",
        "fork set_tid", "exit", "reap", "setsid", "setpgid", "unshare", "setns",
        "setns children", "set_pid_max", "set_last", "setpgid invisible group", "fork outer level ran out", "kill", "getpgid",
        "getsid");
  }
}
