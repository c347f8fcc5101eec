package pidmap.kit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pidmap.kit.agent.AgentFactory;
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.suite.Verdict;
import pidmap.model.pid.ModelPidLayer;
import pidmap.oracle.KernelAgent;
import pidmap.oracle.KernelRequirement;
import pidmap.oracle.KernelUnavailableException;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.trace.layer.LayerTraceFile;

/**
 * A divergence from the kernel replays against the kernel: with a deliberately wrong model layer
 * ({@code ModelNsLastPidIsOffByOne}: the model's ns_last_pid write stores one more than written),
 * the process-level lockstep diverges, the shrunk layer trace it writes parses, and replaying the
 * file against the kernel agent on the same wrong model diverges again at the same request; on
 * the real model the same file replays with 0 divergences (the bug is the model's, not the
 * kernel's). Skipped where the machine does not allow PID namespaces.
 */
class KernelDivergenceReplaysTest {

  /** The model layer, but every ns_last_pid write below pid_max stores the value + 1. */
  static PidLayer modelNsLastPidIsOffByOne(LayerConfig c) {
    PidLayer model = new ModelPidLayer(c);
    return (PidLayer) Proxy.newProxyInstance(PidLayer.class.getClassLoader(),
        new Class<?>[] {PidLayer.class}, (proxy, m, args) -> {
          if (m.getName().equals("setLastPid")) {
            PidNs ns = (PidNs) args[0];
            int v = (Integer) args[1];
            args = new Object[] {ns, v >= 0 && v < ns.pidmap().pidMax() ? v + 1 : v};
          }
          try {
            return m.invoke(model, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void theShrunkTraceOfAWrongModelReplaysAgainstTheKernelAndDivergesAgain(@TempDir Path dir)
      throws Exception {
    AgentFactory kernel;
    try {
      kernel = ProcessAgent.factory(KernelAgent.binary().toString(), 5000);
    } catch (KernelUnavailableException e) {
      KernelRequirement.skipOrFail(e);
      return;
    }
    LayerLockstep.Layers wrong = KernelDivergenceReplaysTest::modelNsLastPidIsOffByOne;
    LayerLockstep.Result r = LayerLockstep.run(kernel, 3000, 1, wrong);
    if (r.verdict() == Verdict.NOT_TESTED || r.verdict() == Verdict.CRASH && r.steps() == 0) {
      KernelRequirement.skipOrFail(new KernelUnavailableException(String.valueOf(r.note())));
      return;
    }
    System.out.println(String.join("\n", r.report()));
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    Path file = Files.writeString(dir.resolve("diverged.jsonl"),
        String.join("\n", r.traceFile()) + "\n");

    LayerTraceFile.Trace trace = LayerTraceFile.parse(Files.readAllLines(file));
    LayerLockstep.Result again = LayerTraceOnAgent.replay(kernel, trace, wrong);
    System.out.println(String.join("\n", again.report()));
    assertThat(again.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(again.failure().request()).isEqualTo(r.failure().request());
    assertThat(again.failure().got()).isEqualTo(r.failure().got());

    LayerLockstep.Result real = LayerTraceOnAgent.replay(kernel, trace, null);
    assertThat(real.verdict()).as(String.join("\n", real.report())).isEqualTo(Verdict.PASS);
    assertThat(real.steps()).isPositive();
  }
}
