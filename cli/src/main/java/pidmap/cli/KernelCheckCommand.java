package pidmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pidmap.oracle.KernelCampaign;
import pidmap.oracle.KernelReport;
import pidmap.oracle.KernelUnavailableException;
import pidmap.oracle.NestedLockstep;
import pidmap.oracle.ScenarioKind;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Require;
import pidmap.verify.KernelDivergenceFiles;

/**
 * {@code pidmap kernel check}: lockstep on the live kernel across the scenario kinds (or, with
 * {@code --nested}, the pid layer two levels deep); says first what will run, then prints steps,
 * steps per second, the scenario mix and the divergences. A divergence's trace is written under
 * {@code --out}, shrunk, and given with the commands that replay it and record it again. Not
 * thread-safe: picocli makes one instance per run.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Runs the linux-6 model and impl in lockstep with the running kernel.",
    description = {
        "Runs the kernel, the linux-6 model and the impl in lockstep on generated scenarios, each"
            + " in a fresh PID namespace, the kinds in turn; reports steps, steps per second and"
            + " divergences. --nested instead runs the linux-6 pid layer in a nested namespace,"
            + " every fork's numbers against the kernel's NSpid line, in runs whose level 0"
            + " starts at pid_max 301, 305, 320, 400 and 5000 in turn.",
        "What will run is said on standard error first. A divergence's trace is written under"
            + " --out (default target/pidmap), shrunk, and printed with the commands that replay"
            + " it and record the scenario again."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no divergence",
        "1:a divergence (its report, files and commands are printed)",
        "2:bad flags",
        "3:the agent failed",
        "4:this machine does not allow it (the reason is printed)"})
public final class KernelCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "100000",
      description = "lockstep steps in all (default: ${DEFAULT-VALUE})")
  long steps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "campaign seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--kind", paramLabel = "K", split = ",",
      description = "scenario kinds to run in turn (default: all): tiny-exhaustion,"
          + " last-pid-edges, pid-max-lowered, page-boundary, churn")
  List<String> kinds;

  @Option(names = "--scenario-steps", paramLabel = "N",
      description = "steps per scenario, each in a fresh namespace (default: "
          + KernelCampaign.DEFAULT_EPISODE_STEPS + ")")
  Integer episodeSteps;

  @Option(names = "--pid-max", paramLabel = "N",
      description = "starting pid_max of every scenario, 301..4194304 (default: each kind's"
          + " choice)")
  Integer pidMax;

  @Option(names = "--nested", description = "instead: the linux-6 pid layer two levels deep"
      + " (a nested PID namespace), every fork's numbers against the kernel's NSpid line;"
      + " takes --steps and --seed only")
  boolean nested;

  @Option(names = "--layer", description = "instead: the linux-6 pid layer through the agent"
      + " protocol's process level (fork, exit, reap, setsid, setpgid, unshare, setns, set_pid_max"
      + " in=T, kill/getpgid/getsid), namespaces nested 5 deep and to the nesting limit; prints"
      + " the count of each operation; takes --steps and --seed only")
  boolean layer;

  @Mixin ReportOptions report = new ReportOptions();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (steps < 1) {
      return refuse(err, "--steps: " + steps + " (expected: --steps >= 1)");
    }
    if (layer && !report.text()) {
      return refuse(err, "--format: " + report.format.id() + " does not apply to --layer"
          + " (expected: text)");
    }
    if (layer) {
      for (String flag : new String[] {"--kind", "--scenario-steps", "--pid-max", "--nested"}) {
        if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
          return refuse(err, flag + ": does not apply to --layer (expected: --steps and --seed"
              + " only)");
        }
      }
    }
    if (nested) {
      for (String flag : new String[] {"--kind", "--scenario-steps", "--pid-max"}) {
        if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
          return refuse(err, flag + ": does not apply to --nested (expected: --steps and --seed"
              + " only; the nested runs start level 0 at pid_max "
              + NestedLockstep.PID_MAXES + " in turn)");
        }
      }
    }
    int perScenario = episodeSteps == null ? KernelCampaign.DEFAULT_EPISODE_STEPS : episodeSteps;
    if (perScenario < 1) {
      return refuse(err, "--scenario-steps: " + perScenario
          + " (expected: --scenario-steps >= 1)");
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
    } catch (PidmapException e) {
      return refuse(err, e.getMessage());
    }
    try {
      if (layer) {
        return KernelLayerCheck.run(out, err, steps, seed, report.outputDir());
      }
      return nested ? nested(out, err) : flat(out, err, run, perScenario);
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

  private int refuse(PrintWriter err, String message) {
    err.println(message);
    return spec.exitCodeOnInvalidInput();
  }

  private int flat(PrintWriter out, PrintWriter err, List<ScenarioKind> run, int perScenario)
      throws KernelUnavailableException, IOException {
    err.println(KernelPlan.flat(steps, seed, run, perScenario, pidMax));
    err.flush();
    KernelReport r = KernelCampaign.run(steps, seed, run, perScenario, pidMax);
    KernelDivergenceFiles.Filed filed = r.firstDivergence() == null ? null
        : KernelDivergenceFiles.file(r.firstDivergence(), report.outputDir());
    new KernelCheckOutput(out, report.format).flat(r, filed, seed);
    return filed == null ? KernelCommand.OK : KernelCommand.DIVERGED;
  }

  private int nested(PrintWriter out, PrintWriter err)
      throws KernelUnavailableException, IOException {
    List<Long> split = KernelPlan.split(steps, NestedLockstep.PID_MAXES.size());
    err.println(KernelPlan.nested(steps, seed, split));
    err.flush();
    List<NestedLockstep.Episode> runs = new ArrayList<>();
    for (int i = 0; i < split.size(); i++) {
      long t0 = System.nanoTime();
      NestedLockstep.Episode e =
          NestedLockstep.run(seed + i, NestedLockstep.PID_MAXES.get(i), (int) (long) split.get(i));
      runs.add(e);
      err.println(String.format(java.util.Locale.ROOT,
          "  run %d/%d (level 0 pid_max %d, seed %d): %d steps in %.1f s%s", i + 1, split.size(),
          NestedLockstep.PID_MAXES.get(i), seed + i, e.steps(), (System.nanoTime() - t0) / 1e9,
          e.ok() ? "" : ", DIVERGED"));
      err.flush();
      if (!e.ok()) {
        break;
      }
    }
    return new KernelCheckOutput(out, report.format).nested(runs, seed, report.outputDir())
        ? KernelCommand.OK : KernelCommand.DIVERGED;
  }
}
