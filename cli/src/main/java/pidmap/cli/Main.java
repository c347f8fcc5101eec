package pidmap.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import pidmap.spec.PidmapException;
import pidmap.trace.CannotWriteException;
import pidmap.trace.TraceFormatException;

/**
 * The {@code pidmap} command line: {@code replay}, {@code shrink}, {@code verify}, {@code
 * explore}, {@code kernel} (the live-kernel oracle's {@code record} and {@code check}), {@code
 * conform}, {@code bench} and {@code completion}. Exit codes: {@value #CONFORMS} when
 * everything conforms, {@value #FAILS} at a divergence, a failed invariant or an unmet expect,
 * {@value #BAD_INPUT} on a malformed trace or bad flags, {@value #INTERNAL_ERROR} when pidmap
 * itself crashed, 4 when the kernel oracle cannot run on this machine. Every command takes {@code -h} and {@code -V}. Not thread-safe: one
 * invocation per instance.
 */
@Command(
    name = "pidmap",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "An executable, checked reference model of the Linux pid allocator: kernel/pid.c of"
            + " Linux 2.6.24 (profile linux-2.6.24, the default) and today's kernel (linux-6).",
        "The kernel's source: https://github.com/torvalds/linux/blob/v2.6.24/kernel/pid.c"},
    footerHeading = "%nGeometries%n",
    footer = {
        "Everywhere pidmap prints a geometry it writes B/R/L pid_max P: B bits per bitmap page,"
            + " R reserved pids (RESERVED_PIDS, where the search wraps to), L pid_max_limit, and"
            + " P the pid_max a fresh namespace starts with. The kernel's is"
            + " 32768/300/4194304 pid_max 32768; 4/2/16 pid_max 14 has four pages of four pids.",
        "",
        "See docs/CLI.md for every command, flag, exit code and output format."},
    exitCodeListHeading = "%nExit codes (every command):%n",
    exitCodeList = {
        "0:every step conforms, every check passed",
        "1:a divergence, a failed invariant or an unmet expect",
        "2:malformed trace, bad flags, or a file that cannot be read or written",
        "3:internal error (a bug in pidmap; kernel: the agent failed)",
        "4:kernel only: this machine does not allow the oracle (the reason is printed)"},
    commandListHeading = "%nCommands:%n")
public final class Main implements Callable<Integer> {

  public static final int CONFORMS = 0;
  public static final int FAILS = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL_ERROR = 3;

  @Spec private CommandSpec spec;

  /** Without a command: print the usage and refuse. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("pidmap: missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8),
        true);
    int code = execute(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line in-process; what {@code main} does, minus the exit. */
  public static int execute(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(stdin);
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static CommandLine commandLine(InputStream stdin) {
    CommandLine cl = new CommandLine(new Main());
    cl.addSubcommand("replay", new ReplayCommand(stdin));
    cl.addSubcommand("shrink", new ShrinkCommand(stdin));
    cl.addSubcommand("verify", new VerifyCommand());
    cl.addSubcommand("explore", new ExploreCommand());
    cl.addSubcommand("kernel", new KernelCommand());
    cl.addSubcommand("conform", new ConformCommand());
    cl.addSubcommand("bench", new BenchCommand());
    cl.addSubcommand("completion", new CompletionCommand());
    everyCommand(cl);
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /** Every command, however deep, takes -h and -V and says the one version line. */
  private static void everyCommand(CommandLine cl) {
    CommandSpec s = cl.getCommandSpec();
    if (s.optionsMap().get("--version") == null) {
      s.mixinStandardHelpOptions(true);
    }
    s.versionProvider(new Version());
    for (CommandLine sub : cl.getSubcommands().values()) {
      everyCommand(sub);
    }
  }

  /** Bad input is said in one line and exits 2; anything else is a bug in pidmap. */
  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof TraceFormatException || e instanceof PidmapException
        || e instanceof BadInputException || e instanceof CannotWriteException) {
      err.println(e.getMessage());
      return BAD_INPUT;
    }
    if (e instanceof UncheckedIOException io) {
      err.println("cannot read the trace: " + io.getCause().getMessage());
      return BAD_INPUT;
    }
    err.println("pidmap: internal error (please report it with the command line and trace):");
    e.printStackTrace(err);
    return INTERNAL_ERROR;
  }
}
