package pidmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pidmap.oracle.KernelCampaign;
import pidmap.oracle.KernelReport;
import pidmap.oracle.KernelUnavailableException;
import pidmap.oracle.NestedLockstep;
import pidmap.oracle.ScenarioKind;
import pidmap.spec.Geometry;
import pidmap.spec.Require;

/**
 * {@code pidmap kernel check}: lockstep on the live kernel across the scenario kinds; prints
 * steps, steps per second, the scenario mix and the divergences. Not thread-safe: picocli makes
 * one instance per run.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Run the kernel, the linux-6 model and the impl in lockstep on generated scenarios, each"
            + " in a fresh PID namespace; report steps, steps per second and divergences.",
        "Exit status: 0 no divergence, 1 a divergence (its report and replayable trace are"
            + " printed), 2 a bad argument, 3 the agent failed, 4 this machine does not allow"
            + " it."})
public final class KernelCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--steps", defaultValue = "100000", description = "lockstep steps (default: ${DEFAULT-VALUE})")
  long steps;

  @Option(names = "--seed", defaultValue = "1", description = "campaign seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--kind", split = ",",
      description = "scenario kinds to run in turn (default: all): tiny-exhaustion,"
          + " last-pid-edges, pid-max-lowered, page-boundary, churn")
  List<String> kinds;

  @Option(names = "--scenario-steps", defaultValue = "" + KernelCampaign.DEFAULT_EPISODE_STEPS,
      description = "steps per scenario, each in a fresh namespace (default: ${DEFAULT-VALUE})")
  int episodeSteps;

  @Option(names = "--pid-max", description = "starting pid_max of every scenario (default: each kind's choice)")
  Integer pidMax;

  @Option(names = "--nested", description = "instead: the linux-6 pid layer two levels deep"
      + " (a nested PID namespace), every fork's numbers against the kernel's NSpid line")
  boolean nested;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (steps < 1 || episodeSteps < 1) {
      err.println("steps: " + Math.min(steps, episodeSteps) + " (expected: steps >= 1)");
      return spec.exitCodeOnInvalidInput();
    }
    List<ScenarioKind> run = new ArrayList<>();
    try {
      if (pidMax != null) {
        Require.pidMax(pidMax, Geometry.KERNEL);
      }
      if (kinds == null || kinds.isEmpty()) {
        run.addAll(List.of(ScenarioKind.values()));
      } else {
        for (String k : kinds) {
          run.add(ScenarioKind.byId(k));
        }
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return spec.exitCodeOnInvalidInput();
    }
    try {
      return nested ? nested(out) : flat(out, run);
    } catch (KernelUnavailableException e) {
      err.println("kernel check: not possible on this machine: " + e.getMessage());
      return KernelCommand.UNAVAILABLE;
    } catch (IOException e) {
      err.println("kernel check: the agent failed: " + e.getMessage());
      return KernelCommand.AGENT_FAILED;
    } finally {
      out.flush();
    }
  }

  private int flat(PrintWriter out, List<ScenarioKind> run)
      throws KernelUnavailableException, IOException {
    KernelReport report = KernelCampaign.run(steps, seed, run, episodeSteps, pidMax);
    out.println(report.summary());
    out.println("exercised: " + report.eventSummary());
    if (report.firstDivergence() != null) {
      out.println(report.firstDivergence().report());
      return KernelCommand.DIVERGED;
    }
    return KernelCommand.OK;
  }

  private int nested(PrintWriter out) throws KernelUnavailableException, IOException {
    NestedLockstep.Campaign c = NestedLockstep.campaign(seed, steps);
    out.println(c.summary());
    if (c.firstDivergence() != null) {
      out.println(c.firstDivergence());
      return KernelCommand.DIVERGED;
    }
    return KernelCommand.OK;
  }
}
