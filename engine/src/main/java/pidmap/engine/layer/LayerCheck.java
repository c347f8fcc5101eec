package pidmap.engine.layer;

import java.util.List;
import java.util.function.Function;
import pidmap.engine.shrink.Shrinker;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.trace.layer.LayerOp;

/**
 * One front end for the layer's stateful property: generate the trace for a seed, run it, and on
 * failure shrink it ({@link Shrinker#minimize}: ddmin, then single removals) to a short trace
 * that fails the same way, and describe it with its seed.
 *
 * <p>Stateless: each call runs its traces on the calling thread.
 */
public final class LayerCheck {
  private LayerCheck() {}

  /** The replays a shrink may spend. */
  public static final int SHRINK_BUDGET = 4000;

  /**
   * A failed seed: the full run's failure, the shrunk trace and that trace's failure.
   *
   * @param trace the generated trace
   * @param failure the first failure of the full trace
   * @param shrunk the shortest trace found that fails the same way
   * @param shrunkFailure how the shrunk trace fails
   */
  public record Counterexample(LayerTraceGenerator.Trace trace, LayerEngine.Failure failure,
      List<LayerOp> shrunk, LayerEngine.Failure shrunkFailure) {

    /** "invariant PID-3 failed at step 7 of this 9-step trace (seed 4411, config ...)", then the ops. */
    public String report() {
      StringBuilder sb = new StringBuilder();
      sb.append(shrunkFailure.kind() == LayerEngine.Failure.Kind.INVARIANT
              ? "invariant " + shrunkFailure.invariant() + " failed"
              : shrunkFailure.kind().name().toLowerCase() + " failure (" + shrunkFailure.side() + ")")
          .append(" at step ").append(shrunkFailure.step()).append(" of this ")
          .append(shrunk.size()).append("-step trace (seed ").append(trace.seed())
          .append(", ").append(trace.config().label()).append(", shrunk from ")
          .append(trace.ops().size()).append(" ops)\n  ").append(shrunkFailure.message())
          .append('\n');
      for (int i = 0; i < shrunk.size(); i++) {
        sb.append(String.format("  %3d  %s%n", i + 1, shrunk.get(i).toJson()));
      }
      return sb.toString();
    }
  }

  /** Runs a trace; shrinks and returns a counterexample when it fails, else null. */
  public static Counterexample check(LayerTraceGenerator.Trace trace,
      Function<LayerConfig, PidLayer> candidate, LayerEngine.Result[] resultOut) {
    LayerEngine.Result r = LayerEngine.run(trace.config(), candidate, trace.ops());
    if (resultOut != null) {
      resultOut[0] = r;
    }
    if (r.ok()) {
      return null;
    }
    String signature = r.failure().signature();
    List<LayerOp> shrunk = Shrinker.minimize(trace.ops(), ops -> {
      LayerEngine.Result x = LayerEngine.run(trace.config(), candidate, ops);
      return !x.ok() && x.failure().signature().equals(signature);
    }, SHRINK_BUDGET);
    LayerEngine.Failure f = LayerEngine.run(trace.config(), candidate, shrunk).failure();
    return new Counterexample(trace, r.failure(), shrunk, f);
  }
}
