package pidmap.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.conformance.cli.CliRun.run;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyCommandTest {

  @Test
  void aQuickCampaignPassesAndPrintsTheTableAndTheVerdict() {
    CliRun r = run("verify", "--quick", "--seed", "7");
    assertThat(r.exit()).as(r.out()).isEqualTo(0);
    List<String> lines = r.outLines();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).matches("check +geometry/profile +traces +steps +result +time");
    assertThat(lines.subList(1, 5)).allSatisfy(l -> assertThat(l)
        .matches("differential  .* / linux-2\\.6\\.24 +20 +20000  pass +\\d+\\.\\d s"));
    assertThat(lines.get(5)).matches(
        "PASS: 4 checks, 80 traces, 80000 steps in \\d+\\.\\d s \\(seed 7\\)");
    assertThat(r.err()).startsWith(
        "pidmap verify: quick, 4 checks, 20 traces of 1000 steps each, seed 7\n");
  }

  @Test
  void quickAndDeepExcludeEachOther() {
    CliRun r = run("verify", "--quick", "--deep");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("Error: --quick, --deep are mutually exclusive");
  }
}
