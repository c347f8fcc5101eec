package pidmap.conformance.verify;

import java.util.List;
import pidmap.spec.Geometry;
import pidmap.spec.Op;
import pidmap.spec.Profile;

/** Where a randomized check gets its traces: a seed and a length in, operations out. */
@FunctionalInterface
public interface TraceSource {

  /** The project's generator (for now the interim one; see {@link InterimTraceGenerator}). */
  TraceSource GENERATOR = InterimTraceGenerator::trace;

  List<Op> trace(Geometry geometry, Profile profile, long seed, int steps);
}
