package pidmap.engine.gen;

import java.util.List;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.RunResult;
import pidmap.engine.shrink.Shrinker;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * A randomized differential campaign: generated traces for consecutive seeds, each run through
 * the {@link DifferentialEngine} against one candidate; the first failing trace is shrunk and
 * returned as a {@link Counterexample}. The property tests, the broken-allocator tests and the
 * command line's {@code verify} all run this.
 *
 * <p>Not thread-safe; run one campaign per thread.
 */
public final class Campaign {
  private Campaign() {}

  /**
   * What a campaign checked.
   *
   * @param traces traces run (up to and including a failing one)
   * @param steps steps checked by the engine, over all traces
   * @param engineNanos time spent in the engine (generation and shrinking excluded)
   * @param counterexample the first failure, shrunk, or null when every trace conformed
   */
  public record Result(
      Geometry geometry,
      Profile profile,
      long firstSeed,
      int traces,
      long steps,
      long engineNanos,
      Counterexample counterexample) {

    public boolean ok() {
      return counterexample == null;
    }

    /** Steps checked per second of engine time. */
    public double stepsPerSecond() {
      return engineNanos == 0 ? 0 : steps * 1e9 / engineNanos;
    }
  }

  /**
   * Runs traces of {@code length} steps for seeds {@code firstSeed .. firstSeed+traces-1} and
   * stops at the first failure.
   */
  public static Result run(
      Geometry geometry,
      Profile profile,
      AllocatorFactory candidate,
      long firstSeed,
      int traces,
      int length) {
    long steps = 0;
    long nanos = 0;
    for (int i = 0; i < traces; i++) {
      long seed = firstSeed + i;
      List<Op> ops = TraceGenerator.generate(geometry, profile, seed, length);
      long t0 = System.nanoTime();
      RunResult r = DifferentialEngine.run(geometry, profile, candidate, ops);
      nanos += System.nanoTime() - t0;
      steps += r.steps();
      if (!r.ok()) {
        return new Result(geometry, profile, firstSeed, i + 1, steps, nanos,
            counterexample(geometry, profile, candidate, seed, ops, r));
      }
    }
    return new Result(geometry, profile, firstSeed, traces, steps, nanos, null);
  }

  private static Counterexample counterexample(
      Geometry geometry, Profile profile, AllocatorFactory candidate, long seed, List<Op> ops,
      RunResult failed) {
    List<Op> shrunk = Shrinker.shrinkAgainstEngine(geometry, profile, candidate, ops);
    RunResult again = DifferentialEngine.run(geometry, profile, candidate, shrunk);
    return new Counterexample(geometry, profile, seed, ops.size(), failed.firstFailure(), shrunk,
        again.firstFailure());
  }
}
