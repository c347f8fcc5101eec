package pidmap.verify;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a campaign found: one row per check, a verdict, and the failures in full. Immutable. */
public record VerifyReport(long seed, List<Row> rows) {

  /** One check's line in the table. */
  public record Row(String check, String target, CheckResult result, Duration time) {}

  public VerifyReport {
    rows = List.copyOf(rows);
  }

  public boolean passed() {
    return rows.stream().allMatch(r -> r.result().passed());
  }

  /**
   * The table: check, geometry/profile, cases, steps, result, time. Each count names its unit,
   * because explorer rows count states and transitions where the others count traces and steps.
   */
  public void printTable(PrintWriter out) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"check", "geometry/profile", "cases", "steps", "result", "time"});
    for (Row r : rows) {
      boolean explores = explores(r);
      cells.add(new String[] {r.check(), r.target(),
          r.result().traces() + (explores ? " states" : " traces"),
          r.result().steps() + (explores ? " transitions" : " steps"),
          r.result().wasSkipped() ? "skip" : r.result().passed() ? "pass" : "FAIL",
          seconds(r.time())});
    }
    int[] width = new int[6];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : cells) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean number = i == 2 || i == 3 || i == 5;
        String fmt = "%" + (number ? "" : "-") + width[i] + "s";
        b.append(String.format(Locale.ROOT, fmt, row[i])).append(i < row.length - 1 ? "  " : "");
      }
      out.println(b.toString().stripTrailing());
    }
  }

  /** One line: PASS or FAIL, how much was checked, how long it took, the seed. */
  public String verdict() {
    // explorer rows count states and transitions; every other row traces and steps
    long states = rows.stream().filter(VerifyReport::explores).mapToLong(r -> r.result().traces()).sum();
    long transitions =
        rows.stream().filter(VerifyReport::explores).mapToLong(r -> r.result().steps()).sum();
    long traces = rows.stream().filter(r -> !explores(r)).mapToLong(r -> r.result().traces()).sum();
    long steps = rows.stream().filter(r -> !explores(r)).mapToLong(r -> r.result().steps()).sum();
    long failed = rows.stream().filter(r -> !r.result().passed()).count();
    long skipped = rows.stream().filter(r -> r.result().wasSkipped()).count();
    List<String> notes = new ArrayList<>();
    if (failed > 0) {
      notes.add(failed + " failed");
    }
    if (skipped > 0) {
      notes.add(skipped + " skipped");
    }
    Duration time = rows.stream().map(Row::time).reduce(Duration.ZERO, Duration::plus);
    String explored = states == 0 ? ""
        : String.format(Locale.ROOT, "%d states and %d transitions explored, ", states, transitions);
    return String.format(Locale.ROOT, "%s: %d checks%s, %s%d traces, %d steps in %s (seed %d)",
        failed == 0 ? "PASS" : "FAIL", rows.size(),
        notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")", explored, traces, steps,
        seconds(time), seed);
  }

  private static boolean explores(Row r) {
    return r.check().equals("explore");
  }

  /** Why each skipped check did not run, one line each. */
  public void printSkips(PrintWriter out) {
    for (Row r : rows) {
      if (r.result().wasSkipped()) {
        out.println(r.check() + " skipped: " + r.result().skipped());
      }
    }
  }

  /**
   * Each failure: what, the seed, the shrunk trace, the command that replays it, and {@code
   * rerun}, the command that runs the whole campaign again.
   */
  public void printFailures(PrintWriter out, String rerun) {
    for (Row r : rows) {
      CheckResult.Failure f = r.result().failure();
      if (f == null) {
        continue;
      }
      out.println();
      out.println(r.check() + " " + r.target() + " FAILED: " + f.message());
      if (!f.jsonLines().isEmpty()) {
        out.println("  seed " + f.seed() + "; the shrunk trace (expect = the model's answer):");
        f.jsonLines().lines().forEach(l -> out.println("    " + l));
      }
      if (f.replayCommand() != null) {
        out.println("  replay: " + f.replayCommand());
      }
      out.println("  again:  " + rerun);
    }
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
  }
}
