package pidmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.campaign.LayerLockstep;
import pidmap.kit.suite.Verdict;
import pidmap.oracle.KernelAgent;
import pidmap.oracle.KernelUnavailableException;
import pidmap.trace.CannotWriteException;
import pidmap.trace.OutputDir;

/**
 * {@code pidmap kernel check --layer}: the process-level lockstep of the linux-6 pid layer
 * against the kernel agent; prints steps, steps per second and the count of each operation, and
 * at a divergence the shrunk layer trace, its file under {@code --out} and the command that
 * replays it. Stateless.
 */
final class KernelLayerCheck {
  /** The bound on each kernel reply (an init's exit waits for its namespace to settle). */
  static final long TIMEOUT_MS = 5000;

  private KernelLayerCheck() {}

  static int run(PrintWriter out, PrintWriter err, long steps, long seed, OutputDir dir)
      throws KernelUnavailableException {
    String binary = KernelAgent.binary().toString();
    err.println("kernel check --layer: " + steps + " process-level steps from seed " + seed
        + ", episodes of up to " + LayerLockstep.EPISODE + " steps, each in a fresh PID namespace");
    err.flush();
    LayerLockstep.Result r = LayerLockstep.run(ProcessAgent.factory(binary, TIMEOUT_MS), steps,
        seed);
    if (r.verdict() == Verdict.NOT_TESTED || (r.steps() == 0 && r.verdict() != Verdict.PASS)) {
      err.println("kernel check: not possible on this machine: " + r.note());
      return KernelCommand.UNAVAILABLE;
    }
    out.println(String.format(Locale.ROOT, "%s: %d steps in %d episodes, %.1f s, %.0f steps/s",
        r.verdict() == Verdict.PASS ? "0 divergences" : r.verdict().label(), r.steps(),
        r.episodes(), r.millis() / 1000.0, r.stepsPerSecond()));
    out.println("steps per operation (-> errno: how many of them the model expected to fail so):");
    for (Map.Entry<String, Long> e : r.counts().entrySet()) {
      out.println(String.format(Locale.ROOT, "  %-52s %8d", e.getKey(), e.getValue()));
    }
    if (r.verdict() == Verdict.PASS) {
      return KernelCommand.OK;
    }
    r.report().forEach(out::println);
    try {
      Path file = dir.write("kernel-layer-seed" + seed, String.join("\n", r.traceFile()) + "\n");
      out.println("shrunk layer trace: " + file);
      out.println("replay (model and impl): ./pidmap replay " + file);
      out.println("replay (kernel): ./pidmap kernel replay --layer " + file);
      out.println("again (kernel): ./pidmap kernel check --layer --steps " + steps + " --seed "
          + seed);
    } catch (CannotWriteException e) {
      out.println("not written: " + e.getMessage());
    }
    return r.verdict() == Verdict.FAIL ? KernelCommand.DIVERGED : KernelCommand.AGENT_FAILED;
  }
}
