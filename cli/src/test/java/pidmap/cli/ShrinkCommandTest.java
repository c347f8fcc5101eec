package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.cli.CliRun.run;
import static pidmap.cli.CliRun.trace;
import static pidmap.cli.CliRun.withStdin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShrinkCommandTest {

  private static final String SMALL =
      "{\"op\":\"config\",\"profile\":\"linux-2.6.24\",\"pid_max\":14,\"bits_per_page\":4,"
          + "\"reserved\":2,\"pid_max_limit\":16}";

  @Test
  void keepsOnlyTheStepsThatMakeLinuxAnswerAsItDid() {
    // Linux answers 6 after set_last 5; the trace says 7. The allocs, the free and the next
    // do not change that answer, so they go; set_last 5 stays, because without it Linux
    // would answer 1, a different disagreement.
    String trace = String.join("\n", SMALL,
        "{\"op\":\"alloc\",\"expect\":1}",
        "{\"op\":\"alloc\",\"expect\":2}",
        "{\"op\":\"free\",\"pid\":1,\"expect\":\"ok\"}",
        "{\"op\":\"next\",\"after\":0,\"expect\":2}",
        "{\"op\":\"set_last\",\"pid\":5}",
        "{\"op\":\"alloc\",\"expect\":7}",
        "{\"op\":\"alloc\",\"expect\":8}") + "\n";
    CliRun r = withStdin(trace, "shrink", "-");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines()).containsExactly(SMALL,
        "{\"op\":\"set_last\",\"pid\":5}",
        "{\"op\":\"alloc\",\"expect\":7}");
    assertThat(r.err()).matches("shrink: 6 lines up to the failing step of stdin; time limit 300 s"
        + " \\(--time-limit\\)\n"
        + "shrunk 6 steps to 2 \\(lines 6-7 of stdin\\) in \\d+\\.\\d s; step 2 fails: "
        + "expected 7 but the reference \\(linux-2\\.6\\.24\\) answers 6\n");
  }

  @Test
  void theShrunkTraceReplaysToTheSameFailure(@TempDir Path dir) throws IOException {
    String wrong = Files.readString(trace("freed-last-pid-not-retried.jsonl"))
        .replace("{\"op\":\"free\",\"pid\":350,\"expect\":\"ok\"}\n{\"op\":\"alloc\",\"expect\":350}",
            "{\"op\":\"free\",\"pid\":350,\"expect\":\"ok\"}\n{\"op\":\"alloc\",\"expect\":351}");
    Path in = Files.writeString(dir.resolve("t.jsonl"), wrong);
    CliRun r = run("shrink", in.toString());
    assertThat(r.exit()).isEqualTo(1);
    // Linux answers 350 only once every pid of [300, 400) but 350 is taken, and last_pid is
    // pid_max-1, so all 399 allocs stay; the ENOMEM alloc and the expects-only steps go.
    assertThat(r.outLines()).hasSize(1 + 399 + 2);
    assertThat(r.outLines().subList(400, 402)).containsExactly(
        "{\"op\":\"free\",\"pid\":350,\"expect\":\"ok\"}", "{\"op\":\"alloc\",\"expect\":351}");
    assertThat(r.err()).contains("\nshrunk 402 steps to 401 (lines 5-403, 405-406 of " + in + ")");
    Path min = Files.writeString(dir.resolve("min.jsonl"), r.out());
    CliRun replay = run("replay", "--quiet", min.toString());
    assertThat(replay.exit()).isEqualTo(1);
    assertThat(replay.outLines().get(0)).isEqualTo("FAIL at step 401 (" + min + " line 402): alloc");
    assertThat(replay.outLines().get(3)).isEqualTo(
        "  unmet expect: expected 351 but the reference (linux-2.6.24) answers 350");
    replay.outLines().stream().filter(l -> l.startsWith("reproduce: "))
        .forEach(l -> Path.of(l.split(" ")[3]).toFile().delete());
  }

  @Test
  void aConformingTraceHasNothingToShrink() {
    CliRun r = run("shrink", trace("last-pid-not-retried-at-wrap.jsonl").toString());
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("nothing to shrink: all 6 steps of "
        + trace("last-pid-not-retried-at-wrap.jsonl") + " conform\n");
  }

  @Test
  void aMalformedTraceExitsTwo() {
    CliRun r = withStdin("{\"op\":\"alloc\",\"expect\":1}\n{\"op\":\"next\",\"after\":true}\n",
        "shrink", "-");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("line 2: next needs \"after\" (an integer), got true\n");
  }
}
