package pidmap.verify;

import java.nio.file.Path;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.gen.Campaign;
import pidmap.engine.gen.Counterexample;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.CannotWriteException;

/**
 * The randomized differential check as a verify row: {@link Campaign} (generated traces for
 * seeds {@code seed .. seed+traces-1}, model against a candidate in the engine, the first failure
 * shrunk) run in batches so that progress can be reported, and a failure's shrunk trace written
 * to a file for {@code pidmap replay}. Not thread-safe: one run at a time.
 */
public final class DifferentialCheck implements Check {
  /** Traces per batch between two progress reports. */
  static final int BATCH = 10;

  private final Geometry geometry;
  private final Profile profile;
  private final int traces;
  private final int steps;
  private final long seed;
  private final AllocatorFactory candidate;

  /** The model against the impl. */
  public DifferentialCheck(Geometry geometry, Profile profile, int traces, int steps, long seed) {
    this(geometry, profile, traces, steps, seed, BitmapPidAllocator::new);
  }

  public DifferentialCheck(Geometry geometry, Profile profile, int traces, int steps, long seed,
      AllocatorFactory candidate) {
    this.geometry = geometry;
    this.profile = profile;
    this.traces = traces;
    this.steps = steps;
    this.seed = seed;
    this.candidate = candidate;
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
  public Profile profile() {
    return profile;
  }

  @Override
  public long plannedSteps() {
    return (long) traces * steps;
  }

  @Override
  public CheckResult run(Progress progress) {
    long done = 0;
    long total = 0;
    while (done < traces) {
      int batch = (int) Math.min(BATCH, traces - done);
      Campaign.Result r = Campaign.run(geometry, profile, candidate, seed + done, batch, steps);
      done += r.traces();
      total += r.steps();
      if (!r.ok()) {
        return new CheckResult(done, total, failure(r.counterexample(), progress));
      }
      progress.update(this, done, traces, total);
    }
    return new CheckResult(done, total, null);
  }

  /** The shrunk counterexample, written under the campaign's output directory when it can be. */
  private static CheckResult.Failure failure(Counterexample c, Progress progress) {
    String lines = c.jsonLines();
    Path file = null;
    try {
      file = progress.out().write("verify-differential-" + c.profile().id() + "-seed" + c.seed(),
          lines);
    } catch (CannotWriteException e) {
      progress.say("the shrunk trace is printed below but not written: " + e.getMessage());
    }
    return new CheckResult.Failure(c.headline(), c.seed(), lines, file);
  }
}
