package pidmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pidmap.engine.Apply;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.Profile;
import pidmap.trace.Expect;
import pidmap.trace.Op;
import pidmap.trace.Outcome;
import pidmap.trace.TraceConfig;
import pidmap.trace.TraceWriter;

/**
 * A 1,000,000-line trace replays in a JVM whose heap (32 MiB) could not hold it: the reader
 * streams. The trace is generated here, with every answer recorded as its expect by a model run
 * alongside. The summary line (with steps/s) is printed to the test log; it is a smoke number,
 * not a benchmark.
 */
class ReplayMillionLinesTest {

  static final int LINES = 1_000_000;

  @Test
  void aMillionLineTraceStreamsThroughASmallHeap(@TempDir Path dir) throws Exception {
    Geometry g = Geometry.small(64, 10, 200);
    Path trace = dir.resolve("million.jsonl");
    write(trace, g, LINES, 2024);
    assertThat(Files.size(trace)).isGreaterThan(20L * LINES);

    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "replay", "--quiet", trace.toString())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    // standard error has nothing but progress: "replay: N steps (line L), R steps/s"
    assertThat(Files.readAllLines(dir.resolve("err.txt"))).allSatisfy(l -> assertThat(l)
        .matches("replay: \\d+ steps \\(line \\d+\\), \\d+ steps/s"));
    System.out.println("1,000,000-line replay, -Xmx32m: " + out.strip());
    assertThat(p.exitValue()).as(out).isEqualTo(0);
    assertThat(out).startsWith("conforms: 1000000 steps, 1000000 expects met; linux-2.6.24, "
        + "64/10/256 pid_max 200;");
  }

  /** A random walk weighted like real use: allocs and frees of live pids, some edges. */
  static void write(Path file, Geometry g, int lines, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    InspectablePidAllocator model = new ModelPidAllocator(g, Profile.LINUX_2_6_24);
    List<Integer> live = new ArrayList<>();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        TraceWriter out = new TraceWriter(w)) {
      out.config(TraceConfig.of(Profile.LINUX_2_6_24, g));
      for (int i = 0; i < lines; i++) {
        int roll = rnd.nextInt(100);
        Op op = roll < 45 ? Op.alloc()
            : roll < 75 && !live.isEmpty() ? Op.free(live.get(rnd.nextInt(live.size())))
            : roll < 80 ? Op.free(rnd.nextInt(g.pidMaxLimit()))
            : roll < 90 ? Op.next(rnd.nextInt(g.pidMaxLimit()))
            : roll < 97 ? Op.setLast(rnd.nextInt(model.pidMax() + 1))
            : Op.setPidMax(rnd.nextInt(g.pidMaxMin(), g.pidMaxLimit() + 1));
        Outcome o = Apply.run(op, model);
        if (op.kind() == Op.Kind.ALLOC && o.kind() == Outcome.Kind.PID) {
          live.add(o.pid());
        } else if (op.kind() == Op.Kind.FREE && o.kind() == Outcome.Kind.OK) {
          live.remove(Integer.valueOf((int) op.arg()));
        }
        out.write(op, Expect.of(o));
      }
    }
  }
}
