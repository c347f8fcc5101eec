package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code verify --only}, {@code --profile} and the machine-readable formats. */
class VerifyRowsAndFormatsTest {

  @Test
  void onlyAndProfileSelectTheRows() {
    CliRun r = run("verify", "--quick", "--seed", "3", "--only", "differential", "--profile",
        "linux-6");
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.outLines().subList(1, 5)).allSatisfy(l -> assertThat(l)
        .matches("differential  .* / linux-6 +20 traces +20000 steps  pass +\\d+\\.\\d s"));
    assertThat(r.outLines()).hasSize(6);
    assertThat(r.err()).startsWith("pidmap verify: quick, 4 checks, seed 3, only differential,"
        + " profile linux-6;");
  }

  @Test
  void anUnknownRowIsRefusedWithTheKnownOnes() {
    CliRun r = run("verify", "--only", "differentail");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("--only: differentail (expected: one of explore, differential,"
        + " pid-layer, kernel, kernel-nested)\n");
  }

  @Test
  void jsonHasOneObjectWithEveryRow() throws Exception {
    CliRun r = run("verify", "--quick", "--seed", "3", "--only", "differential,pid-layer",
        "--profile", "linux-2.6.24", "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("command").asText()).isEqualTo("verify");
    assertThat(j.get("seed").asLong()).isEqualTo(3);
    assertThat(j.get("verdict").asText()).isEqualTo("pass");
    assertThat(j.get("rerun").asText()).isEqualTo("./pidmap verify --quick --only"
        + " differential,pid-layer --profile linux-2.6.24 --seed 3");
    assertThat(j.get("rows")).hasSize(5);
    JsonNode row = j.get("rows").get(0);
    assertThat(row.get("id").asText()).isEqualTo("differential");
    assertThat(row.get("profile").asText()).isEqualTo("linux-2.6.24");
    assertThat(row.get("target").asText()).isEqualTo("32768/300/4194304 pid_max 32768 / linux-2.6.24");
    assertThat(row.get("cases").asLong()).isEqualTo(20);
    assertThat(row.get("steps").asLong()).isEqualTo(20000);
    assertThat(row.get("result").asText()).isEqualTo("pass");
    assertThat(j.get("rows").get(4).get("profile").isNull()).isTrue();
  }

  @Test
  void junitHasOneTestCasePerRow() throws Exception {
    CliRun r = run("verify", "--quick", "--seed", "3", "--only", "differential", "--profile",
        "linux-6", "--format", "junit");
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    Element suite = d.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(4);
    assertThat(((Element) cases.item(1)).getAttribute("name"))
        .isEqualTo("differential 4/2/16 pid_max 14 / linux-6");
    assertThat(((Element) cases.item(1)).getAttribute("classname"))
        .isEqualTo("pidmap.verify.differential");
  }
}
