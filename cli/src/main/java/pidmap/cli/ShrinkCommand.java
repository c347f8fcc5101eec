package pidmap.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.engine.shrink.TraceShrinker;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.TraceConfig;
import pidmap.trace.TraceLine;
import pidmap.trace.TraceReader;
import pidmap.trace.TraceWriter;

/**
 * {@code pidmap shrink}: for a trace that fails (an unmet expect, a divergence, an invariant),
 * prints a minimal trace that fails the same way ({@link TraceShrinker}): a short run on which
 * the trace's author and Linux agree at every step but the last, and disagree there exactly as
 * in the original. The lines up to the failure are held in memory while shrinking. Not
 * thread-safe: picocli fills its fields for one run.
 */
@Command(name = "shrink",     header = "Prints the shortest trace that fails like the given one.",
    description = "Shrinks a failing trace to the fewest lines that fail the same way at the"
        + " last line (same expect, same answers) and prints them on standard output (JSON"
        + " Lines, config line first). A pid-layer trace shrinks on the layer model and impl"
        + " (same kind, side and invariant, or the same unmet expect).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the trace conforms; nothing to shrink, nothing printed",
        "1:the trace fails; the minimal failing trace is printed",
        "2:malformed trace or bad flags"})
final class ShrinkCommand implements Callable<Integer> {
  private final InputStream stdin;

  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  private boolean help;

  @Mixin private GeometryOptions flags;

  @Parameters(paramLabel = "FILE|-", description = "the trace; - reads standard input")
  private String file;

  ShrinkCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Profile profile;
    Geometry geometry;
    List<TraceLine> prefix = new ArrayList<>();
    StepResult failed = null;
    String input;
    LayerTraceInput layer = LayerTraceInput.peek(file, stdin);
    if (layer.isLayer()) {
      return layer.shrink(flags, out, err);
    }
    try (TraceInput in = TraceInput.open(file, layer.stdin())) {
      input = in.name();
      TraceReader reader = in.reader();
      TraceConfig config = reader.config().overriddenBy(flags.asConfig());
      profile = config.resolvedProfile();
      geometry = config.geometry();
      DifferentialEngine engine = new DifferentialEngine(geometry, profile);
      while (failed == null && reader.hasNext()) {
        TraceLine line = reader.next();
        prefix.add(line);
        StepResult step = engine.step(line.op(), line.expect());
        failed = step.ok() ? null : step;
      }
      if (failed == null) {
        err.println("nothing to shrink: all " + engine.steps() + " steps of " + input
            + " conform");
        return Main.CONFORMS;
      }
    }
    List<TraceLine> shrunk =
        TraceShrinker.shrink(geometry, profile, BitmapPidAllocator::new, prefix);
    TraceWriter writer = new TraceWriter(out);
    writer.config(TraceConfig.of(profile, geometry));
    shrunk.forEach(writer::write);
    writer.flush();
    err.println("shrunk " + prefix.size() + " steps to " + shrunk.size() + " (lines "
        + ranges(shrunk) + " of " + input + "); step " + shrunk.size() + " fails: "
        + failed.failure().message());
    return Main.FAILS;
  }

  /** The kept line numbers with runs folded: {@code 5-403, 408}. */
  static String ranges(List<TraceLine> lines) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      int j = i;
      while (j + 1 < lines.size() && lines.get(j + 1).line() == lines.get(j).line() + 1) {
        j++;
      }
      b.append(b.length() == 0 ? "" : ", ").append(lines.get(i).line());
      if (j > i) {
        b.append('-').append(lines.get(j).line());
      }
      i = j + 1;
    }
    return b.toString();
  }
}
