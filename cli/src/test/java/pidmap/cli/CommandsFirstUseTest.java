package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.cli.CliRun.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Issue 17's commands a user looks for: every command answers {@code -V} and {@code --help},
 * {@code bench} has a usage of its own, shell completion is generated, and the top-level help
 * says what pidmap is.
 */
class CommandsFirstUseTest {

  /** Every command's words, e.g. {@code [kernel, check]}, from the tree picocli builds. */
  static Stream<List<String>> everyCommand() {
    List<List<String>> all = new ArrayList<>();
    collect(Main.commandLine(System.in), new ArrayList<>(), all);
    return all.stream();
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> all) {
    all.add(List.copyOf(path));
    cl.getSubcommands().forEach((name, sub) -> {
      List<String> p = new ArrayList<>(path);
      p.add(name);
      collect(sub, p, all);
    });
  }

  private static String[] with(List<String> words, String... more) {
    List<String> a = new ArrayList<>(words);
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void everyCommandPrintsTheVersionForDashV(List<String> command) {
    CliRun r = run(with(command, "-V"));
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(Version.LINE + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void everyCommandHasAHelpWithItsExitCodes(List<String> command) {
    CliRun r = run(with(command, "--help"));
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith(command.isEmpty() ? "Usage: pidmap" : "").contains("Usage: ")
        .contains("Exit codes");
    assertThat(run(with(command, "-h")).out()).isEqualTo(r.out());
  }

  @Test
  void benchHasItsOwnUsageAndRefusesABadFlagWithTwo() {
    CliRun help = run("bench", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: pidmap bench [-hV] [--dry-run] [--quick]");
    CliRun bad = run("bench", "--frob");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).startsWith("Unknown option: '--frob'");
    assertThat(run("--help").out()).contains("  bench  ");
  }

  @Test
  void benchSaysWhatItWouldRunAndNeedsTheLauncherToRunIt() {
    CliRun dry = run("bench", "--quick", "--dry-run", "--jmh", "-prof gc", "AllocFree");
    assertThat(dry.exit()).isZero();
    assertThat(dry.outLines().get(0)).endsWith("-jar ./bench/target/benchmarks.jar -f 1 -wi 2 -i 3"
        + " -w 1s -r 1s AllocFree -prof gc -rf json -rff ./bench/target/jmh-result.json");
    assertThat(dry.outLines()).hasSize(3);
    CliRun real = run("bench", "--quick");
    assertThat(real.exit()).isEqualTo(2);
    assertThat(real.err()).startsWith("bench: run it as ./pidmap bench");
  }

  @Test
  void completionIsGeneratedForEveryCommand() {
    CliRun r = run("completion");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("complete -F _complete_pidmap", "replay", "shrink", "verify",
        "kernel", "bench", "--require-steps", "--only");
  }

  @Test
  void theTopLevelHelpSaysBothProfilesExitCodeFourAndTheGeometryNotation() {
    String help = run("--help").out();
    assertThat(help).contains("kernel/pid.c", "Linux 2.6.24", "linux-6",
        "https://github.com/torvalds/linux/blob/v2.6.24/kernel/pid.c",
        "  4   kernel only: this machine does not allow the oracle",
        "B/R/L pid_max P", "32768/300/4194304 pid_max 32768");
    assertThat(run("verify", "--help").out()).doesNotContain("randomized differential campaign")
        .contains("explorer", "pid layer", "running kernel", "--only", "--profile", "--format");
  }
}
