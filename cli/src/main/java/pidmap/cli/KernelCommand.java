package pidmap.cli;

import picocli.CommandLine.Command;

/**
 * {@code pidmap kernel}: the live-kernel oracle on the command line. Register this class as a
 * subcommand of the top-level command; it brings {@code record}, {@code check} and
 * {@code replay}. Stateless.
 */
@Command(
    name = "kernel",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "The live-kernel oracle: record a trace, or check in lockstep (linux-6).",
    description = {
        "Runs the linux-6 profile against the running kernel: a C agent becomes pid 1 of a fresh"
            + " PID namespace and answers alloc/free/set_last/set_pid_max/next in lockstep with"
            + " the model and the impl. Needs Linux 6.14 or later and root (or unprivileged user"
            + " namespaces)."},
    exitCodeListHeading = "%nExit codes (of record, check and replay):%n",
    exitCodeList = {
        "0:the kernel and the model agreed on every step",
        "1:a divergence (its report and trace are printed)",
        "2:bad flags",
        "3:the agent failed",
        "4:this machine does not allow the oracle (the reason is printed)"},
    subcommands = {KernelRecordCommand.class, KernelCheckCommand.class,
        KernelReplayCommand.class})
public final class KernelCommand {
  /** Exit status: the kernel and the model agreed on every step. */
  public static final int OK = 0;
  /** Exit status: a divergence was found (its report and trace are printed). */
  public static final int DIVERGED = 1;
  /** Exit status: the agent itself failed on a machine that allows it. */
  public static final int AGENT_FAILED = 3;
  /**
   * Exit status: this machine does not allow the oracle (the reason is printed). 2 is picocli's
   * for a bad argument.
   */
  public static final int UNAVAILABLE = 4;
}
