package pidmap.verify;

import java.nio.file.Path;
import java.util.function.Function;

import pidmap.engine.layer.LayerCheck;
import pidmap.engine.layer.LayerEngine;
import pidmap.engine.layer.LayerTraceGenerator;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.trace.CannotWriteException;
import pidmap.trace.layer.LayerTraceFile;

/**
 * The pid layer (struct pid, namespaces, tasks, lookups) as a verify row: generated layer traces
 * for seeds {@code seed .. seed+traces-1}, model against impl in lockstep ({@link LayerCheck}),
 * the first failure shrunk. Not thread-safe: one run at a time.
 */
public final class LayerRowCheck implements Check {
  private final int traces;
  private final int length;
  private final long seed;
  private final Function<LayerConfig, PidLayer> candidate;

  public LayerRowCheck(int traces, int length, long seed) {
    this(traces, length, seed, ImplPidLayer::new);
  }

  /** Against another candidate layer, e.g. a broken one in a test. */
  public LayerRowCheck(int traces, int length, long seed,
      Function<LayerConfig, PidLayer> candidate) {
    this.traces = traces;
    this.length = length;
    this.seed = seed;
    this.candidate = candidate;
  }

  @Override
  public String name() {
    return "pid layer";
  }

  @Override
  public String target() {
    return "model vs impl, generated layer traces of " + length + " ops";
  }

  @Override
  public long plannedSteps() {
    return (long) traces * length;
  }

  @Override
  public CheckResult run(Progress progress) {
    long steps = 0;
    for (int i = 0; i < traces; i++) {
      LayerTraceGenerator.Trace trace = LayerTraceGenerator.generate(seed + i, length);
      LayerEngine.Result[] result = new LayerEngine.Result[1];
      LayerCheck.Counterexample c = LayerCheck.check(trace, candidate, result);
      steps += result[0].steps();
      if (c != null) {
        return new CheckResult(i + 1, steps, failure(c, progress));
      }
      progress.update(this, i + 1, traces, steps);
    }
    return new CheckResult(traces, steps, null);
  }

  /** The shrunk trace as a layer trace file (docs/PID_LAYER.md) that ./pidmap replay reads. */
  private static CheckResult.Failure failure(LayerCheck.Counterexample c, Progress progress) {
    StringBuilder lines = new StringBuilder(LayerTraceFile.configLine(c.trace().config()))
        .append('\n');
    c.shrunk().forEach(op -> lines.append(op.toJson()).append('\n'));
    Path file = null;
    try {
      file = progress.out().write("verify-layer-seed" + c.trace().seed(), lines.toString());
    } catch (CannotWriteException e) {
      progress.say("the shrunk layer trace is printed below but not written: " + e.getMessage());
    }
    return new CheckResult.Failure(c.report().stripTrailing(), c.trace().seed(), lines.toString(),
        file, "seed " + c.trace().seed() + "; the shrunk layer trace (no expects: replay compares"
            + " the layer model and impl)");
  }
}
