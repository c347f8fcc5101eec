package pidmap.kit.report;

import java.util.List;
import java.util.Locale;
import pidmap.kit.campaign.CampaignResult;
import pidmap.kit.suite.ScenarioResult;

/**
 * The terminal report: a table (suite, scenarios, passed, not tested, verdict, first failure in
 * one line), then each failure's shrunk trace with the command that replays it. Stateless.
 */
public final class TextReport {
  private TextReport() {}

  public static String render(ConformReport r) {
    StringBuilder b = new StringBuilder();
    b.append("pidmap conform: ").append(r.agent()).append(" (").append(r.hello().name())
        .append(", ops ").append(String.join(",", r.hello().ops()));
    if (!r.hello().features().isEmpty()) {
      b.append("; features ").append(String.join(",", r.hello().features()));
    }
    b.append(") against ").append(r.profile().id()).append('\n');
    b.append(String.format(Locale.ROOT, "%-18s %9s %6s %10s  %-11s %s%n", "suite", "scenarios",
        "passed", "not tested", "verdict", "first failure"));
    for (SuiteResult s : r.suites()) {
      ScenarioResult first = s.firstFailure();
      String note = first != null ? first.failure().oneLine()
          : s.count(pidmap.kit.suite.Verdict.NOT_TESTED) > 0 ? notTestedNote(s) : "";
      b.append(String.format(Locale.ROOT, "%-18s %9d %6d %10d  %-11s %s%n", s.suite().id(),
          s.scenarios().size(), s.count(pidmap.kit.suite.Verdict.PASS),
          s.count(pidmap.kit.suite.Verdict.NOT_TESTED), s.verdict().label(), note));
    }
    CampaignResult c = r.campaign();
    b.append(String.format(Locale.ROOT, "%-18s %9s %6s %10s  %-11s %s%n", "campaign",
        c.steps() + " st", "", "", c.verdict().label(), c.failure() != null
            ? c.failure().oneLine() + " (" + c.kind() + ", seed " + c.seed() + ")"
            : c.note() != null ? c.note() : c.episodes() + " agents, seed " + c.seed()));
    CampaignResult l = r.layer();
    if (l != null) {
      b.append(String.format(Locale.ROOT, "%-18s %9s %6s %10s  %-11s %s%n", "layer",
          l.steps() + " st", "", "", l.verdict().label(), l.failure() != null
              ? l.failure().oneLine() + " (seed " + l.seed() + ")"
              : l.note() != null ? l.note() : l.episodes() + " agents, seed " + l.seed()));
    }
    for (SuiteResult s : r.suites()) {
      for (ScenarioResult sc : s.scenarios()) {
        if (sc.verdict().failed()) {
          failure(b, s.suite().id() + ": " + sc.scenario().name(), sc.trace(), sc.shrunkFrom(),
              r);
        }
      }
    }
    if (c.verdict().failed()) {
      failure(b, "campaign (" + c.kind() + ", seed " + c.seed() + ")", c.trace(), c.shrunkFrom(),
          r);
    }
    if (l != null && l.verdict().failed()) {
      b.append('\n').append("FAILED the pid layer's process-level lockstep (seed ")
          .append(l.seed()).append("): the shrunk layer trace, then the requests, the model's")
          .append(" replies and the agent's\n");
      l.trace().forEach(x -> b.append("  ").append(x).append('\n'));
    }
    b.append(String.format(Locale.ROOT, "%s: %d of %d suites failed%s%s; %.1f s%n",
        r.passed() ? "CONFORMS" : "DOES NOT CONFORM", r.failedSuites().size(), r.suites().size(),
        c.verdict().failed() ? ", and the campaign" : "",
        l != null && l.verdict().failed() ? ", and the layer lockstep" : "", r.millis() / 1000.0));
    return b.toString();
  }

  private static String notTestedNote(SuiteResult s) {
    return s.scenarios().stream().filter(x -> x.note() != null).findFirst()
        .map(x -> "(" + x.note() + ")").orElse("");
  }

  private static void failure(StringBuilder b, String title, List<String> trace, int from,
      ConformReport r) {
    b.append('\n').append("FAILED ").append(title).append('\n');
    b.append("  shrunk trace (").append(trace.size()).append(" of ").append(from)
        .append(" steps; => is Linux's answer):\n");
    trace.forEach(l -> b.append("    ").append(l).append('\n'));
    b.append("  replay: save the trace lines as trace.txt and run\n    ")
        .append(replayCommand(r)).append('\n');
  }

  /** The command that replays a saved trace on the same agent. */
  public static String replayCommand(ConformReport r) {
    return "./pidmap conform --agent '" + r.agent().replace("'", "'\\''") + "' --profile "
        + r.profile().id() + " --replay trace.txt";
  }
}
