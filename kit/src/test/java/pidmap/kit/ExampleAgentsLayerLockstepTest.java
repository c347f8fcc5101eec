package pidmap.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.agent.ReusingFactory;
import pidmap.kit.campaign.LayerLockstep;
import pidmap.kit.suite.Verdict;

/**
 * The example agents under the process-level layer lockstep ({@code conform --layer-steps}): the
 * faithful one keeps step with the model, zap included (a victim whose parent is outside the
 * namespace stays a zombie, the init waits in its zap); its broken twin {@code zap-reaps-all},
 * which every suite passes, is caught at the outside parent's wait.
 */
class ExampleAgentsLayerLockstepTest {

  private static LayerLockstep.Result run(String agent, long steps) throws AgentException {
    try (ReusingFactory agents = ProcessAgent.reusing(Agents.example(agent), 1000)) {
      return LayerLockstep.run(agents, steps, 1);
    }
  }

  @Test
  void theFaithfulAgentKeepsStepWithTheModelsLayer() throws AgentException {
    LayerLockstep.Result r = run("faithful", 3000);
    assertThat(r.verdict()).as(String.join("\n", r.report())).isEqualTo(Verdict.PASS);
    assertThat(r.steps()).isEqualTo(3000);
    assertThat(r.counts()).containsKeys("exit", "reap", "fork CLONE_NEWPID", "setns");
  }

  @Test
  void anAgentWhoseZapReapsEveryVictimIsCaughtAtTheOutsideParentsWait() throws AgentException {
    LayerLockstep.Result r = run("zap-reaps-all", 3000);
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.failure().request()).startsWith("reap ");
    assertThat(r.report()).anySatisfy(line -> assertThat(line).contains("errno ECHILD"));
  }
}
