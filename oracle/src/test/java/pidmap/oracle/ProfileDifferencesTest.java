package pidmap.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.PidAllocator;
import pidmap.spec.Profile;
import pidmap.trace.Expect;

/**
 * docs/PROFILES.md, checked: every state in which linux-2.6.24 and linux-6 allocate differently
 * is one of the documented differences (found exhaustively on a three-page geometry), and each
 * documented trace conforms to linux-6, fails on linux-2.6.24 at the stated step, appears in
 * the document verbatim, and is what the live kernel answers.
 */
class ProfileDifferencesTest {

  /** The documented traces: file, the step where linux-2.6.24 answers otherwise, and its answer. */
  static Stream<Arguments> documentedTraces() {
    return Stream.of(
        Arguments.of("floor.jsonl", 5, "ENOMEM"),
        Arguments.of("freed-last-pid.jsonl", 8, "ENOMEM"),
        Arguments.of("errno.jsonl", 4, "ENOMEM"));
  }

  @Test
  void everyDifferenceBetweenTheProfilesIsADocumentedOne() {
    // bits_per_page 4, reserved 2, pid_max_limit 12: three pages, every pid_max from 3 to 12,
    // every allocated set of pids 1..11, every last_pid in [0, pid_max].
    Geometry g = new Geometry(4, 2, 12, 12);
    int r = g.reservedPids();
    Map<String, Integer> found = new TreeMap<>();
    for (int set = 0; set < 1 << (g.pidMaxLimit() - 1); set++) {
      ModelPidAllocator six = holding(g, Profile.LINUX_6, set);
      ModelPidAllocator seed = holding(g, Profile.LINUX_2_6_24, set);
      for (int pidMax = g.pidMaxMin(); pidMax <= g.pidMaxLimit(); pidMax++) {
        for (int last = 0; last <= pidMax; last++) {
          int a6 = probe(six, pidMax, last);
          int a24 = probe(seed, pidMax, last);
          if (a6 == a24) {
            continue;
          }
          String kind = null;
          if (a24 == PidAllocator.NO_PID && a6 != PidAllocator.NO_PID && a6 <= last
              && a6 < r && last + 1 <= r) {
            kind = "floor: below RESERVED_PIDS while the cursor is at most RESERVED_PIDS";
          } else if (a24 == PidAllocator.NO_PID && a6 == last && last >= r) {
            kind = "freed last_pid handed out again";
          }
          assertThat(kind)
              .as("undocumented difference: allocated %s, pid_max %d, last_pid %d:"
                  + " linux-6 answers %d, linux-2.6.24 answers %d",
                  six.allocated(), pidMax, last, a6, a24)
              .isNotNull();
          found.merge(kind, 1, Integer::sum);
        }
      }
    }
    assertThat(found).hasSize(2); // both differences occur: the check is not vacuous
  }

  /** A model of {@code profile} holding pid 0 and the pids of {@code set} (bit i-1 = pid i). */
  private static ModelPidAllocator holding(Geometry g, Profile profile, int set) {
    ModelPidAllocator m = new ModelPidAllocator(g, profile);
    for (int pid = 1; pid < g.pidMaxLimit(); pid++) {
      if ((set & 1 << (pid - 1)) != 0) {
        m.setLastPid(pid - 1);
        assertThat(m.alloc()).isEqualTo(pid);
      }
    }
    return m;
  }

  /** What alloc answers at this pid_max and last_pid; leaves the allocated set as it was. */
  private static int probe(ModelPidAllocator m, int pidMax, int last) {
    m.setPidMax(pidMax);
    m.setLastPid(last);
    int pid = m.alloc();
    if (pid != PidAllocator.NO_PID) {
      m.free(pid);
    }
    return pid;
  }

  @ParameterizedTest
  @MethodSource("documentedTraces")
  void documentedTraceConformsToLinux6(String file) throws IOException {
    TraceText t = TraceText.parse(lines(file));
    DifferentialEngine e = new DifferentialEngine(t.geometry(), Profile.LINUX_6);
    for (int i = 0; i < t.ops().size(); i++) {
      StepResult r = e.step(t.ops().get(i), t.expects().get(i));
      assertThat(r.ok()).as(r.toString()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("documentedTraces")
  void documentedTraceFailsOnTheSeedProfileAtTheStatedStep(String file, int step, String seed)
      throws IOException {
    TraceText t = TraceText.parse(lines(file));
    DifferentialEngine e = new DifferentialEngine(t.geometry(), Profile.LINUX_2_6_24);
    StepResult failed = null;
    for (int i = 0; i < t.ops().size() && failed == null; i++) {
      StepResult r = e.step(t.ops().get(i), t.expects().get(i));
      failed = r.ok() ? null : r;
    }
    assertThat(failed).as("linux-2.6.24 should fail this trace").isNotNull();
    assertThat(failed.index()).isEqualTo(step);
    assertThat(failed.failure().kind()).isEqualTo(StepResult.Failure.Kind.EXPECT);
    assertThat(failed.reference().toString()).isEqualTo(seed);
  }

  @ParameterizedTest
  @MethodSource("documentedTraces")
  void documentedTraceAppearsVerbatimInProfilesMd(String file) throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "PROFILES.md"), StandardCharsets.UTF_8);
    assertThat(doc).contains(String.join("\n", lines(file)));
  }

  @ParameterizedTest
  @MethodSource("documentedTraces")
  void documentedTraceIsWhatTheLiveKernelAnswers(String file) throws IOException {
    TraceText t = TraceText.parse(lines(file));
    List<Expect> kernel;
    try {
      kernel = KernelReplay.answers(t.geometry().defaultPidMax(), t.ops());
    } catch (KernelUnavailableException e) {
      KernelRequirement.skipOrFail(e);
      return;
    }
    assertThat(kernel).isEqualTo(t.expects());
  }

  static List<String> lines(String file) throws IOException {
    try (var in = ProfileDifferencesTest.class.getResourceAsStream("/profile-differences/" + file)) {
      assertThat(in).as("test resource " + file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).toList();
    }
  }
}
