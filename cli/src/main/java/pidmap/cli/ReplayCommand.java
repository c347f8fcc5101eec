package pidmap.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.TraceConfig;
import pidmap.trace.TraceFiles;
import pidmap.trace.TraceLine;
import pidmap.trace.TraceReader;

/**
 * {@code pidmap replay}: runs a trace through the differential engine (model and impl in
 * lockstep, invariants after every step, the trace's expects checked against the model) and
 * stops at the first step that fails. The trace streams: memory does not grow with its length.
 * Not thread-safe: picocli fills its fields for one run.
 */
@Command(name = "replay",     header = "Replays a trace on the model and the impl; exit 1 at the first failing step.",
    description = "Replays a trace (JSON Lines, see DESIGN.md) on the reference model and the"
        + " impl, checking every step, every invariant and every \"expect\". Flags override the"
        + " trace's config line. A pid-layer trace (first line {\"op\":\"layer_config\",...},"
        + " docs/PID_LAYER.md) replays on the layer model and impl; only --profile applies.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every step conforms",
        "1:a divergence, a failed invariant or an unmet expect (the step is named)",
        "2:malformed trace or bad flags"})
final class ReplayCommand implements Callable<Integer> {
  private final InputStream stdin;

  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  private boolean help;

  @Mixin private GeometryOptions flags;

  @Option(names = {"-q", "--quiet"}, description = "print only the summary (steps, steps/s)")
  private boolean quiet;

  @Parameters(paramLabel = "FILE|-", description = "the trace; - reads standard input")
  private String file;

  ReplayCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LayerTraceInput layer = LayerTraceInput.peek(file, stdin);
    if (layer.isLayer()) {
      return layer.replay(flags, quiet, out);
    }
    try (TraceInput input = TraceInput.open(file, layer.stdin())) {
      TraceReader reader = input.reader();
      TraceConfig config = reader.config().overriddenBy(flags.asConfig());
      Profile profile = config.resolvedProfile();
      Geometry geometry = config.geometry();
      DifferentialEngine engine = new DifferentialEngine(geometry, profile);
      long expects = 0;
      long start = System.nanoTime();
      while (reader.hasNext()) {
        TraceLine line = reader.next();
        StepResult step = engine.step(line.op(), line.expect());
        if (line.expect() != null) {
          expects++;
        }
        if (!quiet) {
          out.println(Reports.stepLine(step, line));
        }
        if (!step.ok()) {
          Path prefix = TraceFiles.writePrefix(input.replayable(), line.line(),
              TraceConfig.of(profile, geometry), TraceFiles.create("pidmap-prefix"));
          Reports.failure(out, step, line, input.name(), prefix);
          return Main.FAILS;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      out.println(Reports.summary(engine.steps(), expects, profile, geometry, seconds));
      return Main.CONFORMS;
    }
  }
}
