package pidmap.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pidmap.verify.Effort;
import pidmap.verify.Progress;
import pidmap.verify.VerifyReport;
import pidmap.verify.Verification;

/**
 * {@code pidmap verify}: the conformance campaign. For now the randomized differential check on
 * the kernel's geometry and three small ones; progress on standard error, the table and the
 * verdict on standard output. Not thread-safe: picocli fills its fields for one run.
 */
@Command(name = "verify",     header = "Runs the randomized differential campaign and prints a table.",
    description = "Runs the verification campaign: seeded generated traces on the model and"
        + " the impl, on the kernel's geometry and on 4/2/14, 8/3/21 and 64/10/200 (bits/page,"
        + " reserved, pid_max), for each profile (by default 200 traces of 1000 steps each);"
        + " the pid layer's property (40 traces of 300 ops); and the linux-6 profile against"
        + " the running kernel (10000 steps; skipped where PID namespaces are not allowed). A"
        + " failure is shrunk and printed with its seed and a replay command.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every check passed", "1:a check failed", "2:bad flags"})
final class VerifyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  private boolean help;

  @ArgGroup(exclusive = true)
  private Level level = new Level();

  static final class Level {
    @Option(names = "--quick",
        description = "20 traces per geometry, 10 layer traces, 2000 kernel steps")
    boolean quick;

    @Option(names = "--deep", description = "2000 traces of 2000 steps per geometry,"
        + " 1000 layer traces of 600 ops, 100000 kernel steps")
    boolean deep;
  }

  @Option(names = "--seed", paramLabel = "S",
      description = "campaign seed (default: a new one, printed)")
  private Long seed;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Effort effort = level.quick ? Effort.QUICK : level.deep ? Effort.DEEP : Effort.STANDARD;
    long s = seed != null ? seed : System.nanoTime() ^ Double.doubleToLongBits(Math.random());
    Verification campaign = Verification.standard(effort, s);
    err.println("pidmap verify: " + effort.name().toLowerCase(java.util.Locale.ROOT) + ", "
        + campaign.checks().size() + " checks, seed " + s);
    VerifyReport report = campaign.run(new Progress(err, System::nanoTime, 2_000_000_000L));
    report.printTable(out);
    report.printSkips(out);
    out.println(report.verdict());
    if (!report.passed()) {
      String flag = level.quick ? " --quick" : level.deep ? " --deep" : "";
      report.printFailures(out, "./pidmap verify" + flag + " --seed " + s);
    }
    return report.passed() ? Main.CONFORMS : Main.FAILS;
  }
}
