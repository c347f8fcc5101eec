package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.cli.CliRun.run;
import static pidmap.cli.CliRun.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * replay and shrink take pid-layer traces (a layer_config line, then the vocabulary of
 * docs/PID_LAYER.md with expects). The trace under test is the linux-6 unshare scenario with the
 * running kernel's answers as expects; under the seed's profile its unshare is EINVAL.
 */
class LayerTraceCommandsTest {

  private static final String UNSHARE = "layer/unshare-linux6.jsonl";
  private static final Pattern REPLAY = Pattern.compile("replay it: \\./pidmap replay (\\S+)");

  @Test
  void aLayerTraceReplaysWithEveryExpectMet() {
    CliRun r = run("replay", trace(UNSHARE).toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("line 4: #2 unshare t1 CLONE_NEWPID -> n2")
        .contains("layer steps conform (9 expects met), profile linux-6");
  }

  @Test
  void underTheSeedProfileItFailsAtTheUnshareAndWritesAFileThatReplays() throws IOException {
    CliRun r = run("replay", "--quiet", "--profile", "linux-2.6.24", trace(UNSHARE).toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("line 4 of ").contains(
        "expected [n2], the model answered [EINVAL]");
    Matcher m = REPLAY.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    Path file = Path.of(m.group(1));
    try {
      assertThat(Files.readAllLines(file)).hasSize(4).first().asString()
          .contains("\"profile\":\"linux-2.6.24\"");
      CliRun again = run("replay", "--quiet", file.toString());
      assertThat(again.exit()).isEqualTo(1);
      assertThat(again.out()).contains("expected [n2], the model answered [EINVAL]");
      Files.deleteIfExists(Path.of(again.out().replaceAll("(?s).*replay it: \\./pidmap replay ",
          "").strip()));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void shrinkPrintsTheFewestLinesThatFailTheSameWay() throws IOException {
    CliRun r = run("shrink", "--profile", "linux-2.6.24", trace(UNSHARE).toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines()).hasSize(3); // the config, fork t1, the unshare
    assertThat(r.outLines().get(2)).contains("\"unshare\"").contains("\"expect\":\"n2\"");
    Path file = Files.createTempFile("pidmap-layer-shrunk-", ".jsonl");
    try {
      Files.writeString(file, r.out());
      CliRun again = run("replay", "--quiet", file.toString());
      assertThat(again.exit()).isEqualTo(1);
      assertThat(again.out()).contains("expected [n2], the model answered [EINVAL]");
      Files.deleteIfExists(Path.of(again.out().replaceAll("(?s).*replay it: \\./pidmap replay ",
          "").strip()));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aLayerTraceOnStandardInputReplays() throws IOException {
    String text = "# a comment, then a blank line\n\n" + Files.readString(trace(UNSHARE));
    CliRun r = CliRun.withStdin(text, "replay", "--quiet", "-");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("layer steps conform");
  }

  @Test
  void aConformingLayerTraceHasNothingToShrink() {
    CliRun r = run("shrink", trace(UNSHARE).toString());
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("nothing to shrink");
  }

  @Test
  void aGeometryFlagOnALayerTraceIsOneLineAndExitTwo() {
    CliRun r = run("replay", "--pid-max", "9", trace(UNSHARE).toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1).first().asString()
        .contains("a layer trace takes only --profile");
  }

  @Test
  void aBadLayerOpNamesItsLine() throws IOException {
    Path file = Files.createTempFile("pidmap-bad-layer-", ".jsonl");
    try {
      Files.writeString(file, Files.readString(trace(UNSHARE)).replace("\"op\":\"reap\"",
          "\"op\":\"reaped\""));
      CliRun r = run("replay", file.toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err().lines()).hasSize(1).first().asString().contains("11").contains("reaped");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The example of docs/PID_LAYER.md ("Layer trace files") replays with every expect met. */
  @Test
  void theDocumentedExampleReplays() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "PID_LAYER.md"));
    int from = doc.indexOf("{\"op\":\"layer_config\"");
    String example = doc.substring(from, doc.indexOf("```", from));
    CliRun r = CliRun.withStdin(example, "replay", "--quiet", "-");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("(4 expects met)");
  }
}
