package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Profile;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerTraceFile;

/**
 * The stored process-level recordings of the running kernel (src/test/resources/kernel-layer-traces,
 * written by {@code pidmap kernel record --layer}; every expect is the kernel's reply): each
 * replays through the linux-6 layer model and impl with every expect met, on any machine.
 *
 * <p>This is the independent judge of the driver code the model and the impl share (process
 * rules, sessions, forks, namespace calls): a bug there is written once for both sides, so the
 * model-vs-impl comparison cannot see it, and the live-kernel lockstep only runs where the
 * machine allows it. Each twin below breaks one shared rule on both sides at once and the
 * recordings catch it.
 */
class KernelLayerRecordingsTest {
  static final Path DIR = Path.of("src", "test", "resources", "kernel-layer-traces");

  static List<Path> recordings() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  static LayerTraceFile.Trace read(Path p) throws IOException {
    return LayerTraceFile.parse(Files.readAllLines(p, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void everyKernelAnswerIsTheModelsAndTheImpls(Path file) throws IOException {
    LayerTraceFile.Trace t = read(file);
    assertThat(t.config().profile()).isEqualTo(Profile.LINUX_6);
    long expects = t.lines().stream().filter(l -> l.expect() != null).count();
    assertThat(expects).as("expects in %s", file).isGreaterThan(400);
    LayerReplay.Outcome o = LayerReplay.run(t.config(), ImplPidLayer::new, t.lines(), s -> { });
    assertThat(o.failure()).as("%s", file).isNull();
    assertThat(o.steps()).isEqualTo(t.lines().size());
  }

  /** What the recordings hold: every process-level operation and every kind of kernel answer. */
  @Test
  void theRecordingsReachEveryOperationAndAnswer() throws IOException {
    TreeMap<String, Integer> ops = new TreeMap<>();
    TreeMap<String, Integer> answers = new TreeMap<>();
    for (Path p : recordings()) {
      for (LayerTraceFile.Line l : read(p).lines()) {
        ops.merge(l.op().kind().wire(), 1, Integer::sum);
        if (l.expect() != null) {
          String a = l.expect().replaceAll("[ /].*", "").replaceAll("^[tn][0-9]+$", "new");
          answers.merge(a, 1, Integer::sum);
        }
      }
    }
    System.out.println("kernel layer recordings: ops " + ops + ", answers " + answers);
    assertThat(ops.keySet()).contains("fork", "exit", "reap", "setns", "unshare", "set_last_pid",
        "set_pid_max", "setpgid", "setsid", "find_task_by_vpid");
    assertThat(answers.keySet()).contains("ok", "new", "null", "EINVAL", "EPERM", "ENOMEM",
        "EAGAIN", "EEXIST");
  }

  /** Orphans always go to the root's init, never to their namespace's child reaper. */
  static final class OrphansGoToTheRootInit extends Processes {
    OrphansGoToTheRootInit(LayerDriver d) {
      super(d);
    }

    @Override
    Task reaperIn(PidNs ns) {
      return layer.initTask();
    }
  }

  static Stream<Arguments> sharedTwins() {
    return Stream.of(
        Arguments.of(Named.of("orphans go to the root's init",
            (Function<LayerDriver, Processes>) OrphansGoToTheRootInit::new)),
        Arguments.of(Named.of("lookups in pid_ns_for_children (issue 13's unshare bug)",
            (Function<LayerDriver, Processes>)
                BrokenProcessRulesAreCaughtTest.LookupsInTheUnsharedNamespace::new)),
        Arguments.of(Named.of("no init for a pid numbered 1",
            (Function<LayerDriver, Processes>)
                BrokenProcessRulesAreCaughtTest.ForkNeverMakesAnInit::new)),
        Arguments.of(Named.of("unshare(CLONE_NEWPID) always allowed",
            (Function<LayerDriver, Processes>)
                BrokenProcessRulesAreCaughtTest.UnshareAlwaysAllowed::new)),
        Arguments.of(Named.of("setns anywhere",
            (Function<LayerDriver, Processes>) BrokenProcessRulesAreCaughtTest.SetnsAnywhere::new)),
        Arguments.of(Named.of("exit frees a leader's numbers before the reap",
            (Function<LayerDriver, Processes>) ZombiesAndReapingTest.ExitReleasesBeforeTheReap::new)),
        Arguments.of(Named.of("setpgid joins a group the caller cannot see",
            (Function<LayerDriver, Processes>) InvisibleGroupTest.SetpgidJoinsAnInvisibleGroup::new)));
  }

  /**
   * Each twin runs on the model and the impl alike, so they agree with each other at every step;
   * only the kernel's recorded answers show it wrong.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedTwins")
  void aSharedDriverBugIsCaughtByTheKernelsAnswers(Function<LayerDriver, Processes> rules)
      throws IOException {
    LayerEngine.Failure caught = null;
    String where = null;
    for (Path p : recordings()) {
      LayerTraceFile.Trace t = read(p);
      LayerReplay.Outcome o = LayerReplay.run(
          new LayerEngine(t.config(), ImplPidLayer::new, rules, rules), t.lines(), s -> { });
      if (!o.ok()) {
        caught = o.failure();
        where = p.getFileName() + " line " + o.failingLine();
        break;
      }
    }
    assertThat(caught).as("no recording caught it").isNotNull();
    System.out.println("caught in " + where + ": " + caught);
    // an unmet kernel answer, or an invariant the wrong rule breaks; never a model-vs-impl
    // difference, since both sides run the same twin
    assertThat(caught.kind()).isIn(LayerEngine.Failure.Kind.EXPECT,
        LayerEngine.Failure.Kind.INVARIANT);
  }
}
