package pidmap.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.spec.Profile;
import pidmap.trace.Expect;

/**
 * The stored kernel recordings (src/test/resources/kernel-traces): each conforms to the linux-6
 * model and impl on every step, and the running kernel, where it may be asked, still answers it
 * the same way.
 */
class KernelTracesReplayTest {
  static final Path DIR = Path.of("src", "test", "resources", "kernel-traces");

  static Stream<Path> traces() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreRecordingsOfEveryScenarioKind() throws IOException {
    List<String> names = traces().map(p -> p.getFileName().toString()).toList();
    for (ScenarioKind k : ScenarioKind.values()) {
      assertThat(names).anyMatch(n -> n.startsWith(k.id() + "-"));
    }
  }

  @ParameterizedTest
  @MethodSource("traces")
  void recordingConformsToTheLinux6ModelAndImpl(Path file) throws IOException {
    TraceText t = TraceText.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    assertThat(t.profile()).isEqualTo(Profile.LINUX_6);
    assertThat(t.ops()).hasSizeGreaterThan(100);
    DifferentialEngine e = new DifferentialEngine(t.geometry(), t.profile());
    for (int i = 0; i < t.ops().size(); i++) {
      assertThat(t.expects().get(i)).as("every recorded step has the kernel's answer").isNotNull();
      StepResult r = e.step(t.ops().get(i), t.expects().get(i));
      assertThat(r.ok()).as(file.getFileName() + " " + r).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("traces")
  void theRunningKernelStillAnswersTheRecording(Path file) throws IOException {
    TraceText t = TraceText.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    List<Expect> now;
    try {
      now = KernelReplay.answers(t.geometry().defaultPidMax(), t.ops());
    } catch (KernelUnavailableException e) {
      KernelRequirement.skipOrFail(e);
      return;
    }
    assertThat(now).isEqualTo(t.expects());
  }
}
