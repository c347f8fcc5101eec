package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.cli.CliRun.run;

import org.junit.jupiter.api.Test;

class ExploreCommandTest {

  @Test
  void aSmallScopeIsExploredToTheEndAndPasses() {
    CliRun r = run("explore", "--pid-max-limit", "8", "--pid-max", "6", "--profile", "linux-6");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).matches("explore 4/2/8 pid_max 6 +linux-6 +280 states +\\d[\\d,]* transitions"
        + "  enumerated .* PASS\n");
    assertThat(r.err()).startsWith("pidmap explore: 4/2/8 pid_max 6 / linux-6, every state (280)\n");
  }

  @Test
  void aDepthBoundGoesBreadthFirst() {
    CliRun r = run("explore", "--every-pid-max", "--depth", "2");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("4/2/16 pid_max 3..16 depth<=2").contains("depth  2");
  }

  @Test
  void theSeedsLastPidRaceFailsWithItsInterleavingAndTheCommandThatReproducesIt() {
    CliRun r = run("explore", "--interleave", "--threads", "2", "--ops", "3",
        "--last-pid-update", "seed");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("LAST-1   last_pid never moves backward")
        .contains("BROKEN in 16 steps")
        .contains("| Thread 1")
        .contains("(then, what it costs)")
        .endsWith("reproduce: ./pidmap explore --interleave --threads 2 --ops 3"
            + " --last-pid-update seed --profile linux-2.6.24 --bits-per-page 4 --reserved 1"
            + " --pid-max-limit 8 --pid-max 8\n");
  }

  @Test
  void theKernelsUpdateIsCleanInTheSameScope() {
    CliRun r = run("explore", "--interleave", "--threads", "2", "--ops", "2",
        "--last-pid-update", "pid-before");
    assertThat(r.exit()).as(r.out()).isEqualTo(0);
    assertThat(r.out()).startsWith("explore --interleave 2 threads x 2 ops").contains("PASS");
  }

  @Test
  void badFlagsAreRefusedInOneLine() {
    CliRun threads = run("explore", "--threads", "3");
    assertThat(threads.exit()).isEqualTo(2);
    assertThat(threads.err()).isEqualTo("--threads: only with --interleave\n");
    CliRun many = run("explore", "--interleave", "--threads", "9");
    assertThat(many.exit()).isEqualTo(2);
    assertThat(many.err()).endsWith("threads: 9 (expected: 1 <= threads <= 4)\n");
    CliRun limit = run("explore", "--pid-max-limit", "40");
    assertThat(limit.exit()).isEqualTo(2);
    assertThat(limit.err()).isEqualTo("pid_max_limit: 40 (expected: 3 <= pid_max_limit <= the"
        + " explorer's encoding = 32)\n");
    CliRun update = run("explore", "--interleave", "--last-pid-update", "cas");
    assertThat(update.exit()).isEqualTo(2);
    assertThat(update.err()).endsWith("--last-pid-update: cas (expected: seed or pid-before)\n");
    CliRun out = run("explore", "--interleave", "--out", "target/x");
    assertThat(out.exit()).isEqualTo(2);
    assertThat(out.err()).isEqualTo("--out: not with --interleave (it prints its interleaving and"
        + " writes no file)\n");
  }

  @Test
  void helpNamesEveryModeAndExitCode() {
    CliRun r = run("explore", "-h");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("--interleave").contains("--vs-spin").contains("--out=DIR")
        .contains("2   bad flags, or spin missing for --vs-spin");
  }
}
