package pidmap.kit.report;

import java.util.Locale;
import pidmap.kit.campaign.CampaignResult;
import pidmap.kit.suite.ScenarioResult;
import pidmap.kit.suite.Verdict;

/**
 * The JUnit XML report: one {@code testsuite} per suite ({@code pidmap.conform.<id>}), one
 * {@code testcase} per scenario, a {@code failure} (FAIL) or {@code error} (hang, crash,
 * garbage, agent error) carrying the shrunk trace, {@code skipped} for a scenario not tested;
 * the campaign is one more suite. Stateless.
 */
public final class JunitXmlReport {
  private JunitXmlReport() {}

  public static String render(ConformReport r) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuites name=\"pidmap conform\">\n");
    for (SuiteResult s : r.suites()) {
      long failures = s.scenarios().stream().filter(x -> x.verdict() == Verdict.FAIL).count();
      long errors = s.scenarios().stream()
          .filter(x -> x.verdict().failed() && x.verdict() != Verdict.FAIL).count();
      long time = s.scenarios().stream().mapToLong(ScenarioResult::millis).sum();
      suiteOpen(b, s.suite().id(), s.scenarios().size(), failures, errors,
          s.count(Verdict.NOT_TESTED), time);
      for (ScenarioResult sc : s.scenarios()) {
        testcase(b, s.suite().id(), sc.scenario().name(), sc.millis(), sc.verdict(),
            sc.note(), sc.failure() == null ? null : sc.failure().oneLine(),
            String.join("\n", sc.trace()), r);
      }
      b.append("  </testsuite>\n");
    }
    CampaignResult c = r.campaign();
    suiteOpen(b, "campaign", 1, c.verdict() == Verdict.FAIL ? 1 : 0,
        c.verdict().failed() && c.verdict() != Verdict.FAIL ? 1 : 0,
        c.verdict() == Verdict.NOT_TESTED ? 1 : 0, c.millis());
    testcase(b, "campaign", "lockstep campaign, " + c.steps() + " steps, seed " + c.seed(),
        c.millis(), c.verdict(), c.note(), c.failure() == null ? null : c.failure().oneLine(),
        String.join("\n", c.trace()), r);
    b.append("  </testsuite>\n");
    CampaignResult l = r.layer();
    if (l != null) {
      suiteOpen(b, "layer", 1, l.verdict() == Verdict.FAIL ? 1 : 0,
          l.verdict().failed() && l.verdict() != Verdict.FAIL ? 1 : 0,
          l.verdict() == Verdict.NOT_TESTED ? 1 : 0, l.millis());
      testcase(b, "layer", "process-level layer lockstep, " + l.steps() + " steps, seed "
          + l.seed(), l.millis(), l.verdict(), l.note(),
          l.failure() == null ? null : l.failure().oneLine(), String.join("\n", l.trace()), r);
      b.append("  </testsuite>\n");
    }
    b.append("</testsuites>\n");
    return b.toString();
  }

  private static void suiteOpen(StringBuilder b, String id, int tests, long failures,
      long errors, long skipped, long millis) {
    b.append(String.format(Locale.ROOT, "  <testsuite name=\"pidmap.conform.%s\" tests=\"%d\""
        + " failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%.3f\">%n", xml(id), tests,
        failures, errors, skipped, millis / 1000.0));
  }

  private static void testcase(StringBuilder b, String suite, String name, long millis,
      Verdict v, String note, String oneLine, String trace, ConformReport r) {
    b.append(String.format(Locale.ROOT, "    <testcase classname=\"pidmap.conform.%s\""
        + " name=\"%s\" time=\"%.3f\"", xml(suite), xml(name), millis / 1000.0));
    if (v == Verdict.PASS) {
      b.append("/>\n");
      return;
    }
    b.append(">\n");
    if (v == Verdict.NOT_TESTED) {
      b.append("      <skipped message=\"").append(xml(note)).append("\"/>\n");
    } else {
      String tag = v == Verdict.FAIL ? "failure" : "error";
      b.append("      <").append(tag).append(" type=\"").append(v.name()).append("\" message=\"")
          .append(xml(oneLine)).append("\">").append(xml(trace + "\nreplay: "
              + TextReport.replayCommand(r))).append("</").append(tag).append(">\n");
    }
    b.append("    </testcase>\n");
  }

  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '&':
          b.append("&amp;");
          break;
        case '"':
          b.append("&quot;");
          break;
        default:
          b.append(c < 0x20 && c != '\n' && c != '\t' ? '?' : c);
      }
    }
    return b.toString();
  }
}
