package pidmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pidmap.explorer.Candidate;
import pidmap.explorer.ShortestFailure;
import pidmap.explorer.ExploreResult;
import pidmap.explorer.Explorer;
import pidmap.explorer.Scope;
import pidmap.explorer.interleave.InterleaveResult;
import pidmap.explorer.interleave.Interleaving;
import pidmap.explorer.interleave.Plan;
import pidmap.explorer.spin.Comparison;
import pidmap.explorer.spin.Spin;
import pidmap.impl.LastPidUpdate;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.CannotWriteException;
import pidmap.trace.OutputDir;

/**
 * {@code pidmap explore}: the exhaustive explorer from the command line. Without
 * {@code --interleave}, every state of a small scope and every operation from each, model
 * against impl ({@link Explorer}); with it, every interleaving of a few threads running alloc
 * and free on the impl ({@link Interleaving}); with {@code --vs-spin}, both side by side with
 * SPIN (docs/measured/explorer-vs-spin.txt). Progress on standard error, results on standard
 * output. Not thread-safe: picocli fills its fields for one run.
 */
@Command(name = "explore",
    mixinStandardHelpOptions = true,
    header = "Explores every state of a small scope, or every interleaving of a few threads.",
    description = {
        "Without --interleave: every state of a geometry (allocated set, last_pid, pid_max,"
            + " installed pages) and every operation from each, on the model and the impl;"
            + " default 4/2/16 pid_max 14 (bits per page / reserved / pid_max_limit).",
        "With --interleave: T threads on a fresh allocator, each running K operations (alloc,"
            + " free of its newest pid, with --next also next), every order of every"
            + " shared-memory access of the impl; default 2 threads x 3 ops on 4/1/8.",
        "On a failure it prints the shortest counterexample and the command that reproduces"
            + " it."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every check passed", "1:a check failed (counterexample printed)",
        "2:bad flags, or spin missing for --vs-spin"})
final class ExploreCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--profile", paramLabel = "P",
      description = "search rule: linux-2.6.24 (default) or linux-6")
  private String profile = Profile.LINUX_2_6_24.id();

  @Option(names = "--bits-per-page", paramLabel = "B", description = "bits per page (default 4)")
  private int bitsPerPage = 4;

  @Option(names = "--reserved", paramLabel = "R",
      description = "RESERVED_PIDS (default 2; with --interleave 1)")
  private Integer reserved;

  @Option(names = "--pid-max-limit", paramLabel = "L",
      description = "PID_MAX_LIMIT, at most 32 (default 16; with --interleave 8)")
  private Integer pidMaxLimit;

  @ArgGroup(exclusive = true)
  private PidMax pidMax = new PidMax();

  static final class PidMax {
    @Option(names = "--pid-max", paramLabel = "N",
        description = "the fixed pid_max (default: the limit - 2; with --interleave the limit)")
    Integer value;

    @Option(names = "--every-pid-max", description = "explore every pid_max from"
        + " pid_max_min to the limit")
    boolean every;
  }

  @Option(names = "--depth", paramLabel = "D",
      description = "only states within D operations of a fresh allocator (breadth-first)")
  private Integer depth;

  @Option(names = "--interleave", description = "explore every interleaving of a few threads")
  private boolean interleave;

  @Option(names = "--threads", paramLabel = "T", description = "with --interleave: threads,"
      + " 1 to 4 (default 2)")
  private Integer threads;

  @Option(names = "--ops", paramLabel = "K", description = "with --interleave: operations per"
      + " thread, 1 to 4 (default 3)")
  private Integer ops;

  @Option(names = "--last-pid-update", paramLabel = "U", description = "with --interleave:"
      + " seed (the plain store, default) or pid-before (Linux 2.6.35's compare-and-swap)")
  private String update;

  @Option(names = "--next", description = "with --interleave: next is an operation too")
  private boolean next;

  @Option(names = "--start-last-pid", paramLabel = "V", description = "with --interleave:"
      + " last_pid when the threads start (default 0)")
  private Integer startLastPid;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write a counterexample's"
      + " trace; default: target/pidmap under the current directory")
  private Path out;

  @Option(names = "--vs-spin", description = "run the explorer and SPIN side by side on the"
      + " scopes of docs/EXPLORER.md's comparison and print the table")
  private boolean vsSpin;

  @Option(names = "--deep", description = "with --vs-spin: also 8/3/24 pid_max 21 to the end")
  private boolean deep;

  @Override
  public Integer call() {
    if (vsSpin) {
      return vsSpin();
    }
    onlyWith(!interleave, "--interleave", threads, ops, update, startLastPid);
    if (!interleave && next) {
      throw new BadInputException("--next: only with --interleave");
    }
    if (interleave && out != null) {
      throw new BadInputException("--out: not with --interleave (it prints its interleaving and"
          + " writes no file)");
    }
    if (interleave && (depth != null || pidMax.every)) {
      throw new BadInputException((depth != null ? "--depth" : "--every-pid-max")
          + ": not with --interleave (an interleaving exploration always runs to the end)");
    }
    return interleave ? interleave() : sequential();
  }

  private static void onlyWith(boolean missing, String flag, Object... values) {
    String[] names = {"--threads", "--ops", "--last-pid-update", "--start-last-pid"};
    for (int i = 0; i < values.length; i++) {
      if (missing && values[i] != null) {
        throw new BadInputException(names[i] + ": only with " + flag);
      }
    }
  }

  private Integer sequential() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int limit = pidMaxLimit != null ? pidMaxLimit : 16;
    Geometry g = new Geometry(bitsPerPage, reserved != null ? reserved : 2, limit,
        pidMax.value != null ? pidMax.value : limit - 2);
    Profile p = Profile.byId(profile);
    Scope scope = pidMax.every ? Scope.allPidMax(g, p) : Scope.fixedPidMax(g, p);
    if (depth != null) {
      scope = scope.toDepth(depth);
    }
    err.println("pidmap explore: " + scope.name() + " / " + p.id() + ", " + describe(scope));
    Explorer.Progress progress = (s, stage, states, transitions, millis) ->
        err.printf(Locale.ROOT, "  %s: %,d states, %,d transitions, %.1f s%n", stage, states,
            transitions, millis / 1000.0);
    ExploreResult r = Explorer.explore(scope, Candidate.impl(),
        Explorer.Settings.defaults().with(progress));
    out.println(r.row());
    if (r.passed()) {
      return Main.CONFORMS;
    }
    ShortestFailure c = r.counterexample();
    out.println("shortest counterexample: " + c);
    String trace = c.toTrace(g, p);
    out.print(trace);
    try {
      Path file = (this.out == null ? OutputDir.standard() : new OutputDir(this.out))
          .write("explore-" + p.id(), trace);
      out.println("replay it: ./pidmap replay " + file);
    } catch (CannotWriteException e) {
      out.println("replay it: not written: " + e.getMessage());
    }
    out.println("reproduce: ./pidmap explore" + flags(g, p, scope));
    return Main.FAILS;
  }

  private static String describe(Scope s) {
    return s.maxDepth() == Scope.UNBOUNDED
        ? String.format(Locale.ROOT, "every state (%,d)", s.states())
        : "states within " + s.maxDepth() + " operations";
  }

  private String flags(Geometry g, Profile p, Scope s) {
    return " --profile " + p.id() + " --bits-per-page " + g.bitsPerPage() + " --reserved "
        + g.reservedPids() + " --pid-max-limit " + g.pidMaxLimit()
        + (pidMax.every ? " --every-pid-max" : " --pid-max " + g.defaultPidMax())
        + (s.maxDepth() == Scope.UNBOUNDED ? "" : " --depth " + s.maxDepth());
  }

  private Integer interleave() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int limit = pidMaxLimit != null ? pidMaxLimit : 8;
    Geometry g = new Geometry(bitsPerPage, reserved != null ? reserved : 1, limit,
        pidMax.value != null ? pidMax.value : limit);
    LastPidUpdate u = lastPidUpdate(update == null ? "seed" : update);
    Plan plan = new Plan(g, Profile.byId(profile), u, threads != null ? threads : 2,
        ops != null ? ops : 3, next, startLastPid != null ? startLastPid : 0);
    err.println("pidmap explore --interleave: " + plan.describe());
    InterleaveResult r = Interleaving.explore(plan, "impl", Interleaving.IMPL,
        (expanded, states, steps, millis) -> err.printf(Locale.ROOT,
            "  %,d states expanded of %,d found, %,d steps, %.1f s%n", expanded, states, steps,
            millis / 1000.0));
    out.print(r.report());
    if (r.passed()) {
      return Main.CONFORMS;
    }
    out.println("reproduce: ./pidmap explore --interleave --threads " + plan.threads() + " --ops "
        + plan.ops() + " --last-pid-update " + (u == LastPidUpdate.SEED_PLAIN_STORE ? "seed"
        : "pid-before") + " --profile " + plan.profile().id() + " --bits-per-page "
        + g.bitsPerPage() + " --reserved " + g.reservedPids() + " --pid-max-limit "
        + g.pidMaxLimit() + " --pid-max " + g.defaultPidMax() + (next ? " --next" : "")
        + (plan.startLastPid() == 0 ? "" : " --start-last-pid " + plan.startLastPid()));
    return Main.FAILS;
  }

  private static LastPidUpdate lastPidUpdate(String name) {
    switch (name) {
      case "seed":
        return LastPidUpdate.SEED_PLAIN_STORE;
      case "pid-before":
        return LastPidUpdate.FORWARD_CAS;
      default:
        throw new BadInputException("--last-pid-update: " + name
            + " (expected: seed or pid-before)");
    }
  }

  private Integer vsSpin() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String missing = Spin.missing();
    if (missing != null) {
      err.println("pidmap explore --vs-spin: " + missing);
      return Main.BAD_INPUT;
    }
    String before = uptime();
    String started = ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT));
    List<Comparison.Row> rows = Comparison.run(deep, err::println);
    String block = "`./pidmap explore --vs-spin" + (deep ? " --deep" : "")
        + "`, started " + started + "; machine: "
        + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + ", " + spin() + "; load before: `" + before
        + "`, after: `" + uptime() + "`.\n\n" + Comparison.table(rows);
    out.print(block);
    return Main.CONFORMS;
  }

  private static String spin() {
    try {
      Process p = new ProcessBuilder("spin", "-V").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return v;
    } catch (IOException e) {
      return "spin (version unknown)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "spin (version unknown)";
    }
  }

  private static String uptime() {
    try {
      String s = Files.readString(Path.of("/proc/loadavg"));
      String[] f = s.trim().split("\\s+");
      return "load average " + f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException e) {
      return "load unknown";
    }
  }
}
