package pidmap.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.engine.shrink.ShrinkControl;
import pidmap.engine.shrink.TraceShrinker;
import pidmap.impl.BitmapPidAllocator;
import pidmap.trace.TraceLine;
import pidmap.trace.TraceReader;
import pidmap.trace.TraceWriter;

/**
 * {@code pidmap shrink}: for a trace that fails (an unmet expect, a divergence, an invariant),
 * prints a short trace that fails the same way ({@link TraceShrinker}): a run on which the
 * trace's author and Linux agree at every step but the last, and disagree there exactly as in
 * the original. Progress goes to standard error; a time limit or a stop (Ctrl-C, SIGTERM) prints
 * the best trace found so far. The lines up to the failure are held in memory while shrinking.
 * Not thread-safe: picocli fills its fields for one run.
 */
@Command(name = "shrink",
    header = "Prints a short trace that fails like the given one.",
    description = "Shrinks a failing trace to few lines that fail the same way at the last line"
        + " (same expect, same answers; every other kept line still passes) and prints them on"
        + " standard output (JSON Lines, config line first). Lines are only removed, never"
        + " changed. Progress goes to standard error; when the time limit is reached or the"
        + " run is stopped (Ctrl-C), the best trace so far is printed. A pid-layer trace shrinks"
        + " on the layer model and impl (same kind, side and invariant, or the same unmet"
        + " expect).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the trace conforms; nothing to shrink, nothing printed",
        "1:the trace fails; the shrunk trace is printed",
        "2:malformed trace or bad flags",
        "3:internal error (a bug in pidmap)"})
final class ShrinkCommand implements Callable<Integer> {
  private final InputStream stdin;

  @Spec private CommandSpec spec;

  @Mixin private GeometryOptions flags;

  @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "300",
      description = "stop after this long and print the best trace so far"
          + " (default: ${DEFAULT-VALUE}; 0 prints the failing prefix at once)")
  private double timeLimit;

  @Parameters(paramLabel = "FILE|-", description = "the trace; - reads standard input")
  private String file;

  ShrinkCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!(timeLimit >= 0)) {
      throw new BadInputException("--time-limit: " + timeLimit
          + " (expected: --time-limit >= 0 seconds)");
    }
    TraceSettings settings;
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
      settings = TraceSettings.of(reader, flags);
      DifferentialEngine engine = new DifferentialEngine(settings.geometry(), settings.profile());
      while (failed == null && reader.hasNext()) {
        TraceLine line = reader.next();
        prefix.add(line);
        StepResult step = engine.step(line.op(), line.expect());
        failed = step.ok() ? null : step;
      }
      if (failed == null) {
        err.println("nothing to shrink: all " + Reports.count(engine.steps(), "step") + " of "
            + input + " conform");
        return Main.CONFORMS;
      }
    }
    Ticker ticker = Ticker.every2s(err);
    ShrinkControl<TraceLine> control = new ShrinkControl<>(System::nanoTime,
        (long) Math.min(Long.MAX_VALUE, timeLimit * 1e9), ticker::say, Ticker.commandInterval);
    err.println("shrink: " + Reports.count(prefix.size(), "line") + " up to the failing step of "
        + input + "; time limit " + (long) timeLimit + " s (--time-limit)");
    err.flush();
    control.improved(prefix); // the failing prefix is the best so far until the shrinker finds less
    AtomicBoolean printed = new AtomicBoolean();
    TraceSettings s = settings;
    StepResult f = failed;
    Thread onStop = new Thread(() -> {
      control.stop();
      List<TraceLine> best = control.best();
      if (best != null && printed.compareAndSet(false, true)) {
        print(out, s, best);
        err.println("shrink stopped: the best trace so far, " + Reports.count(best.size(), "step")
            + " (lines " + ranges(best) + ")");
        err.flush();
      }
    }, "pidmap-shrink-stop");
    Runtime.getRuntime().addShutdownHook(onStop);
    List<TraceLine> shrunk;
    try {
      shrunk = TraceShrinker.shrink(settings.geometry(), settings.profile(),
          BitmapPidAllocator::new, prefix, control);
    } finally {
      removeHook(onStop);
    }
    if (!printed.compareAndSet(false, true)) {
      return Main.FAILS;
    }
    print(out, s, shrunk);
    String cut = control.cutShort() ? String.format(Locale.ROOT,
        " (time limit of %s s reached: the best so far, not necessarily the shortest)",
        trim(timeLimit)) : "";
    err.println(String.format(Locale.ROOT, "shrunk %s to %d (lines %s of %s) in %.1f s%s; step %d"
        + " fails: %s", Reports.count(prefix.size(), "step"), shrunk.size(), ranges(shrunk), input,
        ticker.elapsed(), cut, shrunk.size(), f.failure().message()));
    return Main.FAILS;
  }

  private static void print(PrintWriter out, TraceSettings settings, List<TraceLine> lines) {
    TraceWriter writer = new TraceWriter(out);
    writer.config(settings.asConfig());
    lines.forEach(writer::write);
    writer.flush();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: it printed the best so far
    }
  }

  private static String trim(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
  }

  /** Runs of kept lines shown before the rest is counted. */
  static final int RANGES_SHOWN = 12;

  /** The kept line numbers with runs folded: {@code 5-403, 408}; long lists end in a count. */
  static String ranges(List<TraceLine> lines) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    int shown = 0;
    while (i < lines.size()) {
      if (shown++ == RANGES_SHOWN) {
        return b.append(", ... (").append(lines.size() - i).append(" more lines)").toString();
      }
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
