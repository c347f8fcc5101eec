package pidmap.conformance.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import pidmap.conformance.AllocatorFactory;
import pidmap.conformance.DifferentialEngine;
import pidmap.conformance.Expect;
import pidmap.conformance.RunResult;
import pidmap.conformance.StepResult;
import pidmap.conformance.trace.TraceConfig;
import pidmap.conformance.trace.TraceFiles;
import pidmap.conformance.trace.TraceLine;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Op;
import pidmap.spec.Profile;

/**
 * The randomized differential check: seeded generated traces, each run on the model and a
 * candidate (the impl unless told otherwise) through {@link DifferentialEngine}; the first
 * failing trace is shrunk and written to a file whose expects are the candidate's answers, so
 * {@code pidmap replay} on it fails at its last line. Not thread-safe: one run at a time.
 */
public final class DifferentialCheck implements Check {
  private final Geometry geometry;
  private final Profile profile;
  private final int traces;
  private final int steps;
  private final long seed;
  private final AllocatorFactory candidate;
  private final TraceSource source;

  public DifferentialCheck(Geometry geometry, Profile profile, int traces, int steps, long seed) {
    this(geometry, profile, traces, steps, seed, BitmapPidAllocator::new, TraceSource.GENERATOR);
  }

  public DifferentialCheck(Geometry geometry, Profile profile, int traces, int steps, long seed,
      AllocatorFactory candidate, TraceSource source) {
    this.geometry = geometry;
    this.profile = profile;
    this.traces = traces;
    this.steps = steps;
    this.seed = seed;
    this.candidate = candidate;
    this.source = source;
  }

  @Override
  public String name() {
    return "differential";
  }

  @Override
  public String target() {
    return geometry.label() + " / " + profile;
  }

  @Override
  public CheckResult run(Progress progress) {
    SplittableRandom seeds = new SplittableRandom(seed ^ geometry.hashCode());
    long total = 0;
    for (int i = 0; i < traces; i++) {
      long traceSeed = seeds.nextLong();
      List<Op> ops = source.trace(geometry, profile, traceSeed, steps);
      RunResult r = DifferentialEngine.run(geometry, profile, candidate, ops);
      total += r.steps();
      if (!r.ok()) {
        progress.say("trace " + (i + 1) + " (seed " + traceSeed + ") fails at step "
            + r.firstFailure().index() + "; shrinking it");
        return new CheckResult(i + 1, total, shrink(ops, r.firstFailure(), traceSeed));
      }
      progress.update(this, i + 1, traces, total);
    }
    return new CheckResult(traces, total, null);
  }

  private CheckResult.Failure shrink(List<Op> ops, StepResult failed, long traceSeed) {
    List<TraceLine> run = new ArrayList<>((int) failed.index());
    for (Op op : ops.subList(0, (int) failed.index())) {
      run.add(new TraceLine(op, null, 0));
    }
    List<TraceLine> shrunk = recorded(TraceShrinker.shrink(geometry, profile, candidate, run));
    StepResult end = TraceShrinker.firstFailure(geometry, profile, candidate, shrunk);
    TraceConfig config = TraceConfig.of(profile, geometry);
    Path file = TraceFiles.write(TraceFiles.create("pidmap-verify-" + traceSeed), config, shrunk);
    return new CheckResult.Failure(word(end.failure().kind()) + " at step " + end.index() + " of "
        + shrunk.size() + ": " + end.op() + ": " + end.failure().message(), traceSeed, config,
        shrunk, file);
  }

  /**
   * The lines with the candidate's answers as expects, as its author would have recorded them,
   * so that replaying them fails at the last line also where only the answer differs.
   */
  private List<TraceLine> recorded(List<TraceLine> lines) {
    DifferentialEngine engine = new DifferentialEngine(geometry, profile, candidate);
    List<TraceLine> out = new ArrayList<>(lines.size());
    for (TraceLine l : lines) {
      StepResult r = engine.step(l.op(), null);
      out.add(new TraceLine(l.op(), Expect.of(r.candidate()), out.size() + 2));
      if (!r.ok()) {
        break;
      }
    }
    return out;
  }

  private static String word(StepResult.Failure.Kind kind) {
    switch (kind) {
      case EXPECT:
        return "unmet expect";
      case DIVERGENCE:
        return "divergence";
      default:
        return "invariant";
    }
  }
}
