package pidmap.explorer.spin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SPIN verification of a Promela model of {@code explorer/spin/}: {@code spin -a} with the
 * scope as {@code -D} defines, {@code gcc -O2 -DSAFETY} on the generated pan.c, then pan's
 * exhaustive search; the counts come from pan's report, the CPU times (user + system) from the
 * shell's {@code times}. Stateless; each run works in its own directory.
 */
public final class Spin {
  private Spin() {}

  /**
   * What pan reported.
   *
   * @param states states stored
   * @param transitions transitions taken (stored + matched)
   * @param errors assertion violations and invalid end states found
   * @param searchCpuSeconds pan's CPU time (user + system)
   * @param buildCpuSeconds spin -a and gcc's CPU time
   * @param report pan's whole output
   */
  public record Result(long states, long transitions, int errors, double searchCpuSeconds,
      double buildCpuSeconds, String report) {}

  /** Why SPIN cannot run here, or null when spin, gcc and bash are all on the PATH. */
  public static String missing() {
    for (String tool : List.of("spin", "gcc", "bash")) {
      try {
        Process p = new ProcessBuilder(tool, tool.equals("spin") ? "-V" : "--version")
            .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
          return tool + " --version failed";
        }
      } catch (IOException e) {
        return tool + " is not installed (the Debian package " + tool + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
    return null;
  }

  /**
   * Verifies model {@code name} (e.g. {@code sequential.pml}) with these defines; pan gets a
   * depth bound and a hash table sized for about {@code expectedStates}.
   */
  public static Result run(String name, Map<String, Object> defines, long expectedStates,
      List<String> panOptions) {
    try {
      Path dir = Files.createTempDirectory("pidmap-spin-");
      try (InputStream in = Spin.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("no Promela model " + name + " in the jar");
        }
        Files.write(dir.resolve(name), in.readAllBytes());
      }
      StringBuilder d = new StringBuilder();
      defines.forEach((k, v) -> d.append(" -D").append(k).append('=').append(v));
      String build = "spin -a" + d + " " + name + " >spin.log 2>&1 && gcc -O2 -DSAFETY"
          + " -DMEMLIM=16000 -w -o pan pan.c >gcc.log 2>&1";
      double buildCpu = timed(dir, build, "spin -a / gcc");
      long depth = Math.max(10_000, expectedStates * 2 + 10_000);
      int hash = Math.max(20, 64 - Long.numberOfLeadingZeros(expectedStates) + 1);
      List<String> opts = new ArrayList<>(List.of("-m" + depth, "-w" + hash));
      opts.addAll(panOptions);
      double searchCpu = timed(dir, "./pan " + String.join(" ", opts) + " >pan.out 2>&1", "pan");
      String report = Files.readString(dir.resolve("pan.out"), StandardCharsets.UTF_8);
      return new Result(number(report, "([\\d.e+]+) states, stored"),
          number(report, "([\\d.e+]+) transitions \\(= stored\\+matched\\)"),
          (int) number(report, "errors: (\\d+)"), searchCpu, buildCpu, report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long number(String report, String regex) {
    Matcher m = Pattern.compile(regex).matcher(report);
    if (!m.find()) {
      throw new IllegalStateException("pan's report has no " + regex + ":\n" + report);
    }
    return (long) Double.parseDouble(m.group(1));
  }

  /** Runs {@code command} under bash; the CPU time (user + system) its children used. */
  private static double timed(Path dir, String command, String what) throws IOException {
    Process p = new ProcessBuilder("bash", "-c", command + "; rc=$?; times; exit $rc")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc;
    try {
      rc = p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what + " ran", e);
    }
    if (rc != 0) {
      String log = "";
      for (String f : List.of("spin.log", "gcc.log", "pan.out")) {
        Path file = dir.resolve(f);
        if (Files.exists(file)) {
          log += "\n--- " + f + "\n" + Files.readString(file);
        }
      }
      throw new IllegalStateException(what + " failed (exit " + rc + ")" + log);
    }
    // times prints the shell's user and system time, then its children's
    String[] lines = out.strip().split("\n");
    String[] children = lines[lines.length - 1].trim().split("\\s+");
    return seconds(children[0]) + seconds(children[1]);
  }

  /** {@code 1m2.345s} in seconds. */
  static double seconds(String t) {
    Matcher m = Pattern.compile("(\\d+)m([\\d.]+)s").matcher(t);
    if (!m.matches()) {
      throw new IllegalStateException("not a time: " + t);
    }
    return Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
  }

  /** E.g. {@code 1.2 s}. */
  static String format(double seconds) {
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }
}
