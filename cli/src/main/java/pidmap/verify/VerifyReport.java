package pidmap.verify;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pidmap.engine.report.Case;
import pidmap.engine.report.JunitXml;
import pidmap.spec.Profile;

/** What a campaign found: one row per check, a verdict, and the failures in full. Immutable. */
public record VerifyReport(long seed, List<Row> rows) {

  /**
   * One check's line in the table.
   *
   * @param id the row's id for {@code --only}
   * @param profile the profile it checks, or null
   */
  public record Row(String check, String target, CheckResult result, Duration time, String id,
      Profile profile) {

    public Row(String check, String target, CheckResult result, Duration time) {
      this(check, target, result, time, check.replace(' ', '-'), null);
    }

    String status() {
      return result.wasSkipped() ? "skip" : result.passed() ? "pass" : "fail";
    }
  }

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
        out.println("  " + f.about() + ":");
        f.jsonLines().lines().forEach(l -> out.println("    " + l));
      }
      if (f.replayCommand() != null) {
        out.println("  replay: " + f.replayCommand());
      }
      out.println("  again:  " + rerun);
    }
  }

  /**
   * The report as one JSON object (docs/CLI.md gives the schema): the seed, the verdict, and per
   * row its id, name, target, profile, counts with their units, result, seconds, and a failure's
   * message, seed, trace file and replay command or a skip's reason.
   */
  public Map<String, Object> toJson(String effort, String rerun) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", "verify");
    m.put("effort", effort);
    m.put("seed", seed);
    m.put("verdict", passed() ? "pass" : "fail");
    m.put("summary", verdict());
    m.put("seconds", rows.stream().map(Row::time).reduce(Duration.ZERO, Duration::plus)
        .toNanos() / 1e9);
    m.put("rerun", rerun);
    m.put("machine", null); // the command line fills it in
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      boolean explores = explores(r);
      row.put("id", r.id());
      row.put("check", r.check());
      row.put("target", r.target());
      row.put("profile", r.profile() == null ? null : r.profile().id());
      row.put("cases", r.result().traces());
      row.put("case_unit", explores ? "states" : "traces");
      row.put("steps", r.result().steps());
      row.put("step_unit", explores ? "transitions" : "steps");
      row.put("result", r.status());
      row.put("seconds", r.time().toNanos() / 1e9);
      if (r.result().wasSkipped()) {
        row.put("skipped", r.result().skipped());
      }
      CheckResult.Failure f = r.result().failure();
      if (f != null) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("message", f.message());
        fm.put("about", f.jsonLines().isEmpty() ? null : f.about());
        fm.put("trace", f.jsonLines().isEmpty() ? null : f.jsonLines().lines().toList());
        fm.put("file", f.file() == null ? null : f.file().toString());
        fm.put("replay", f.replayCommand());
        row.put("failure", fm);
      }
      out.add(row);
    }
    m.put("rows", out);
    return m;
  }

  /** The report as a JUnit XML suite, one test case per row. */
  public void printJunit(PrintWriter out, String effort) {
    long failed = rows.stream().filter(r -> !r.result().passed()).count();
    long skipped = rows.stream().filter(r -> r.result().wasSkipped()).count();
    Map<String, String> props = new LinkedHashMap<>();
    props.put("seed", Long.toString(seed));
    props.put("effort", effort);
    double total = rows.stream().map(Row::time).reduce(Duration.ZERO, Duration::plus)
        .toNanos() / 1e9;
    JunitXml xml = new JunitXml(out).begin(new JunitXml.Suite("pidmap verify", rows.size(),
        failed, 0, skipped, total, props));
    for (Row r : rows) {
      String name = r.check() + " " + r.target();
      String group = "pidmap.verify." + r.id();
      double secs = r.time().toNanos() / 1e9;
      CheckResult.Failure f = r.result().failure();
      if (r.result().wasSkipped()) {
        xml.testCase(new Case(name, group, Case.Status.SKIP, secs, r.result().skipped(), ""));
      } else if (f != null) {
        StringBuilder detail = new StringBuilder(f.message()).append('\n');
        if (!f.jsonLines().isEmpty()) {
          detail.append(f.about()).append(":\n").append(f.jsonLines());
        }
        if (f.replayCommand() != null) {
          detail.append("replay: ").append(f.replayCommand()).append('\n');
        }
        xml.testCase(new Case(name, group, Case.Status.FAIL, secs,
            f.message().lines().findFirst().orElse(""), detail.toString()));
      } else {
        xml.testCase(Case.pass(name, group, secs));
      }
    }
    xml.end();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
  }
}
