package pidmap.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

  /**
   * The rows whose id is in {@code ids} (all when empty) and whose profile is {@code profile}
   * (rows of no one profile stay; all when null), in the same order.
   *
   * @throws IllegalArgumentException naming an unknown id and the known ones
   */
  public Verification select(List<String> ids, pidmap.spec.Profile profile) {
    Set<String> known = new LinkedHashSet<>();
    checks.forEach(c -> known.add(c.id()));
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new pidmap.spec.PidmapException("--only", id,
            "one of " + String.join(", ", known));
      }
    }
    Verification v = new Verification(seed);
    for (Check c : checks) {
      boolean idOk = ids.isEmpty() || ids.contains(c.id());
      boolean profileOk = profile == null || c.profile() == null || c.profile() == profile;
      if (idOk && profileOk) {
        v.add(c);
      }
    }
    return v;
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

  /**
   * Runs every check, also after one fails, and times each; says on the progress channel which
   * row of how many starts, and after each how long the rest should take (see {@link Estimate}).
   */
  public VerifyReport run(Progress progress) {
    List<VerifyReport.Row> rows = new ArrayList<>();
    Estimate estimate = new Estimate(checks);
    long campaignStart = progress.now();
    for (int k = 0; k < checks.size(); k++) {
      Check check = checks.get(k);
      String row = "[" + (k + 1) + "/" + checks.size() + "]";
      progress.headline(row + " " + check.name() + " " + check.target());
      long start = System.nanoTime();
      CheckResult result = check.run(progress);
      Duration time = Duration.ofNanos(System.nanoTime() - start);
      rows.add(new VerifyReport.Row(check.name(), check.target(), result, time, check.id(),
          check.profile()));
      estimate.done(k, time);
      String verdict = result.wasSkipped() ? "skip" : result.passed() ? "pass" : "FAIL";
      double elapsed = (progress.now() - campaignStart) / 1e9;
      progress.headline(String.format(Locale.ROOT, "%s %s in %.1f s; %.0f s so far%s", row,
          verdict, time.toNanos() / 1e9, elapsed, k + 1 < checks.size()
              ? ", " + estimate.remainingText() : ""));
    }
    return new VerifyReport(seed, rows);
  }
}
