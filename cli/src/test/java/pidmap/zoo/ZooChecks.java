package pidmap.zoo;

import java.util.List;
import java.util.function.Function;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.CampaignGeometries.Case;
import pidmap.engine.CampaignGeometries;
import pidmap.engine.gen.Campaign;
import pidmap.engine.layer.LayerCheck;
import pidmap.engine.layer.LayerEngine;
import pidmap.engine.layer.LayerTraceGenerator;
import pidmap.explorer.Candidate;
import pidmap.explorer.ExploreResult;
import pidmap.explorer.Explorer;
import pidmap.explorer.Scope;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;

/**
 * The conformance kit's checks as the bug zoo runs them, each timed and answering a
 * {@link Catch}: the differential campaign (generator, engine, shrinker), the exhaustive
 * explorer, the direct-call refusal check, the pid layer's property, and Lincheck.
 *
 * <p>Stateless; each call runs on the calling thread (Lincheck's on its own).
 */
final class ZooChecks {
  private ZooChecks() {}

  static final Profile SEED = Profile.LINUX_2_6_24;
  static final long BASE_SEED = CampaignGeometries.BASE_SEED;
  static final int STEPS = CampaignGeometries.STEPS;
  /** Traces (of bpp=4) that show a campaign passing a bug it cannot see. */
  static final int BLIND_TRACES = 100;

  /** The campaign's geometries in the order the zoo tries them: bpp=4 first, then kernel, 8, 64. */
  static final List<Case> GEOMETRIES = List.of(
      CampaignGeometries.ALL.get(1), CampaignGeometries.ALL.get(0),
      CampaignGeometries.ALL.get(2), CampaignGeometries.ALL.get(3));

  /** The explorer's four-page scope (ExplorerCatchesBrokenAllocatorsTest's). */
  static final Scope FOUR_PAGES = Scope.fixedPidMax(new Geometry(4, 2, 16, 14), SEED);

  static Catch campaign(Case w, AllocatorFactory candidate) {
    return campaign(w, candidate, w.traces());
  }

  /** The campaign with fewer traces: for a bug it cannot see, to show that it passes. */
  static Catch campaign(Case w, AllocatorFactory candidate, int traces) {
    long t0 = System.nanoTime();
    Campaign.Result r = Campaign.run(w.geometry(), SEED, candidate, BASE_SEED, traces, STEPS);
    long nanos = System.nanoTime() - t0;
    String check = "campaign " + w.name().split(" ")[0];
    if (r.ok()) {
      return new Catch(check, false, r.steps() + " steps", nanos, "");
    }
    return new Catch(check, true, r.steps() + " steps (trace " + r.traces() + ")", nanos,
        r.counterexample().shrunk().size() + "-step shrunk trace: "
            + r.counterexample().shrunkFailure().failure().message());
  }

  /**
   * How deep the zoo's explorer goes: {@code -Dpidmap.zoo.explorerDepth=N}, default 6 so the
   * default run stays short; 0 means the whole scope (the numbers of docs/BUGS.md).
   */
  static final int EXPLORER_DEPTH = Integer.getInteger("pidmap.zoo.explorerDepth", 6);

  static Catch explorer(AllocatorFactory candidate) {
    long t0 = System.nanoTime();
    Scope scope = EXPLORER_DEPTH > 0 ? FOUR_PAGES.toDepth(EXPLORER_DEPTH) : FOUR_PAGES;
    ExploreResult r = Explorer.explore(scope, Candidate.blackBox("zoo", candidate),
        Explorer.Settings.defaults().withThreads(1));
    long nanos = System.nanoTime() - t0;
    String work = r.states() + " states, depth " + r.depth();
    return r.passed()
        ? new Catch("explorer 4 pages", false, work, nanos, "")
        : new Catch("explorer 4 pages", true, work, nanos, r.counterexample().ops() + ": "
            + r.counterexample().failure().failure().message());
  }

  static Catch directCalls(Case w, AllocatorFactory candidate) {
    return DirectCalls.run("direct calls " + w.name().split(" ")[0], w.geometry(), SEED, candidate, BASE_SEED,
        w.traces(), STEPS);
  }

  /** The pid layer's property, seeds 1..{@code seeds} of 150 operations each. */
  static Catch layer(Function<LayerConfig, PidLayer> candidate, int seeds) {
    long t0 = System.nanoTime();
    long ops = 0;
    LayerEngine.Result[] out = new LayerEngine.Result[1];
    for (long seed = 1; seed <= seeds; seed++) {
      LayerCheck.Counterexample c =
          LayerCheck.check(LayerTraceGenerator.generate(seed, 150), candidate, out);
      ops += out[0].steps();
      if (c != null) {
        return new Catch("layer property", true, ops + " ops (seed " + seed + ")",
            System.nanoTime() - t0, "invariant " + c.shrunkFailure().invariant() + " in a "
                + c.shrunk().size() + "-op shrunk trace: " + c.shrunkFailure().message());
      }
    }
    return new Catch("layer property", false, ops + " ops", System.nanoTime() - t0, "");
  }

  /** Lincheck's model checker on {@code options}; caught when it reports an invalid result. */
  static Catch lincheck(String check, ModelCheckingOptions options, Class<?> ops) {
    long t0 = System.nanoTime();
    try {
      options.check(ops);
      return new Catch(check, false, "no invalid result", System.nanoTime() - t0, "");
    } catch (LincheckAssertionError e) {
      long nanos = System.nanoTime() - t0;
      String report = e.getMessage();
      // an invalid result, or a @Validate function that failed at a quiescent point
      int from = report.indexOf("= Invalid execution results =");
      if (from < 0) {
        from = report.indexOf("= Validation function");
      }
      String why = from < 0 ? report.lines().findFirst().orElse("")
          : report.substring(from).lines().skip(1).limit(14)
              .reduce((a, b) -> a + " " + b.trim()).orElse("");
      return new Catch(check, from >= 0, "Lincheck report", nanos, why);
    }
  }
}
