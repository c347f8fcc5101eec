package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.cli.CliRun.run;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyCommandTest {

  @Test
  void aQuickCampaignPassesAndPrintsTheTableAndTheVerdict() {
    CliRun r = run("verify", "--quick", "--seed", "7");
    assertThat(r.exit()).as(r.out()).isEqualTo(0);
    List<String> lines = r.outLines();
    assertThat(lines.get(0)).matches("check +geometry/profile +cases +steps +result +time");
    // six explorer rows (three scopes, two profiles), where the counts are states and transitions
    assertThat(lines.subList(1, 7)).allSatisfy(l -> assertThat(l)
        .matches("explore  +.* / linux-(2\\.6\\.24|6) +\\d+ states +\\d+ transitions  pass +\\d+\\.\\d s"));
    assertThat(lines.subList(7, 15)).allSatisfy(l -> assertThat(l)
        .matches("differential  .* / linux-(2\\.6\\.24|6) +20 traces +20000 steps  pass +\\d+\\.\\d s"));
    assertThat(lines.get(15)).matches("pid layer  +model vs impl, generated layer traces of 300 ops"
        + " +10 traces +\\d+ steps  pass +\\d+\\.\\d s");
    // The kernel row runs where PID namespaces are allowed and says why not elsewhere.
    assertThat(lines.get(16)).matches("kernel  +the running kernel / linux-6 +"
        + "(\\d+ traces +2000 steps  pass|0 traces +0 steps  skip) +\\d+\\.\\d s");
    assertThat(lines.get(17)).matches("kernel  +the running kernel, nested namespace / pid layer"
        + " linux-6 +(5 traces +400 steps  pass|0 traces +0 steps  skip) +\\d+\\.\\d s");
    int skipped = (lines.get(16).contains("skip") ? 1 : 0) + (lines.get(17).contains("skip") ? 1 : 0);
    assertThat(lines).hasSize(19 + skipped);
    assertThat(lines.get(lines.size() - 1)).matches("PASS: 17 checks"
        + (skipped > 0 ? " \\(" + skipped + " skipped\\)" : "")
        + ", \\d+ states and \\d+ transitions explored, \\d+ traces, \\d+ steps in \\d+\\.\\d s"
        + " \\(seed 7\\)");
    assertThat(r.err()).startsWith("pidmap verify: quick, 17 checks, seed 7; files go to"
        + " target/pidmap\n[1/17] explore 4/2/8 pid_max 3..8, every reachable state / linux-2.6.24\n");
    // every row says which of how many it is, and after it how long the rest should take
    assertThat(r.err()).containsPattern("\n\\[1/17\\] pass in \\d+\\.\\d s; \\d+ s so far,"
        + " about \\d+ s to go \\(16 rows, from the pace so far\\)\n");
    assertThat(r.err()).containsPattern("\n\\[17/17\\] (pass|skip) in \\d+\\.\\d s; \\d+ s so far\n");
  }

  @Test
  void quickAndDeepExcludeEachOther() {
    CliRun r = run("verify", "--quick", "--deep");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("Error: --quick, --deep are mutually exclusive");
  }
}
