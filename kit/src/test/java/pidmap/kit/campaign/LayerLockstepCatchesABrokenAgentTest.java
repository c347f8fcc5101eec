package pidmap.kit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
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
 * The broken twins of the process-level lockstep: the kernel agent with one rule broken,
 * {@code GetsidAnswersTheProcessGroup} (every getsid is answered as getpgid), and
 * {@code NsLastPidWriteLandsInTheRoot} (every ns_last_pid write made from the root's init). The lockstep must
 * fail it, shrink the divergence (lookups name literal numbers, so a shrunk trace keeps the
 * forks that give them) that names the request, and give a layer
 * trace file that the trace reader takes. Skipped where the machine does not allow PID namespaces.
 */
class LayerLockstepCatchesABrokenAgentTest {

  /** The kernel agent, with each request rewritten by {@code broken} before it is sent. */
  private static AgentFactory rewriting(String binary,
      java.util.function.UnaryOperator<String> broken) {
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
          return a.call(broken.apply(request));
        }

        @Override
        public void close() {
          a.close();
        }
      };
    };
  }

  /** The kernel agent, but getsid answered as getpgid. */
  private static AgentFactory getsidAnswersTheProcessGroup(String binary) {
    return rewriting(binary, r -> r.startsWith("getsid ") ? "getpgid " + r.substring(7) : r);
  }

  /**
   * The kernel agent, but every ns_last_pid write made by t1, the agent's root namespace's init:
   * a write from inside a child namespace lands in the root one.
   */
  private static AgentFactory nsLastPidWriteLandsInTheRoot(String binary) {
    return rewriting(binary, r -> r.startsWith("set_last ") ? r.replaceAll("in=t\\d+$", "in=t1") : r);
  }

  /**
   * The lockstep of {@code steps} steps (seed 1) on the broken kernel agent {@code twin} makes of
   * the agent binary; null when this machine cannot run it (skipped, or failed on CI).
   */
  private static LayerLockstep.Result onTheKernel(Function<String, AgentFactory> twin, long steps) {
    String binary;
    try {
      binary = KernelAgent.binary().toString();
    } catch (KernelUnavailableException e) {
      KernelRequirement.skipOrFail(e);
      return null;
    }
    LayerLockstep.Result r = LayerLockstep.run(twin.apply(binary), steps, 1);
    if (r.verdict() == Verdict.NOT_TESTED || r.verdict() == Verdict.CRASH && r.steps() == 0) {
      KernelRequirement.skipOrFail(new KernelUnavailableException(String.valueOf(r.note())));
      return null;
    }
    return r;
  }

  @Test
  void aWriteOfNsLastPidThatLandsInTheRootIsCaughtAndShrunkToATraceThatWritesIt() {
    LayerLockstep.Result r =
        onTheKernel(LayerLockstepCatchesABrokenAgentTest::nsLastPidWriteLandsInTheRoot, 3000);
    if (r == null) {
      return;
    }
    System.out.println(String.join("\n", r.report()));
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.traceFile()).anyMatch(l -> l.contains("\"op\":\"set_last_pid\""));
    assertThat(r.report()).anyMatch(l -> l.contains("set_last ") && !l.contains("in=t1 "));
  }

  @Test
  void theLockstepCatchesItShrinksItAndWritesALayerTrace() {
    LayerLockstep.Result r =
        onTheKernel(LayerLockstepCatchesABrokenAgentTest::getsidAnswersTheProcessGroup, 6000);
    if (r == null) {
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
