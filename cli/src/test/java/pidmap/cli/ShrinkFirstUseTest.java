package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pidmap.cli.CliRun.run;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pidmap.engine.Apply;
import pidmap.engine.gen.TraceGenerator;
import pidmap.model.ModelPidAllocator;
import pidmap.oracle.KernelDivergence;
import pidmap.oracle.ScenarioKind;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Expect;
import pidmap.trace.Op;
import pidmap.trace.TraceWriter;
import pidmap.verify.KernelDivergenceFiles;

/**
 * Issue 17's shrink: a time limit and a stop print the best trace so far, progress goes to
 * standard error, and a kernel divergence is filed, shrunk and given its commands.
 */
class ShrinkFirstUseTest {

  @TempDir Path dir;

  /** A generated kernel-geometry trace, the model's answers as expects, the last alloc's wrong. */
  private Path longFailingTrace(int length) throws IOException {
    Geometry g = Geometry.KERNEL;
    List<Op> ops = new ArrayList<>(TraceGenerator.generate(g, Profile.LINUX_6, 11, length));
    ops.add(Op.alloc());
    ModelPidAllocator m = new ModelPidAllocator(g, Profile.LINUX_6);
    Path f = dir.resolve("long.jsonl");
    try (TraceWriter w = new TraceWriter(Files.newBufferedWriter(f))) {
      w.config(pidmap.trace.TraceConfig.of(Profile.LINUX_6, g));
      for (int i = 0; i < ops.size(); i++) {
        Expect e = Expect.of(Apply.run(ops.get(i), m));
        w.write(ops.get(i), i == ops.size() - 1 ? Expect.pid(e.pid() + 1) : e);
      }
    }
    return f;
  }

  @Test
  void aTimeLimitOfZeroPrintsTheFailingPrefixAndSaysSo() throws IOException {
    Path f = longFailingTrace(300);
    CliRun r = run("shrink", "--time-limit", "0", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("(time limit of 0 s reached: the best so far, not necessarily"
        + " the shortest)");
    CliRun again = run("replay", "--quiet", Files.writeString(dir.resolve("s.jsonl"), r.out())
        .toString());
    assertThat(again.exit()).isEqualTo(1);
  }

  @Test
  void shrinkReportsProgressOnStandardError() throws IOException {
    long before = Ticker.commandInterval;
    Ticker.commandInterval = 0;
    try {
      CliRun r = run("shrink", longFailingTrace(300).toString());
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).containsPattern("shrink: 301 lines -> \\d+ \\(deleting [a-z0-9 ]+;"
          + " [0-9,]+ model steps\\)\n");
    } finally {
      Ticker.commandInterval = before;
    }
  }

  @Test
  void aStoppedShrinkPrintsTheBestTraceSoFar() throws Exception {
    Path f = longFailingTrace(5_000);
    Process p = Subprocess.start(List.of(), dir, "shrink", f.toString());
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(),
        StandardCharsets.UTF_8));
    StringBuilder errText = new StringBuilder();
    for (String l = err.readLine(); l != null; l = err.readLine()) {
      errText.append(l).append('\n');
      if (l.startsWith("shrink: ")) {
        break; // the trace is read and the shrink begins
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread copy = new Thread(() -> {
      try {
        p.getInputStream().transferTo(out);
      } catch (IOException ignored) {
        // the process ended
      }
    });
    copy.start();
    TimeUnit.MILLISECONDS.sleep(200); // a shrink of 5,000 lines takes longer than that
    p.toHandle().destroy(); // SIGTERM, the streams left open
    for (String l = err.readLine(); l != null; l = err.readLine()) {
      errText.append(l).append('\n');
    }
    copy.join();
    p.waitFor(60, TimeUnit.SECONDS);
    Subprocess r = new Subprocess(p.exitValue(), out.toString(StandardCharsets.UTF_8),
        errText.toString());
    assertThat(r.out()).as(r.err()).startsWith("{\"op\":\"config\",\"profile\":\"linux-6\"");
    assertThat(r.err()).containsPattern("shrink stopped: the best trace so far, \\d+ steps");
    Path best = Files.writeString(dir.resolve("best.jsonl"), r.out());
    assertThat(run("replay", "--quiet", best.toString()).exit()).isEqualTo(1);
  }

  @Test
  void aKernelDivergenceIsWrittenShrunkAndGivenItsCommands() throws IOException {
    List<String> trace = new ArrayList<>();
    trace.add("{\"op\":\"config\",\"profile\":\"linux-6\",\"pid_max\":400,\"bits_per_page\":32768,"
        + "\"reserved\":300,\"pid_max_limit\":4194304}");
    for (int pid = 1; pid <= 5; pid++) {
      trace.add("{\"op\":\"alloc\",\"expect\":" + pid + "}");
    }
    trace.add("{\"op\":\"free\",\"pid\":3,\"expect\":\"ok\"}");
    trace.add("{\"op\":\"alloc\",\"expect\":7}"); // the kernel said 7 where linux-6 says 6
    KernelDivergence d = new KernelDivergence(ScenarioKind.CHURN, 42, 7,
        "the kernel answers 7 to alloc but linux-6 answers 6", trace);
    KernelDivergenceFiles.Filed filed = KernelDivergenceFiles.file(d,
        new pidmap.trace.OutputDir(dir.resolve("out")));
    assertThat(filed.file()).exists();
    assertThat(filed.shrunkFile()).exists();
    assertThat(Files.readAllLines(filed.shrunkFile())).hasSize(7); // config, allocs 1-5, the alloc
    assertThat(filed.report()).contains(
        "kernel divergence at step 7 of a churn scenario (scenario seed 42)",
        "replay: ./pidmap replay " + filed.shrunkFile(),
        "record the scenario again: ./pidmap kernel record --kind churn --seed 42 --steps 7"
            + " --pid-max 400");
    CliRun replay = run("replay", "--quiet", filed.shrunkFile().toString());
    assertThat(replay.exit()).isEqualTo(1);
    assertThat(replay.out()).contains("expected 7 but the reference (linux-6) answers 6");
  }
}
