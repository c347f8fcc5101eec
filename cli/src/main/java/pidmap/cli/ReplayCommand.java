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
import pidmap.trace.CannotWriteException;
import pidmap.trace.TraceFiles;
import pidmap.trace.TraceLine;
import pidmap.trace.TraceReader;

/**
 * {@code pidmap replay}: runs a trace through the differential engine (model and impl in
 * lockstep, invariants after every step, the trace's expects checked against the model) and
 * stops at the first step that fails. The trace streams: memory does not grow with its length.
 * Not thread-safe: picocli fills its fields for one run.
 */
@Command(name = "replay",
    header = "Replays a trace on the model and the impl; exit 1 at the first failing step.",
    description = "Replays a trace (JSON Lines, docs/DESIGN.md) on the reference model and the"
        + " impl, checking every step, every invariant and every \"expect\". Flags override the"
        + " trace's config line. A failure prints what was expected and what came, and writes"
        + " the steps up to it to a file under --out that replays it. A pid-layer trace (first"
        + " line {\"op\":\"layer_config\",...}, docs/PID_LAYER.md) replays on the layer model"
        + " and impl; only --profile applies, and it prints text.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every step conforms",
        "1:a divergence, a failed invariant or an unmet expect (the step is named)",
        "2:malformed trace, bad flags, or fewer steps than --require-steps",
        "3:internal error (a bug in pidmap)"})
final class ReplayCommand implements Callable<Integer> {
  private final InputStream stdin;

  @Spec private CommandSpec spec;

  @Mixin private GeometryOptions flags;

  @Mixin private ReportOptions report;

  @Option(names = {"-q", "--quiet"},
      description = "text: print only the verdict (progress still goes to standard error)")
  private boolean quiet;

  @Option(names = "--require-steps", paramLabel = "N", defaultValue = "0",
      description = "fail (exit 2) when the trace has fewer than N steps, e.g. a truncated"
          + " file (default: 0; an empty trace is then only warned about)")
  private long requireSteps;

  @Parameters(paramLabel = "FILE|-", description = "the trace; - reads standard input")
  private String file;

  ReplayCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (requireSteps < 0) {
      throw new BadInputException("--require-steps: " + requireSteps
          + " (expected: --require-steps >= 0)");
    }
    LayerTraceInput layer = LayerTraceInput.peek(file, stdin);
    if (layer.isLayer()) {
      if (!report.text()) {
        throw new BadInputException("--format: " + report.format.id() + " (expected: text; a"
            + " layer trace's replay prints text only)");
      }
      return layer.replay(flags, quiet, out, report.outputDir());
    }
    try (TraceInput input = TraceInput.open(file, layer.stdin())) {
      TraceReader reader = input.reader();
      TraceSettings settings = TraceSettings.of(reader, flags);
      DifferentialEngine engine = new DifferentialEngine(settings.geometry(), settings.profile());
      ReplayRun run = new ReplayRun(input.name(), settings);
      Ticker ticker = Ticker.every2s(err);
      boolean steps = report.text() && !quiet;
      while (reader.hasNext()) {
        TraceLine line = reader.next();
        StepResult step = engine.step(line.op(), line.expect());
        run.record(step, line);
        if (steps) {
          out.println(Reports.stepLine(step, line));
        }
        if (!step.ok()) {
          break;
        }
        if (ticker.due()) {
          ticker.say(String.format(java.util.Locale.ROOT, "replay: %d steps (line %d),"
              + " %.0f steps/s", engine.steps(), line.line(), engine.steps() / ticker.elapsed()));
        }
      }
      run.finish(ticker.elapsed());
      if (run.failed()) {
        writePrefix(run, input);
      } else if (engine.steps() < requireSteps) {
        throw new BadInputException("steps: " + engine.steps() + " in " + input.name()
            + " (expected: at least --require-steps = " + requireSteps
            + "; is the file empty or truncated?)");
      } else if (engine.steps() == 0) {
        err.println("warning: " + input.name() + " has no steps (empty, or only comments and"
            + " a config line): nothing was checked; --require-steps N makes this an error");
      }
      new ReplayOutput(out, report.format).print(run, input);
      return run.failed() ? Main.FAILS : Main.CONFORMS;
    }
  }

  /** Writes the failing run's prefix under --out; a failure to write is said, never thrown. */
  private void writePrefix(ReplayRun run, TraceInput input) {
    try {
      Path source = input.replayable();
      Path target = report.outputDir().newFile("prefix-" + stem(input.name()) + "-line"
          + run.failingLine().line());
      run.prefixWritten(TraceFiles.writePrefix(source, run.failingLine().line(),
          run.settings().asConfig(), target));
    } catch (CannotWriteException | IllegalStateException e) {
      run.prefixNotWritten(e.getMessage());
    }
  }

  /** {@code wrong-on-purpose} for {@code traces/wrong-on-purpose.jsonl}. */
  static String stem(String name) {
    String base = Path.of(name).getFileName() == null ? name : Path.of(name).getFileName().toString();
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }
}
