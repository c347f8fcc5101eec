package pidmap.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import pidmap.explorer.Scope;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * What {@code pidmap verify} runs: a list of checks run one after another, one table row each.
 * The standard list ({@link #standard}) is the exhaustive small-scope exploration
 * ({@link pidmap.explorer.Explorer}), the randomized differential campaign ({@link
 * pidmap.engine.gen.Campaign}) on the four geometries of issue 2 for each profile, the pid
 * layer's property and the live-kernel oracle; a new check is one more {@link #add} call. Not thread-safe: build it, then run it
 * once from one thread.
 */
public final class Verification {

  /** The geometries every campaign covers: the kernel's, and three that reach every edge fast. */
  public static final List<Geometry> GEOMETRIES = List.of(
      Geometry.KERNEL,
      Geometry.small(4, 2, 14),
      Geometry.small(8, 3, 21),
      Geometry.small(64, 10, 200));

  private final long seed;
  private final List<Check> checks = new ArrayList<>();

  public Verification(long seed) {
    this.seed = seed;
  }

  /**
   * What {@code pidmap verify} runs at {@code effort}: the differential check on {@link
   * #GEOMETRIES} for every profile, the pid layer's property, and the live-kernel oracle (one
   * level, and the pid layer in a nested namespace).
   */
  public static Verification standard(Effort effort, long seed) {
    Verification c = new Verification(seed);
    for (Scope s : effort.explorerScopes()) {
      c.add(new ExplorerRowCheck(s));
    }
    for (Profile p : Profile.values()) {
      for (Geometry g : GEOMETRIES) {
        c.add(new DifferentialCheck(g, p, effort.traces(), effort.steps(), seed));
      }
    }
    c.add(new LayerRowCheck(effort.layerTraces(), effort.layerLength(), seed));
    c.add(new KernelRowCheck(effort.kernelSteps(), seed));
    c.add(KernelRowCheck.nested(effort.kernelSteps() / 5, seed));
    return c;
  }

  public Verification add(Check check) {
    checks.add(check);
    return this;
  }

  public List<Check> checks() {
    return List.copyOf(checks);
  }

  public long seed() {
    return seed;
  }

  /** Runs every check, also after one fails, and times each. */
  public VerifyReport run(Progress progress) {
    List<VerifyReport.Row> rows = new ArrayList<>();
    for (Check check : checks) {
      long start = System.nanoTime();
      CheckResult result = check.run(progress);
      rows.add(new VerifyReport.Row(check.name(), check.target(), result,
          Duration.ofNanos(System.nanoTime() - start)));
    }
    return new VerifyReport(seed, rows);
  }
}
