package pidmap.kit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.kit.agent.Agent;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.AgentFactory;
import pidmap.kit.agent.Hello;
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.suite.Verdict;
import pidmap.oracle.KernelAgent;
import pidmap.oracle.KernelRequirement;
import pidmap.oracle.KernelUnavailableException;
import pidmap.trace.layer.LayerTraceFile;

/**
 * The broken twin of the process-level lockstep: the kernel agent with one rule broken,
 * {@code GetsidAnswersTheProcessGroup} (every getsid is answered as getpgid). The lockstep must
 * fail it, shrink the divergence (lookups name literal numbers, so a shrunk trace keeps the
 * forks that give them) that names the request, and give a layer
 * trace file that the trace reader takes. Skipped where the machine does not allow PID namespaces.
 */
class LayerLockstepCatchesABrokenAgentTest {

  /** The kernel agent, but getsid answered as getpgid. */
  private static AgentFactory getsidAnswersTheProcessGroup(String binary) {
    AgentFactory kernel = ProcessAgent.factory(binary, 5000);
    return () -> {
      Agent a = kernel.start();
      return new Agent() {
        @Override
        public Hello hello() {
          return a.hello();
        }

        @Override
        public String call(String request) throws AgentException {
          return a.call(request.startsWith("getsid ") ? "getpgid " + request.substring(7) : request);
        }

        @Override
        public void close() {
          a.close();
        }
      };
    };
  }

  @Test
  void theLockstepCatchesItShrinksItAndWritesALayerTrace() {
    String binary;
    try {
      binary = KernelAgent.binary().toString();
    } catch (KernelUnavailableException e) {
      KernelRequirement.skipOrFail(e);
      return;
    }
    LayerLockstep.Result r = LayerLockstep.run(getsidAnswersTheProcessGroup(binary), 2000, 1);
    if (r.verdict() == Verdict.NOT_TESTED || r.verdict() == Verdict.CRASH && r.steps() == 0) {
      KernelRequirement.skipOrFail(new KernelUnavailableException(String.valueOf(r.note())));
      return;
    }
    System.out.println(String.join("\n", r.report()));
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.failure().request()).startsWith("getsid ");
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("of this (\\d+)-step layer trace .*shrunk from (\\d+) steps").matcher(r.report().get(0));
    assertThat(m.find()).as(r.report().get(0)).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isLessThan(Integer.parseInt(m.group(2)));
    assertThat(r.traceFile()).hasSize(Integer.parseInt(m.group(1)) + 3); // config and boot lines
    assertThat(LayerTraceFile.parse(r.traceFile()).lines()).isNotEmpty();
  }
}
