package pidmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pidmap.oracle.KernelLockstep;
import pidmap.oracle.KernelUnavailableException;
import pidmap.oracle.ScenarioKind;
import pidmap.spec.Geometry;
import pidmap.spec.Require;

/**
 * {@code pidmap kernel record}: runs one generated scenario on the kernel (checked in lockstep
 * against the linux-6 model and impl as it goes) and writes its trace, whose {@code expect}s are
 * the kernel's answers. Not thread-safe: picocli makes one instance per run.
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
        "Record a trace on the live kernel: one scenario in a fresh PID namespace, written as"
            + " JSON Lines whose expects are what the kernel answered.",
        "Exit status: 0 recorded, 1 the kernel diverged from linux-6 (the trace up to that step"
            + " is written, the report goes to stderr), 2 a bad argument, 3 the agent"
            + " failed, 4 this machine does not allow it."})
public final class KernelRecordCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--steps", defaultValue = "10000", description = "steps to record (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--seed", defaultValue = "1", description = "scenario seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--pid-max", description = "starting pid_max, 301..4194304 (default: the scenario kind's choice)")
  Integer pidMax;

  @Option(names = "--kind", defaultValue = "churn",
      description = "scenario: tiny-exhaustion, last-pid-edges, pid-max-lowered, page-boundary,"
          + " churn (default: ${DEFAULT-VALUE})")
  String kind;

  @Option(names = {"-o", "--out"}, description = "write the trace here instead of stdout")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (steps < 1) {
      err.println("steps: " + steps + " (expected: steps >= 1)");
      return spec.exitCodeOnInvalidInput();
    }
    ScenarioKind k;
    try {
      if (pidMax != null) {
        Require.pidMax(pidMax, Geometry.KERNEL);
      }
      k = ScenarioKind.byId(kind);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return spec.exitCodeOnInvalidInput();
    }
    KernelLockstep.Episode e;
    try {
      e = KernelLockstep.run(k, seed, pidMax, steps, true);
    } catch (KernelUnavailableException x) {
      err.println("kernel record: not possible on this machine: " + x.getMessage());
      return KernelCommand.UNAVAILABLE;
    } catch (IOException x) {
      err.println("kernel record: the agent failed: " + x.getMessage());
      return KernelCommand.AGENT_FAILED;
    }
    Iterable<String> lines = e.ok() ? e.trace() : e.divergence().trace();
    if (out != null) {
      Files.write(out, lines, StandardCharsets.UTF_8);
    } else {
      PrintWriter w = spec.commandLine().getOut();
      lines.forEach(w::println);
      w.flush();
    }
    if (!e.ok()) {
      err.println(e.divergence().report());
      return KernelCommand.DIVERGED;
    }
    err.printf("kernel record: %d steps of %s (seed %d, pid_max %d)%n", e.steps(), k, seed,
        e.pidMax());
    return KernelCommand.OK;
  }
}
