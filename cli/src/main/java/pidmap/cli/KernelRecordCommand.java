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
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.campaign.LayerLockstep;
import pidmap.kit.suite.Verdict;
import pidmap.oracle.KernelAgent;
import picocli.CommandLine.Spec;
import pidmap.oracle.KernelLockstep;
import pidmap.oracle.KernelUnavailableException;
import pidmap.oracle.ScenarioKind;
import pidmap.spec.Geometry;
import pidmap.spec.Require;
import pidmap.trace.OutputDir;
import pidmap.verify.KernelDivergenceFiles;

/**
 * {@code pidmap kernel record}: runs one generated scenario on the kernel (checked in lockstep
 * against the linux-6 model and impl as it goes) and writes its trace, whose {@code expect}s are
 * the kernel's answers. Not thread-safe: picocli makes one instance per run.
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Records a trace on the running kernel (expects = the kernel's answers).",
    description = {
        "Records a trace on the live kernel: one scenario in a fresh PID namespace, written as"
            + " JSON Lines whose expects are what the kernel answered. The linux-6 model and impl"
            + " run in lockstep; at a divergence the trace up to that step is written and the"
            + " report goes to standard error."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:recorded",
        "1:the kernel diverged from linux-6 (the trace up to that step is written)",
        "2:bad flags, or an --out that cannot be written",
        "3:the agent failed",
        "4:this machine does not allow it (the reason is printed)"})
public final class KernelRecordCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "10000",
      description = "steps to record (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "scenario seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--pid-max", paramLabel = "N",
      description = "starting pid_max, 301..4194304 (default: the scenario kind's choice)")
  Integer pidMax;

  @Option(names = "--kind", paramLabel = "K", defaultValue = "churn",
      description = "scenario: tiny-exhaustion, last-pid-edges, pid-max-lowered, page-boundary,"
          + " churn (default: ${DEFAULT-VALUE})")
  String kind;

  @Option(names = "--layer", description = "instead: a linux-6 pid layer trace, recorded through"
      + " the kernel agent's process level (every expect confirmed by the kernel's reply);"
      + " takes --steps, --seed and --out only")
  boolean layer;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "write the trace to this file instead of standard output")
  Path out;

  /** Why {@code file} cannot take the trace, as the bound a user reads, or null when it can. */
  static String unwritable(Path file) {
    if (Files.isDirectory(file)) {
      return "a file to write the trace to; it is a directory";
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      return "a file in an existing directory; " + parent + " is not one";
    }
    if (Files.exists(file) ? !Files.isWritable(file) : parent != null && !Files.isWritable(parent)) {
      return "a file this user may write; permission denied";
    }
    return null;
  }

  private int recordLayer(PrintWriter err) throws KernelUnavailableException {
    String binary = KernelAgent.binary().toString();
    LayerLockstep.Result r = pidmap.kit.campaign.LayerTraceOnAgent.record(
        ProcessAgent.factory(binary, KernelLayerCheck.TIMEOUT_MS), steps, seed);
    if (r.verdict() == Verdict.NOT_TESTED || (r.steps() == 0 && r.traceFile().isEmpty())) {
      err.println("kernel record: not possible on this machine: " + r.note());
      return KernelCommand.UNAVAILABLE;
    }
    if (out != null) {
      try {
        Files.write(out, r.traceFile(), StandardCharsets.UTF_8);
      } catch (IOException x) {
        err.println("kernel record: cannot write " + out + ": " + OutputDir.reason(x)
            + "; the trace follows on standard output instead");
        out = null;
      }
    }
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      r.traceFile().forEach(w::println);
      w.flush();
    }
    if (r.verdict() != Verdict.PASS) {
      r.report().forEach(err::println);
      err.println("the trace up to that step is written; again: ./pidmap kernel check --layer"
          + " --steps " + steps + " --seed " + seed);
      return r.verdict() == Verdict.FAIL ? KernelCommand.DIVERGED : KernelCommand.AGENT_FAILED;
    }
    err.printf("kernel record: %s of the linux-6 pid layer (seed %d)%s; replay: ./pidmap replay"
        + " %s%n", Reports.count(r.steps(), "step"), seed, out == null ? "" : ", written to " + out,
        out == null ? "FILE" : out);
    return KernelCommand.OK;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (steps < 1) {
      err.println("--steps: " + steps + " (expected: --steps >= 1)");
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
    if (out != null) {
      String problem = unwritable(out);
      if (problem != null) {
        err.println("--out: " + out + " (expected: " + problem + ")");
        return spec.exitCodeOnInvalidInput();
      }
    }
    if (layer) {
      for (String flag : new String[] {"--kind", "--pid-max"}) {
        if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
          err.println(flag + ": does not apply to --layer (expected: --steps, --seed and --out"
              + " only)");
          return spec.exitCodeOnInvalidInput();
        }
      }
      try {
        return recordLayer(err);
      } catch (KernelUnavailableException x) {
        err.println("kernel record: not possible on this machine: " + x.getMessage());
        return KernelCommand.UNAVAILABLE;
      }
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
      try {
        Files.write(out, lines, StandardCharsets.UTF_8);
      } catch (IOException x) {
        err.println("kernel record: cannot write " + out + ": " + OutputDir.reason(x)
            + "; the trace follows on standard output instead");
        out = null;
      }
    }
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      lines.forEach(w::println);
      w.flush();
    }
    if (!e.ok()) {
      err.print(KernelDivergenceFiles.file(e.divergence(), new OutputDir(OutputDir.DEFAULT))
          .report());
      err.flush();
      return KernelCommand.DIVERGED;
    }
    err.printf("kernel record: %s of %s (seed %d, pid_max %d)%s%n",
        Reports.count(e.steps(), "step"), k, seed, e.pidMax(),
        out == null ? "" : ", written to " + out);
    return KernelCommand.OK;
  }
}
