package pidmap.kit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import pidmap.kit.Agents;
import pidmap.kit.Conformance;
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.agent.ReusingFactory;
import pidmap.kit.suite.ShrinkBudget;
import pidmap.kit.suite.Suites;
import pidmap.spec.Profile;

/**
 * The three reports of one failing run (the agent that reuses freed pids at once): the table
 * names the failing suite and its first failure, the JSON parses and carries every verdict and
 * the shrunk trace, the JUnit XML parses with one test suite per suite and the failure in it.
 */
class ReportFormatsTest {
  static ConformReport report;

  @BeforeAll
  static void run() throws Exception {
    try (ReusingFactory agents =
        ProcessAgent.reusing(Agents.example("reuses-freed-at-once"), 1000)) {
      report = Conformance.run(agents, new Conformance.Plan("reuses", Profile.LINUX_6,
          Suites.select(List.of("cursor", "wrap")), 500, 7, ShrinkBudget.DEFAULT), l -> { });
    }
  }

  @Test
  void theTableHasOneRowPerSuiteAndTheFirstFailureInOneLine() {
    String text = TextReport.render(report);
    assertThat(text).contains("wrap ").containsPattern("cursor +3 +1 +0  FAIL +alloc: Linux pid 4,"
        + " the agent pid 2").contains("DOES NOT CONFORM: 1 of 2 suites failed, and the campaign")
        .contains("--replay trace.txt");
  }

  @Test
  void theJsonCarriesEveryVerdictAndTheShrunkTrace() throws Exception {
    JsonNode j = new ObjectMapper().readTree(JsonReport.render(report));
    assertThat(j.get("passed").asBoolean()).isFalse();
    assertThat(j.get("suites")).hasSize(2);
    JsonNode cursor = j.get("suites").get(1);
    assertThat(cursor.get("id").asText()).isEqualTo("cursor");
    assertThat(cursor.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(cursor.get("scenarios")).hasSize(3);
    JsonNode failure = cursor.get("scenarios").get(0).get("failure");
    assertThat(failure.get("linux").asText()).isEqualTo("pid 4");
    assertThat(failure.get("agent").asText()).isEqualTo("pid 2");
    assertThat(failure.get("trace").get(3).asText()).startsWith("alloc => pid 4");
    assertThat(j.get("campaign").get("verdict").asText()).isEqualTo("FAIL");
    assertThat(j.get("campaign").get("seed").asLong()).isEqualTo(7);
  }

  @Test
  void theJunitXmlHasATestSuitePerSuiteAndTheFailureInIt() throws Exception {
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
        new ByteArrayInputStream(JunitXmlReport.render(report).getBytes(StandardCharsets.UTF_8)));
    var suites = d.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(3); // wrap, cursor, campaign
    Element cursor = (Element) suites.item(1);
    assertThat(cursor.getAttribute("name")).isEqualTo("pidmap.conform.cursor");
    assertThat(cursor.getAttribute("tests")).isEqualTo("3");
    assertThat(cursor.getAttribute("failures")).isEqualTo("2");
    assertThat(cursor.getElementsByTagName("failure").item(0).getTextContent())
        .contains("free 2 => ok");
  }
}
