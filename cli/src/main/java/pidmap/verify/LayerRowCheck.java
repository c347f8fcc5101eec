package pidmap.verify;

import pidmap.engine.layer.LayerCheck;
import pidmap.engine.layer.LayerEngine;
import pidmap.engine.layer.LayerTraceGenerator;
import pidmap.impl.pid.ImplPidLayer;

/**
 * The pid layer (struct pid, namespaces, tasks, lookups) as a verify row: generated layer traces
 * for seeds {@code seed .. seed+traces-1}, model against impl in lockstep ({@link LayerCheck}),
 * the first failure shrunk. Not thread-safe: one run at a time.
 */
public final class LayerRowCheck implements Check {
  private final int traces;
  private final int length;
  private final long seed;

  public LayerRowCheck(int traces, int length, long seed) {
    this.traces = traces;
    this.length = length;
    this.seed = seed;
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
      LayerCheck.Counterexample c = LayerCheck.check(trace, ImplPidLayer::new, result);
      steps += result[0].steps();
      if (c != null) {
        return new CheckResult(i + 1, steps,
            new CheckResult.Failure(c.report().stripTrailing(), trace.seed(), "", null));
      }
      progress.update(this, i + 1, traces, steps);
    }
    return new CheckResult(traces, steps, null);
  }
}
