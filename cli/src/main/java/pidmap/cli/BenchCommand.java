package pidmap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pidmap bench}: the JMH suite of {@code bench/}, then the memory measurement (JOL), then
 * docs/measured/performance.md's generated blocks and plots, each step a child JVM on {@code
 * bench/target/benchmarks.jar} (the launcher builds it). Runs only from the launcher, which says
 * where the repository is ({@code -Dpidmap.root}). Not thread-safe: one run per instance.
 */
@Command(name = "bench",
    header = "Runs the JMH benchmarks and regenerates docs/measured/performance.md (minutes).",
    description = {
        "Runs the JMH suite of bench/ (the impl against the model, a synchronized BitSet, a"
            + " skip list and the atomic floor), measures memory with JOL, and rewrites the"
            + " generated blocks and plots of docs/measured/performance.md. It takes minutes (--quick) to"
            + " most of an hour; that file names its last run and machine.",
        "Examples:",
        "  ./pidmap bench --quick                 one fork, short iterations",
        "  ./pidmap bench --quick AllocFree       only the benchmarks that match a regex",
        "  ./pidmap bench --jmh '-prof gc'        extra options for JMH itself"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the suite ran and the document was rewritten",
        "2:bad flags, or not started by the ./pidmap launcher",
        "3:a step failed (its output is shown)"})
final class BenchCommand implements Callable<Integer> {
  /** JMH's options for {@code --quick}: one fork, 2 warmup and 3 measured iterations of 1 s. */
  static final List<String> QUICK = List.of("-f", "1", "-wi", "2", "-i", "3", "-w", "1s", "-r", "1s");

  @Spec private CommandSpec spec;

  @Option(names = "--quick", description = "one fork, 2 warmup + 3 measured iterations of 1 s")
  private boolean quick;

  @Option(names = "--jmh", paramLabel = "ARGS",
      description = "further JMH options, one string split at spaces (e.g. '-prof gc')")
  private String jmh;

  @Option(names = "--dry-run",
      description = "print the commands it would run, one per line, and run nothing")
  private boolean dryRun;

  @Parameters(paramLabel = "REGEX", arity = "0..*",
      description = "run only the benchmarks that match (the document then shows only those)")
  private List<String> regexes = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String rootProperty = System.getProperty("pidmap.root");
    if (rootProperty == null && !dryRun) {
      err.println("bench: run it as ./pidmap bench (the launcher builds"
          + " bench/target/benchmarks.jar and says where the repository is)");
      return Main.BAD_INPUT;
    }
    Path root = Path.of(rootProperty == null ? "." : rootProperty);
    Path jar = root.resolve("bench/target/benchmarks.jar");
    Path target = root.resolve("bench/target");
    List<List<String>> steps = plan(jar, target, root);
    if (dryRun) {
      steps.forEach(s -> out.println(String.join(" ", s)));
      return Main.CONFORMS;
    }
    String loadBefore = Load.now();
    String started = ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    out.flush();
    if (run(steps.get(0), target.resolve("jmh.log")) != 0) {
      err.println("bench: JMH failed; see above");
      return Main.INTERNAL_ERROR;
    }
    String loadAfter = Load.now();
    if (run(steps.get(1), null) != 0) {
      err.println("bench: the memory measurement failed; see above");
      return Main.INTERNAL_ERROR;
    }
    Files.writeString(target.resolve("run-info.txt"), runInfo(started, loadBefore, loadAfter),
        StandardCharsets.UTF_8);
    if (run(steps.get(2), null) != 0) {
      err.println("bench: regenerating docs/measured/performance.md failed; see above");
      return Main.INTERNAL_ERROR;
    }
    return Main.CONFORMS;
  }

  /** The three child commands: JMH, the memory measurement, the document. */
  List<List<String>> plan(Path jar, Path target, Path root) {
    List<String> jmhRun = new ArrayList<>(java());
    jmhRun.addAll(List.of("-jar", jar.toString()));
    if (quick) {
      jmhRun.addAll(QUICK);
    }
    jmhRun.addAll(regexes);
    if (jmh != null && !jmh.isBlank()) {
      jmhRun.addAll(List.of(jmh.trim().split("\\s+")));
    }
    jmhRun.addAll(List.of("-rf", "json", "-rff", target.resolve("jmh-result.json").toString()));
    List<String> memory = List.of("java", "-Djdk.attach.allowAttachSelf=true", "-cp",
        jar.toString(), "pidmap.bench.memory.MemoryMain", target.resolve("memory.tsv").toString());
    List<String> report = List.of("java", "-cp", jar.toString(), "pidmap.bench.report.BenchReport",
        target.resolve("jmh-result.json").toString(), target.resolve("memory.tsv").toString(),
        target.resolve("run-info.txt").toString(),
        root.resolve("docs/measured/performance.md").toString());
    return List.of(jmhRun, memory, report);
  }

  /** {@code java} with {@code JAVA_OPTS}, as the launcher runs it. */
  private static List<String> java() {
    List<String> cmd = new ArrayList<>(List.of("java"));
    String opts = System.getenv("JAVA_OPTS");
    if (opts != null && !opts.isBlank()) {
      cmd.addAll(List.of(opts.trim().split("\\s+")));
    }
    return cmd;
  }

  private String runInfo(String started, String loadBefore, String loadAfter) {
    String mode = quick ? "quick" : "full";
    String args = (quick ? " --quick" : "") + (regexes.isEmpty() ? "" : " " + String.join(" ", regexes))
        + (jmh == null ? "" : " --jmh '" + jmh + "'");
    return "- run: `./pidmap bench" + args + "` (" + mode + "; JMH options `"
        + (quick ? String.join(" ", QUICK) : "as annotated") + "`), started " + started + "\n"
        + "- machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + "\n"
        + "- load before: `" + loadBefore + "`\n"
        + "- load after: `" + loadAfter + "`\n";
  }

  /** Runs a child with its output on ours (and copied to {@code log} when given). */
  private int run(List<String> cmd, Path log) throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
    try (InputStream in = p.getInputStream();
        OutputStream copy = log == null ? OutputStream.nullOutputStream()
            : Files.newOutputStream(log)) {
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        copy.write(buf, 0, n);
        out.print(new String(buf, 0, n, StandardCharsets.UTF_8));
        out.flush();
      }
    }
    return p.waitFor();
  }

  /** The load averages, as /proc/loadavg gives them. */
  static final class Load {
    private Load() {}

    static String now() {
      try {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return "load average: " + f[0] + ", " + f[1] + ", " + f[2];
      } catch (IOException | ArrayIndexOutOfBoundsException e) {
        return "load average: unknown (" + e.getMessage() + ")";
      }
    }
  }
}
