package pidmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.campaign.LayerLockstep;
import pidmap.kit.campaign.LayerTraceOnAgent;
import pidmap.kit.suite.Verdict;
import pidmap.oracle.KernelAgent;
import pidmap.oracle.KernelUnavailableException;
import pidmap.spec.Profile;
import pidmap.trace.TraceFormatException;
import pidmap.trace.layer.LayerTraceFile;

/**
 * {@code pidmap kernel replay --layer FILE}: a linux-6 pid layer trace (a divergence's shrunk
 * file of {@code kernel check --layer}, or any layer trace) replayed against the running kernel
 * through the agent's process level, every reply compared with the model's; prints the requests,
 * the model's replies and the kernel's. Not thread-safe: picocli makes one instance per run.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Replays a linux-6 pid layer trace against the running kernel.",
    description = {
        "Runs a layer trace (its config, then its operations after the boot lines) on the"
            + " linux-6 model and sends each step with a kernel counterpart to the kernel agent"
            + " in a fresh PID namespace, as kernel check --layer does; the kernel's replies must"
            + " equal the model's. The lines' expects are not read (./pidmap replay checks them)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the kernel agreed with the model on every request",
        "1:a divergence (the transcript up to it is printed)",
        "2:bad flags, or a FILE that is not a linux-6 layer trace",
        "3:the agent failed",
        "4:this machine does not allow it (the reason is printed)"})
public final class KernelReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--layer", description = "FILE is a pid layer trace (required: only layer"
      + " traces replay against the kernel; an allocator trace's expects are already the"
      + " kernel's answers, ./pidmap replay FILE checks them)")
  boolean layer;

  @Parameters(index = "0", paramLabel = "FILE", description = "the layer trace file")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!layer) {
      err.println("--layer: missing (expected: --layer; only pid layer traces replay against the"
          + " kernel, an allocator trace with ./pidmap replay FILE)");
      return spec.exitCodeOnInvalidInput();
    }
    LayerTraceFile.Trace trace;
    try {
      trace = LayerTraceFile.parse(Files.readAllLines(file));
    } catch (IOException e) {
      err.println("FILE: " + file + " (expected: a readable layer trace file; "
          + pidmap.trace.OutputDir.reason(e) + ")");
      return spec.exitCodeOnInvalidInput();
    } catch (TraceFormatException e) {
      err.println(file + ": " + e.getMessage());
      return spec.exitCodeOnInvalidInput();
    }
    if (trace.config().profile() != Profile.LINUX_6) {
      err.println("FILE: " + file + " has profile " + trace.config().profile().id()
          + " (expected: linux-6, the profile the running kernel judges)");
      return spec.exitCodeOnInvalidInput();
    }
    for (LayerTraceFile.Line l : trace.lines()) {
      if (!pidmap.engine.layer.ProcessLevel.KINDS.contains(l.op().kind())) {
        err.println(file + ": line " + l.line() + ": " + l.op().kind().wire()
            + " (expected: an operation with a kernel counterpart: fork, exit, reap, setsid,"
            + " setpgid, unshare, setns, set_pid_max, set_last_pid, find_task_by_vpid)");
        return spec.exitCodeOnInvalidInput();
      }
    }
    LayerLockstep.Result r;
    try {
      r = LayerTraceOnAgent.replay(ProcessAgent.factory(KernelAgent.binary().toString(),
          KernelLayerCheck.TIMEOUT_MS), trace, null);
    } catch (KernelUnavailableException e) {
      err.println("kernel replay: not possible on this machine: " + e.getMessage());
      return KernelCommand.UNAVAILABLE;
    }
    if (r.verdict() == Verdict.NOT_TESTED || (r.failure() != null && r.failure().step() == 0)) {
      err.println("kernel replay: not possible on this machine: " + r.note());
      return KernelCommand.UNAVAILABLE;
    }
    List<String> report = r.report();
    report.forEach(out::println);
    out.flush();
    if (r.verdict() == Verdict.PASS) {
      return KernelCommand.OK;
    }
    return r.verdict() == Verdict.FAIL ? KernelCommand.DIVERGED : KernelCommand.AGENT_FAILED;
  }
}
