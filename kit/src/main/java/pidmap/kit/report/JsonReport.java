package pidmap.kit.report;

import java.util.List;
import java.util.stream.Collectors;
import pidmap.kit.campaign.CampaignResult;
import pidmap.kit.suite.Failure;
import pidmap.kit.suite.ScenarioResult;

/**
 * The JSON report: the agent, its hello, the profile, every suite with every scenario's verdict
 * (and a failure's step, request, Linux's answer, the agent's reply, the shrunk trace and the
 * replay command), the campaign, the pid layer's process-level lockstep when it ran
 * ({@code layer}), and the overall verdict. The schema is in docs/CONFORMANCE.md.
 * Stateless.
 */
public final class JsonReport {
  private JsonReport() {}

  public static String render(ConformReport r) {
    StringBuilder b = new StringBuilder("{\n");
    b.append("  \"agent\": ").append(Json.str(r.agent())).append(",\n");
    b.append("  \"hello\": {").append(r.hello().fields().entrySet().stream()
        .map(e -> Json.str(e.getKey()) + ": " + Json.str(e.getValue()))
        .collect(Collectors.joining(", "))).append("},\n");
    b.append("  \"profile\": ").append(Json.str(r.profile().id())).append(",\n");
    b.append("  \"passed\": ").append(r.passed()).append(",\n");
    b.append("  \"millis\": ").append(r.millis()).append(",\n");
    b.append("  \"replay\": ").append(Json.str(TextReport.replayCommand(r))).append(",\n");
    b.append("  \"suites\": [\n");
    for (int i = 0; i < r.suites().size(); i++) {
      SuiteResult s = r.suites().get(i);
      b.append("    {\"id\": ").append(Json.str(s.suite().id()))
          .append(", \"rule\": ").append(Json.str(s.suite().rule()))
          .append(", \"verdict\": ").append(Json.str(s.verdict().name()))
          .append(", \"scenarios\": [\n");
      for (int j = 0; j < s.scenarios().size(); j++) {
        ScenarioResult sc = s.scenarios().get(j);
        b.append("      {\"name\": ").append(Json.str(sc.scenario().name()))
            .append(", \"verdict\": ").append(Json.str(sc.verdict().name()))
            .append(", \"millis\": ").append(sc.millis());
        if (sc.note() != null) {
          b.append(", \"note\": ").append(Json.str(sc.note()));
        }
        failure(b, sc.failure(), sc.trace(), sc.shrunkFrom());
        b.append(j + 1 < s.scenarios().size() ? "},\n" : "}\n");
      }
      b.append(i + 1 < r.suites().size() ? "    ]},\n" : "    ]}\n");
    }
    b.append("  ],\n");
    CampaignResult c = r.campaign();
    b.append("  \"campaign\": {\"verdict\": ").append(Json.str(c.verdict().name()))
        .append(", \"steps\": ").append(c.steps()).append(", \"agents\": ").append(c.episodes())
        .append(", \"seed\": ").append(c.seed()).append(", \"millis\": ").append(c.millis());
    if (c.note() != null) {
      b.append(", \"note\": ").append(Json.str(c.note()));
    }
    if (c.kind() != null) {
      b.append(", \"kind\": ").append(Json.str(c.kind()));
    }
    failure(b, c.failure(), c.trace(), c.shrunkFrom());
    b.append("}");
    CampaignResult l = r.layer();
    if (l != null) {
      b.append(",\n  \"layer\": {\"verdict\": ").append(Json.str(l.verdict().name()))
          .append(", \"steps\": ").append(l.steps()).append(", \"agents\": ").append(l.episodes())
          .append(", \"seed\": ").append(l.seed()).append(", \"millis\": ").append(l.millis());
      if (l.note() != null) {
        b.append(", \"note\": ").append(Json.str(l.note()));
      }
      failure(b, l.failure(), l.trace(), l.shrunkFrom());
      b.append("}");
    }
    b.append("\n}\n");
    return b.toString();
  }

  private static void failure(StringBuilder b, Failure f, List<String> trace, int from) {
    if (f == null) {
      return;
    }
    b.append(", \"failure\": {\"step\": ").append(f.step())
        .append(", \"request\": ").append(Json.str(f.request()))
        .append(", \"linux\": ").append(Json.str(f.expected()))
        .append(", \"agent\": ").append(Json.str(f.got()))
        .append(", \"message\": ").append(Json.str(f.message()))
        .append(", \"shrunk_from\": ").append(from)
        .append(", \"trace\": [").append(trace.stream().map(Json::str)
            .collect(Collectors.joining(", "))).append("]}");
  }
}
