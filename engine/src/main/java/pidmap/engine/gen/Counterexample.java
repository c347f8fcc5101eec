package pidmap.engine.gen;

import java.util.List;
import pidmap.engine.Apply;
import pidmap.engine.StepResult;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Expect;
import pidmap.trace.Op;

/**
 * A generated trace that failed, and its shrunk form: what a failing property prints.
 *
 * @param geometry the geometry the trace ran on
 * @param profile the profile
 * @param seed the generator seed that reproduces the trace
 * @param traceLength how long the generated trace was
 * @param original the first failing step of the generated trace
 * @param shrunk the shrunk trace, which still fails
 * @param shrunkFailure the failing step of the shrunk trace (its last step)
 */
public record Counterexample(
    Geometry geometry,
    Profile profile,
    long seed,
    int traceLength,
    StepResult original,
    List<Op> shrunk,
    StepResult shrunkFailure) {

  public Counterexample {
    shrunk = List.copyOf(shrunk);
  }

  /** One line: what failed, where, on which trace, with which seed. */
  public String headline() {
    return shrunkFailure.failure().message() + " at step " + shrunkFailure.index()
        + " of this " + shrunk.size() + "-step trace (seed " + seed + ", " + geometry.label()
        + ", " + profile + "; the generated trace first failed at step " + original.index()
        + " of " + traceLength + ")";
  }

  /**
   * The shrunk trace in the trace format: a config line, then one line per operation whose
   * {@code expect} is the model's answer, so the trace checks any allocator on its own.
   */
  public String jsonLines() {
    return jsonLines(geometry, profile, shrunk);
  }

  /** {@code ops} as JSON Lines with a config line and the model's answers as expects. */
  public static String jsonLines(Geometry geometry, Profile profile, List<Op> ops) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"op\":\"config\",\"profile\":\"").append(profile.id())
        .append("\",\"pid_max\":").append(geometry.defaultPidMax())
        .append(",\"bits_per_page\":").append(geometry.bitsPerPage())
        .append(",\"reserved\":").append(geometry.reservedPids())
        .append(",\"pid_max_limit\":").append(geometry.pidMaxLimit())
        .append("}\n");
    ModelPidAllocator model = new ModelPidAllocator(geometry, profile);
    for (Op op : ops) {
      String json = op.toJson();
      String expect = Expect.of(Apply.run(op, model)).toJson();
      sb.append(json, 0, json.length() - 1).append(",\"expect\":").append(expect).append("}\n");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return headline() + "\n" + shrunkFailure + "\n" + jsonLines();
  }
}
