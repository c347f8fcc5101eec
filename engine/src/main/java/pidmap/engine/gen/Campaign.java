package pidmap.engine.gen;

import java.util.List;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.RunResult;
import pidmap.engine.StepResult;
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
   * @param reach what the checked steps reached (wraps, exhaustions, page edges)
   * @param counterexample the first failure, shrunk, or null when every trace conformed
   */
  public record Result(
      Geometry geometry,
      Profile profile,
      long firstSeed,
      int traces,
      long steps,
      long engineNanos,
      Reach reach,
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
    return run(geometry, profile, candidate, firstSeed, traces, length,
        TraceGenerator.DEFAULT_EDGE_FILL_BUDGET);
  }

  /**
   * As {@link #run(Geometry, Profile, AllocatorFactory, long, int, int)}, with the generator's
   * page-edge fill budget: how many allocs one fill to a page edge may take (about 32,500 to
   * reach the kernel's 32768).
   */
  public static Result run(
      Geometry geometry,
      Profile profile,
      AllocatorFactory candidate,
      long firstSeed,
      int traces,
      int length,
      int edgeFillBudget) {
    long steps = 0;
    long nanos = 0;
    Reach reach = new Reach();
    for (int i = 0; i < traces; i++) {
      long seed = firstSeed + i;
      List<Op> ops = TraceGenerator.generate(geometry, profile, seed, length, edgeFillBudget);
      long t0 = System.nanoTime();
      RunResult r = runCounting(geometry, profile, candidate, ops, reach);
      nanos += System.nanoTime() - t0;
      steps += r.steps();
      if (!r.ok()) {
        return new Result(geometry, profile, firstSeed, i + 1, steps, nanos, reach,
            counterexample(geometry, profile, candidate, seed, ops, r));
      }
    }
    return new Result(geometry, profile, firstSeed, traces, steps, nanos, reach, null);
  }

  /** The engine over {@code ops}, stopping at the first failure, counting what it reached. */
  private static RunResult runCounting(Geometry geometry, Profile profile,
      AllocatorFactory candidate, List<Op> ops, Reach reach) {
    DifferentialEngine engine = new DifferentialEngine(geometry, profile, candidate);
    for (Op op : ops) {
      int last = engine.model().lastPid();
      int max = engine.model().pidMax();
      StepResult r = engine.step(op, null);
      reach.count(geometry, last, max, op, r.reference());
      if (!r.ok()) {
        return new RunResult(engine.steps(), r);
      }
    }
    return new RunResult(engine.steps(), null);
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
