package pidmap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pidmap.spec.Profile;
import pidmap.verify.Effort;
import pidmap.verify.Progress;
import pidmap.verify.VerifyReport;
import pidmap.verify.Verification;

/**
 * {@code pidmap verify}: the whole campaign, one row per check (the exhaustive explorer, the
 * differential campaign per geometry and profile, the pid layer, the running kernel); progress
 * on standard error, the table and the verdict on standard output (or JSON, or JUnit XML). Not
 * thread-safe: picocli fills its fields for one run.
 */
@Command(name = "verify",
    header = "Runs every check (explorer, differential, pid layer, live kernel): one table.",
    description = {
        "Runs the verification campaign, one row per check, one after another: the exhaustive"
            + " explorer on small geometries (every reachable state, model against impl); the"
            + " differential campaign (seeded generated traces, model against impl, every"
            + " invariant after every step) on the kernel's geometry and on 4/2/16 pid_max 14,"
            + " 8/3/24 pid_max 21 and 64/10/256 pid_max 200, for each profile; the pid layer's"
            + " property; and the linux-6 profile against the running kernel, flat and in a nested"
            + " namespace (skipped, with the reason, where PID namespaces are not allowed).",
        "A failure is shrunk and printed with its seed, written under --out, and the command that"
            + " replays it. Progress (row k/N, time so far, an estimate of the rest) goes to"
            + " standard error. docs/measured/verify.txt and verify-quick.txt hold measured runs"
            + " with their machine and load."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every check passed (skipped rows do not fail it)", "1:a check failed",
        "2:bad flags", "3:internal error (a bug in pidmap)"})
final class VerifyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true)
  private Level level = new Level();

  static final class Level {
    @Option(names = "--quick",
        description = "the quick explorer scopes, 20 traces per geometry, 10 layer traces,"
            + " 2000 kernel steps")
    boolean quick;

    @Option(names = "--deep", description = "the deep explorer scopes, 2000 traces of 2000"
        + " steps per geometry, 1000 layer traces of 600 ops, 100000 kernel steps (hours)")
    boolean deep;
  }

  @Option(names = "--seed", paramLabel = "S",
      description = "campaign seed (default: a new one, printed)")
  private Long seed;

  @Option(names = "--only", paramLabel = "ROW", split = ",",
      description = "run only these rows (ids: explore, differential, pid-layer, kernel,"
          + " kernel-nested; comma-separated or repeated)")
  private List<String> only = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "P",
      description = "run only the rows of this profile (linux-2.6.24 or linux-6) and the rows"
          + " of no one profile")
  private String profile;

  @Mixin private ReportOptions report;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Effort effort = level.quick ? Effort.QUICK : level.deep ? Effort.DEEP : Effort.STANDARD;
    Profile wanted = profile == null ? null : Profile.byId(profile);
    long s = seed != null ? seed : System.nanoTime() ^ Double.doubleToLongBits(Math.random());
    Verification campaign = Verification.standard(effort, s).select(only, wanted);
    String effortName = effort.name().toLowerCase(Locale.ROOT);
    err.println("pidmap verify: " + effortName + ", " + Reports.count(campaign.checks().size(),
        "check") + ", seed " + s + (only.isEmpty() ? "" : ", only " + String.join(",", only))
        + (wanted == null ? "" : ", profile " + wanted.id()) + "; files go to "
        + report.outputDir());
    String loadBefore = Machine.load();
    VerifyReport result = campaign.run(new Progress(err, System::nanoTime, 2_000_000_000L,
        report.outputDir()));
    String rerun = rerun(s);
    switch (report.format) {
      case JSON:
        java.util.Map<String, Object> json = result.toJson(effortName, rerun);
        json.put("machine", Machine.describe(loadBefore));
        pidmap.engine.report.JsonReport.write(out, json);
        break;
      case JUNIT:
        result.printJunit(out, effortName);
        break;
      default:
        result.printTable(out);
        result.printSkips(out);
        out.println(result.verdict());
        if (!result.passed()) {
          result.printFailures(out, rerun);
        }
        break;
    }
    return result.passed() ? Main.CONFORMS : Main.FAILS;
  }

  /** The command that runs this campaign again. */
  private String rerun(long s) {
    StringBuilder b = new StringBuilder("./pidmap verify");
    b.append(level.quick ? " --quick" : level.deep ? " --deep" : "");
    if (!only.isEmpty()) {
      b.append(" --only ").append(String.join(",", only));
    }
    if (profile != null) {
      b.append(" --profile ").append(profile);
    }
    return b.append(" --seed ").append(s).toString();
  }
}
